import type { AccountSpec, LedgerFacts, LotFact, ProgramFact, RechargeRule, UsageFact } from '@shared/ledger/model'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { at } from '../ledger/facts'

/** Scenario helpers for policy tests: facts come from presets, these only add usage and run the replay. */

export { at, counters, lotOf } from '../ledger/facts'

/** Whole US dollars in micro-dollars. */
export const usd = (dollars: number): number => dollars * 1_000_000

let seq = 10_000
export const nextSeq = (): number => (seq += 1)

export const use = (id: string, amount: number, when: string, accountId = 'acct'): UsageFact => ({
  id,
  accountId,
  occurredAt: at(when),
  amount,
  tags: [],
  billable: true,
  createdSeq: nextSeq(),
})

export interface Scenario {
  readonly account: AccountSpec
  readonly lots?: readonly LotFact[]
  readonly programs?: readonly ProgramFact[]
  readonly rechargeRules?: readonly RechargeRule[]
  readonly usage?: readonly UsageFact[]
  readonly lotEvents?: LedgerFacts['lotEvents']
}

export const run = (scenario: Scenario, until: string, snapshots: readonly string[] = []): ReplayResult =>
  replay(
    {
      account: scenario.account,
      lots: scenario.lots ?? [],
      usage: scenario.usage ?? [],
      lotEvents: scenario.lotEvents ?? [],
      programs: scenario.programs ?? [],
      rechargeRules: scenario.rechargeRules ?? [],
      observations: [],
    },
    { until: at(until), snapshots: snapshots.map(at), collectAllocations: true },
  )

/** Which lots paid for a usage record, as { lotId: amount } (null key "debt" for what no lot covered). */
export const paidBy = (result: ReplayResult, usageId: string): Record<string, number> => {
  const paid: Record<string, number> = {}
  for (const slice of result.allocations ?? []) {
    if (slice.usageId !== usageId) continue
    const key = slice.lotId ?? 'debt'
    paid[key] = (paid[key] ?? 0) + slice.amount
  }
  return paid
}

/** Per-lot conservation (ledger invariant 1): granted = remaining + consumed + expired + voided + rolled out. */
export const conserved = (result: ReplayResult): boolean =>
  result.lots.every(
    (lot) =>
      lot.status === 'scheduled' ||
      lot.granted === lot.remaining + lot.consumed + lot.expired + lot.voided + lot.rolledOut,
  )
