import { mulDiv } from '../money/amount'
import { addDuration } from '../time/zoned'
import { FORECAST_PREFIX, type BurnRate } from './burn-rate'
import { resolveExpiry } from './expiry'
import {
  DEFAULT_HORIZON,
  prepareForecast,
  runForward,
  type ForecastBase,
  type ForecastOptions,
  type Money,
} from './forecast'
import type { ExpiryRule, Funding, Instant, LedgerFacts, LotFact } from './model'

/** The kind of top-up being considered: what the vendor sells (e.g. "credits expire 1 year after purchase"). */
export interface TopUpShape {
  readonly expiry: ExpiryRule
  readonly priority: number
  /** Money paid per unit of credit, as a fraction (1 USD buys 1 USD of balance: 1/1); null = unknown. */
  readonly costPerUnit: { readonly numerator: number; readonly denominator: number; readonly currency: string } | null
  readonly funding?: Funding
  /** When it would be bought (default `now`; never earlier). */
  readonly at?: Instant
  /** The advice is a multiple of this many minor units (e.g. 1,000,000 = one dollar at scale 6); default 1. */
  readonly step?: number
}

export interface TopUpAdvice {
  /** The largest amount the pace uses up entirely before it expires (0 if none), a multiple of `step`. */
  readonly amount: number
  readonly cost: Money | null
  readonly effectiveAt: Instant
  readonly expiresAt: Instant | null
  /** The search ran to here: the later of the horizon and the top-up's expiry (the horizon if it never expires). */
  readonly searchedUntil: Instant
  /** How much more of the other lots would expire unused with the advised top-up: one drawn before them (a lower
   * priority number, or an earlier expiry) can push them past their own expiry. */
  readonly displaced: number
  readonly rate: BurnRate
}

export const TOPUP_LOT_ID = `${FORECAST_PREFIX}topup`

const topUpLot = (facts: LedgerFacts, shape: TopUpShape, at: Instant, amount: number): LotFact => {
  const cost = shape.costPerUnit
  return {
    id: TOPUP_LOT_ID,
    accountId: facts.account.id,
    kind: 'purchase',
    funding: shape.funding ?? 'paid',
    amount,
    cost:
      cost === null
        ? null
        : { amount: mulDiv(amount, cost.numerator, cost.denominator, 'half-even'), currency: cost.currency },
    effectiveAt: at,
    expiry: shape.expiry,
    priority: shape.priority,
    tags: [],
    createdSeq: Number.MAX_SAFE_INTEGER,
  }
}

/** Σ expired of every lot but the top-up, at or after `now`. */
const expiredElsewhere = (base: ForecastBase, lots: readonly LotFact[]): number =>
  runForward(base, { lots }).lots.reduce(
    (sum, lot) =>
      lot.id !== TOPUP_LOT_ID && lot.closedAt !== null && lot.closedAt >= base.now ? sum + lot.expired : sum,
    0,
  )

/**
 * The largest top-up of `shape` the pace would use up before it expires: a binary search on the amount, each
 * step a forward run of the same replay with the top-up added. Assumes "a fits ⇒ any smaller amount fits",
 * which holds for the greedy drawdown (the top-up's place in the order does not depend on its amount).
 * A top-up that never expires must be used up within the horizon. Outstanding debt is repaid from the top-up
 * first (as the vendor would), and that counts as used.
 */
export const adviseTopUp = (facts: LedgerFacts, shape: TopUpShape, options: ForecastOptions): TopUpAdvice => {
  const zone = facts.account.zone
  const step = shape.step ?? 1
  if (!Number.isSafeInteger(step) || step < 1) throw new RangeError('adviseTopUp: step must be a positive integer')
  const at = Math.max(shape.at ?? options.now, options.now)
  const expiresAt = resolveExpiry(shape.expiry, at, shape.expiry.kind === 'at' ? 'UTC' : zone)
  const horizonEnd = addDuration(options.now, options.horizon ?? DEFAULT_HORIZON, zone)
  const until = expiresAt === null ? horizonEnd : Math.max(horizonEnd, expiresAt)
  const base = prepareForecast(facts, options, until)

  // The top-up can never pay for more than the debt at now plus the pace up to its expiry.
  const limit = expiresAt ?? until
  const debt = base.state.debt.reduce((sum, slice) => sum + slice.amount, 0)
  const ceiling = base.usage.reduce((sum, u) => (u.occurredAt < limit ? sum + u.amount : sum), debt)
  const fits = (amount: number): boolean => {
    const lot = runForward(base, { lots: [topUpLot(facts, shape, at, amount)] }).lots.find((l) => l.id === TOPUP_LOT_ID)
    return lot !== undefined && lot.consumed === amount
  }
  let low = 0 // in steps: fits(low × step) is known true
  let high = Math.floor(ceiling / step)
  while (low < high) {
    const middle = low + Math.ceil((high - low) / 2)
    if (fits(middle * step)) low = middle
    else high = middle - 1
  }
  const amount = low * step
  const chosen = topUpLot(facts, shape, at, amount)
  const displaced = amount === 0 ? 0 : expiredElsewhere(base, [chosen]) - expiredElsewhere(base, [])
  return { amount, cost: chosen.cost, effectiveAt: at, expiresAt, searchedUntil: until, displaced, rate: base.rate }
}
