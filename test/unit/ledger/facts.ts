import { DEFAULT_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type { AccountSpec, LedgerFacts, LotFact, ProgramFact, RechargeRule, UsageFact } from '@shared/ledger/model'
import type { ReplayResult } from '@shared/ledger/replay'
import type { LotResult } from '@shared/ledger/results'
import { parseDuration, type Duration } from '@shared/time/duration'
import type { LocalDateTime } from '@shared/time/zoned'

/** Builders for ledger scenarios: terse facts with sensible defaults, so each test shows only what matters. */

let seq = 0
const nextSeq = () => (seq += 1)

export const at = (iso: string): number => {
  const value = Date.parse(iso)
  if (Number.isNaN(value)) throw new Error(`bad instant ${iso}`)
  return value
}

export const duration = (text: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`bad duration ${text}`)
  return parsed
}

export const local = (text: string): LocalDateTime => {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text)
  if (!match) throw new Error(`bad local ${text}`)
  const [, year, month, day, hour = '0', minute = '0'] = match
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: 0,
    millisecond: 0,
  }
}

export const account = (overrides: Partial<AccountSpec> = {}): AccountSpec => ({
  id: 'acct',
  zone: 'UTC',
  overdraft: { mode: 'unlimited', limit: 0 },
  drawdown: DEFAULT_DRAWDOWN,
  ...overrides,
})

export const lot = (id: string, amount: number, effective: string, overrides: Partial<LotFact> = {}): LotFact => ({
  id,
  accountId: 'acct',
  kind: 'purchase',
  funding: 'paid',
  amount,
  cost: null,
  effectiveAt: at(effective),
  expiry: { kind: 'never' },
  priority: 50,
  tags: [],
  createdSeq: nextSeq(),
  ...overrides,
})

export const use = (id: string, amount: number, when: string, overrides: Partial<UsageFact> = {}): UsageFact => ({
  id,
  accountId: 'acct',
  occurredAt: at(when),
  amount,
  tags: [],
  billable: true,
  createdSeq: nextSeq(),
  ...overrides,
})

export const program = (
  id: string,
  overrides: Partial<ProgramFact> & Pick<ProgramFact, 'anchor' | 'amountPerPeriod'>,
): ProgramFact => ({
  id,
  accountId: 'acct',
  name: id,
  kind: 'allowance',
  interval: duration('P1M'),
  costPerPeriod: null,
  periods: null,
  endsAt: null,
  lot: { kind: 'subscription', funding: 'paid', priority: 10, tags: [], expiry: 'period' },
  rollover: { mode: 'none' },
  rolled: { periods: null, priority: 5 },
  rolledLostOnEnd: false,
  createdSeq: nextSeq(),
  ...overrides,
})

export const rechargeRule = (id: string, overrides: Partial<RechargeRule> = {}): RechargeRule => ({
  id,
  accountId: 'acct',
  threshold: 0,
  mode: 'fixed',
  amount: 0,
  monthlyMaxCount: null,
  monthlyMaxAmount: null,
  enabledFrom: 0,
  enabledUntil: null,
  lot: { priority: 50, expiry: { kind: 'never' }, costPerUnit: null },
  confirmWithinMs: 0,
  createdSeq: nextSeq(),
  ...overrides,
})

export const facts = (partial: Partial<LedgerFacts> = {}): LedgerFacts => ({
  account: account(),
  lots: [],
  usage: [],
  lotEvents: [],
  programs: [],
  rechargeRules: [],
  observations: [],
  ...partial,
})

export const lotOf = (result: ReplayResult, id: string): LotResult => {
  const found = result.lots.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no lot ${id}; lots: ${result.lots.map((l) => l.id).join(', ')}`)
  return found
}

/** The counters a person reads off a lot, for compact assertions. */
export const counters = (result: ReplayResult, id: string) => {
  const { remaining, consumed, expired, voided, rolledOut } = lotOf(result, id)
  return { remaining, consumed, expired, voided, rolledOut }
}
