import fc from 'fast-check'
import type { LotSortKey } from '@shared/ledger/drawdown-order'
import type { LotState } from '@shared/ledger/lot-state'
import type { LedgerFacts } from '@shared/ledger/model'
import type { ReplayResult } from '@shared/ledger/replay'
import type { LotResult } from '@shared/ledger/results'
import { build, type Built } from './build-facts'
import { describeFacts } from './fact-printer'
import { numRuns, scenarioArb, whenArb, type ScenarioOptions } from './scenario-arbitraries'
import type { Scenario, When } from './scenario-spec'

/**
 * What the properties derive from facts and results on their own, written from the spec (DESIGN §3,
 * ledger-semantics §9.5–9.11), not from the engine's code.
 */

export const sum = (values: Iterable<number>): number => {
  let total = 0
  for (const value of values) total += value
  return total
}

/** Billable usage that happened before `until`: what the ledger must account for, slice by slice. */
export const billableUsage = (facts: LedgerFacts, until: number): number =>
  sum(facts.usage.filter((u) => u.billable && u.occurredAt < until).map((u) => u.amount))

/**
 * Usage tags behind an allocation slice: the usage's own, or none for what a refund (clawback) made owed again, and
 * none for what a projected recharge had paid and its receipt took over (`recharge:<projection>`, ledger-semantics
 * §9.9: the projection is unrestricted, so what it paid for is any usage's).
 */
export const tagsOfUsage = (facts: LedgerFacts) => {
  const byId = new Map(facts.usage.map((u) => [u.id, u.tags]))
  return (usageId: string): readonly string[] | undefined =>
    usageId.startsWith('refund:') || usageId.startsWith('recharge:') ? [] : byId.get(usageId)
}

/** Applicability (ledger-semantics §9.5): an unrestricted lot takes anything, a restricted one a usage with a shared tag. */
export const appliesTo = (lotTags: readonly string[], usageTags: readonly string[]): boolean =>
  lotTags.length === 0 || usageTags.some((tag) => lotTags.includes(tag))

/**
 * The drawdown sort key of a lot, from its definition (DESIGN §3). The price per unit is cost / amount, except for a
 * rolled part, which keeps its parent's price (§9.7: "same per-unit cost basis"), whatever its rounded cost says.
 */
export const sortKeyFor = (lot: LotState, lots: ReadonlyMap<string, LotState>): LotSortKey => {
  let priced = lot
  for (
    let parent = lots.get(priced.parentLotId ?? '');
    parent !== undefined;
    parent = lots.get(parent.parentLotId ?? '')
  ) {
    priced = parent
  }
  const cost = priced.cost === null ? null : { amount: priced.cost.amount, units: priced.amount }
  return {
    id: lot.id,
    restricted: lot.tags.length > 0,
    priority: lot.priority,
    expiresAt: lot.expiresAt,
    free: lot.funding === 'promotional' || cost?.amount === 0,
    cost,
    effectiveAt: lot.effectiveAt,
    createdSeq: lot.createdSeq,
  }
}

/** Σ of the overage invoiced in money (account.overdraft.billedWith): it leaves the ledger's debt. */
export const billedOverage = (result: ReplayResult): number =>
  sum(result.notices.flatMap((n) => (n.kind === 'overage_billed' ? [n.amount] : [])))

export const byId = (result: ReplayResult): Map<string, LotResult> => new Map(result.lots.map((lot) => [lot.id, lot]))

/** A scenario plus a few instants picked in it (resolved after build, so they can hit boundaries exactly). */
export interface WithInstants {
  readonly scenario: Scenario
  readonly built: Built
  readonly instants: readonly number[]
}

const instantArb = fc.tuple(whenArb, fc.constantFrom(0, 0, 0, 1, -1))

/** A picked instant: a time spec resolved in the built scenario, moved by a millisecond or not. */
export type Pick = readonly [When, number]

/** A scenario with instants picked in it, printable (fast-check shows the built facts of a counterexample). */
export const caseOf = (scenario: Scenario, picks: readonly Pick[]): WithInstants => {
  const built = build(scenario)
  const instants = picks.map(([when, delta]) => built.when(when) + delta)
  return Object.defineProperty({ scenario, built, instants }, fc.toStringMethod, {
    value: () =>
      `${JSON.stringify({ scenario, picks })}\n--- facts ---\n${describeFacts(built.facts)}\n` +
      `--- instants --- ${instants.map((at) => new Date(at).toISOString()).join(' ')}`,
    enumerable: false,
  })
}

export const scenarioWithInstants = (count: number, options: ScenarioOptions = {}): fc.Arbitrary<WithInstants> =>
  fc
    .tuple(scenarioArb(options), fc.array(instantArb, { minLength: count, maxLength: count }))
    .map(([scenario, picks]) => caseOf(scenario, picks))

export const runs = (factor = 1): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(numRuns * factor)) })
