/**
 * The drawdown order, declared as data per vendor policy (DESIGN §3): which eligible lot pays first.
 * Default: restricted lots first → priority → soonest expiry (never-expiring last) → free before paid
 * (then cheaper per unit first) → effective_at → creation order → id. A vendor policy may reorder or drop keys;
 * the lot id is always the final key, so the order is total and never depends on storage or iteration order.
 */
export const DRAWDOWN_KEYS = [
  'restricted_first',
  'priority',
  'soonest_expiry',
  'free_first',
  'effective_at',
  'created_seq',
] as const
export type DrawdownKey = (typeof DRAWDOWN_KEYS)[number]

export interface DrawdownPolicy {
  /** Recorded in checkpoints: a changed policy invalidates them. */
  readonly version: number
  readonly keys: readonly DrawdownKey[]
}

export const DEFAULT_DRAWDOWN: DrawdownPolicy = { version: 1, keys: DRAWDOWN_KEYS }

/** OpenAI: free/grant credits are consumed before paid ones even when the paid ones expire sooner. */
export const FREE_FIRST_DRAWDOWN: DrawdownPolicy = {
  version: 1,
  keys: ['restricted_first', 'priority', 'free_first', 'soonest_expiry', 'effective_at', 'created_seq'],
}

/** What the comparator looks at: fixed per lot, never its remaining balance. */
export interface LotSortKey {
  readonly id: string
  readonly restricted: boolean
  readonly priority: number
  /** null = never expires (sorts last). */
  readonly expiresAt: number | null
  readonly free: boolean
  /** Cost per unit as a fraction; null = unknown (after every known cost). */
  readonly cost: { readonly amount: number; readonly units: number } | null
  readonly effectiveAt: number
  readonly createdSeq: number
}

const sign = (value: number): number => (value < 0 ? -1 : value > 0 ? 1 : 0)

const compareExpiry = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : sign(a - b)

/** Per-unit cost a.amount/a.units vs b.amount/b.units, exactly (cross-multiplied in bigint). */
const compareCost = (a: LotSortKey['cost'], b: LotSortKey['cost']): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const leftNumber = a.amount * Math.max(b.units, 1)
  const rightNumber = b.amount * Math.max(a.units, 1)
  // Plain numbers while both products are exact (nearly always); bigint only beyond 2^53, where doubles round.
  if (Number.isSafeInteger(leftNumber) && Number.isSafeInteger(rightNumber)) return sign(leftNumber - rightNumber)
  const left = BigInt(a.amount) * BigInt(Math.max(b.units, 1))
  const right = BigInt(b.amount) * BigInt(Math.max(a.units, 1))
  return left === right ? 0 : left < right ? -1 : 1
}

const KEY_COMPARATORS: Readonly<Record<DrawdownKey, (a: LotSortKey, b: LotSortKey) => number>> = {
  restricted_first: (a, b) => (a.restricted === b.restricted ? 0 : a.restricted ? -1 : 1),
  priority: (a, b) => sign(a.priority - b.priority),
  soonest_expiry: (a, b) => compareExpiry(a.expiresAt, b.expiresAt),
  free_first: (a, b) => (a.free === b.free ? compareCost(a.cost, b.cost) : a.free ? -1 : 1),
  effective_at: (a, b) => sign(a.effectiveAt - b.effectiveAt),
  created_seq: (a, b) => sign(a.createdSeq - b.createdSeq),
}

/** A total order for a policy: negative when `a` is drawn before `b`; 0 only for the same lot id. */
export const drawdownComparator =
  (policy: DrawdownPolicy) =>
  (a: LotSortKey, b: LotSortKey): number => {
    for (const key of policy.keys) {
      const order = KEY_COMPARATORS[key](a, b)
      if (order !== 0) return order
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
