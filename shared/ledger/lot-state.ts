import type { LotSortKey } from './drawdown-order'
import { resolveExpiry } from './expiry'
import type { Cost, Funding, Instant, LotFact, LotKind } from './model'
import type { LotHistoryEntry, LotResult, LotStatus } from './results'

/** A lot as the replay sees it: its fixed definition (resolved expiry included) and its running counters. */
export interface LotState {
  readonly id: string
  readonly kind: LotKind
  readonly funding: Funding
  readonly amount: number
  readonly cost: Cost | null
  /**
   * The exact price per unit the drawdown order compares, when `cost` (a whole number of minor units) cannot say it:
   * a rolled part keeps its parent's price. Absent: cost / amount.
   */
  readonly unitCost?: LotSortKey['cost']
  readonly effectiveAt: Instant
  expiresAt: Instant | null
  readonly priority: number
  readonly tags: readonly string[]
  readonly createdSeq: number
  readonly projected: boolean
  readonly programId: string | null
  readonly periodIndex: number | null
  readonly parentLotId: string | null
  /** Lost when this program ends (top-ups that need an active plan; banked rollover credits). */
  readonly endsWithProgram: string | null
  status: LotStatus
  remaining: number
  consumed: number
  expired: number
  voided: number
  rolledOut: number
  closedAt: Instant | null
  history: LotHistoryEntry[]
  sortKey: LotSortKey
}

export type LotDefinition = Omit<
  LotState,
  'status' | 'remaining' | 'consumed' | 'expired' | 'voided' | 'rolledOut' | 'closedAt' | 'history' | 'sortKey'
>

export const sortKeyOf = (lot: LotDefinition): LotSortKey => {
  // (Fix: a rolled part's cost is rounded down to whole minor units; 2 of 3 credits that cost 1 "cost" 0, so the
  // part sorted as free and jumped ahead of paid lots under free-first policies. It now keeps the parent's price.)
  const cost =
    lot.unitCost !== undefined
      ? lot.unitCost
      : lot.cost === null
        ? null
        : { amount: lot.cost.amount, units: lot.amount }
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

export const newLotState = (definition: LotDefinition): LotState => ({
  ...definition,
  status: 'scheduled',
  remaining: 0,
  consumed: 0,
  expired: 0,
  voided: 0,
  rolledOut: 0,
  closedAt: null,
  history: [],
  sortKey: sortKeyOf(definition),
})

/** A recorded lot as the replay starts it; 'at' expiries are instants, the other rules resolve in the account zone. */
export const lotFromFact = (fact: LotFact, zone: string): LotState =>
  newLotState({
    id: fact.id,
    kind: fact.kind,
    funding: fact.funding,
    amount: fact.amount,
    cost: fact.cost,
    effectiveAt: fact.effectiveAt,
    expiresAt: resolveExpiry(fact.expiry, fact.effectiveAt, fact.expiry.kind === 'at' ? 'UTC' : zone),
    priority: fact.priority,
    tags: fact.tags,
    createdSeq: fact.createdSeq,
    projected: false,
    programId: null,
    periodIndex: null,
    parentLotId: null,
    endsWithProgram: fact.endsWithProgram ?? null,
  })

const DAY = 86_400_000

/** Append to a lot's history, summing consecutive consumption of the same UTC day into one line. */
export const record = (lot: LotState, entry: LotHistoryEntry): void => {
  const last = lot.history[lot.history.length - 1]
  if (
    entry.type === 'consume' &&
    last?.type === 'consume' &&
    Math.floor(last.at / DAY) === Math.floor(entry.at / DAY)
  ) {
    lot.history[lot.history.length - 1] = { ...last, amount: last.amount + entry.amount, count: (last.count ?? 1) + 1 }
    return
  }
  lot.history.push(entry.type === 'consume' ? { ...entry, count: 1 } : entry)
}

type MutableEntry = { -readonly [K in keyof LotHistoryEntry]: LotHistoryEntry[K] }

/**
 * The hot path of a replay: one call per usage slice. Same-day consumption is summed into the day's entry in
 * place (no object per usage); cloneLots copies that last entry, so a checkpoint is never changed by a resume.
 */
export const recordUse = (lot: LotState, at: number, amount: number, type: 'consume' | 'repay'): void => {
  const history = lot.history
  // The cast only drops `readonly` (which the lint rule does not count as a type change): summing in place is the point.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const last = history[history.length - 1] as MutableEntry | undefined
  if (
    type === 'consume' &&
    last !== undefined &&
    last.type === 'consume' &&
    last.note === undefined &&
    Math.floor(last.at / DAY) === Math.floor(at / DAY)
  ) {
    last.amount += amount
    last.count = (last.count ?? 1) + 1
    return
  }
  history.push(type === 'consume' ? { at, type, amount, count: 1 } : { at, type, amount })
}

/** Does a usage with these tags qualify for this lot? Unrestricted lots take anything. */
export const applies = (lot: LotState, usageTags: readonly string[]): boolean => {
  if (lot.tags.length === 0) return true
  for (const tag of usageTags) if (lot.tags.includes(tag)) return true
  return false
}

/** Was the lot ever usable? A lot voided or expired before its effective time never was. */
const wasGranted = (lot: LotState): boolean => lot.history.some((entry) => entry.type === 'grant')

export const toLotResult = (lot: LotState): LotResult => ({
  id: lot.id,
  kind: lot.kind,
  funding: lot.funding,
  // Fix: a lot closed before its grant (voided before it was effective, or an expiry at or before its effective
  // time) was reported as granted with nothing remaining, consumed or expired, breaking per-lot conservation.
  granted: wasGranted(lot) ? lot.amount : 0,
  cost: lot.cost,
  effectiveAt: lot.effectiveAt,
  expiresAt: lot.expiresAt,
  priority: lot.priority,
  tags: lot.tags,
  projected: lot.projected,
  programId: lot.programId,
  periodIndex: lot.periodIndex,
  parentLotId: lot.parentLotId,
  status: lot.status,
  remaining: lot.remaining,
  consumed: lot.consumed,
  expired: lot.expired,
  voided: lot.voided,
  rolledOut: lot.rolledOut,
  closedAt: lot.closedAt,
  history: [...lot.history],
})
