import { mulDiv } from '../money/amount'
import type { Duration } from '../time/duration'
import { addDuration } from '../time/zoned'
import { burnRate, dayStarts, DEFAULT_WINDOW, syntheticUsage, type BurnRate } from './burn-rate'
import type { Cost, Instant, LedgerFacts, LotFact, LotKind, UsageFact } from './model'
import { replay, type ReplayResult } from './replay'
import type { ReplayState } from './replay-state'
import type { BalanceSnapshot, LotResult, Notice } from './results'

/**
 * Forecast (DESIGN §3, ledger-semantics §9.12): the account's trailing pace, run forward through the SAME replay
 * from the checkpoint at `now` as one synthetic usage per day, up to a horizon. Programs keep releasing periods
 * (the subscription renews), auto-recharge keeps buying, and the drawdown order decides which lot the pace
 * uses, so credit that will be used first anyway is never reported as at risk. Pure: `now` is a parameter.
 */

export const DEFAULT_HORIZON: Duration = { years: 1, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }
const days = (n: number): Duration => ({ ...DEFAULT_HORIZON, years: 0, days: n })

export interface ForecastOptions {
  readonly now: Instant
  /** Trailing window of the pace (default P30D). */
  readonly window?: Duration
  /** How far ahead to run (default P1Y). */
  readonly horizon?: Duration
  /** A checkpoint at or before `now` (e.g. the backend's cached one): only the facts after it are replayed. */
  readonly checkpoint?: ReplayState
}

/** An amount of money in a currency's minor units. */
export interface Money {
  readonly amount: number
  readonly currency: string
}

/** A lot the pace will not use up before it expires (or is lost with its program) within the horizon. */
export interface ExpiringLot {
  readonly lotId: string
  readonly kind: LotKind
  readonly programId: string | null
  readonly periodIndex: number | null
  /** Restricted lots (applicability tags) are never drawn by the forecast's untagged pace. */
  readonly restricted: boolean
  /** Granted before `now` and still live; false for future periods and lots that become effective at or after now. */
  readonly existsNow: boolean
  readonly remainingNow: number
  readonly granted: number
  /** When it expires unused (its expiry, period end or program end). */
  readonly expiresAt: Instant
  readonly reason: string
  /** Expected to expire unused, in the account's minor units. */
  readonly unused: number
  readonly cost: Cost | null
  /** unused × cost.amount / granted (half-even), in the cost's currency; null when the cost is unknown. */
  readonly value: Money | null
}

export interface RiskTotal {
  /** Σ unused in the account's minor units. */
  readonly unused: number
  /** Σ value per currency (currencies are never added together). */
  readonly value: Readonly<Record<string, number>>
  /** Σ unused of lots whose cost is unknown (their value cannot be given). */
  readonly unknownCost: number
}

export interface Forecast {
  readonly accountId: string
  readonly now: Instant
  readonly horizonEnd: Instant
  readonly rate: BurnRate
  /** Σ synthetic usage over [now, horizonEnd). */
  readonly projectedUsage: number
  readonly balanceNow: number
  /** First instant the balance is ≤ 0 or debt appears under the pace; null if it never does within the horizon. */
  readonly depletedAt: Instant | null
  /** Lots expected to expire unused at or after `now`, by expiry then id. */
  readonly expiring: readonly ExpiringLot[]
  readonly atRisk: { readonly within30Days: RiskTotal; readonly within90Days: RiskTotal; readonly horizon: RiskTotal }
  /** Notices the forward run raised (projected recharges, blocked recharge caps, over-limit debt). */
  readonly notices: readonly Notice[]
}

/** The forward run's inputs, computed once and reused by every what-if run (top-up advice). */
export interface ForecastBase {
  readonly facts: LedgerFacts
  readonly now: Instant
  readonly horizonEnd: Instant
  readonly rate: BurnRate
  readonly usage: readonly UsageFact[]
  /** The checkpoint at `now`: every event before `now` applied. */
  readonly state: ReplayState
}

export const prepareForecast = (facts: LedgerFacts, options: ForecastOptions, horizonEnd?: Instant): ForecastBase => {
  const { now } = options
  const zone = facts.account.zone
  const rate = burnRate(facts, now, options.window ?? DEFAULT_WINDOW)
  const end = horizonEnd ?? addDuration(now, options.horizon ?? DEFAULT_HORIZON, zone)
  const from = options.checkpoint
  const resumable = from !== undefined && from.processedBefore !== null && from.processedBefore <= now
  const state =
    resumable && from.processedBefore === now
      ? from
      : replay(facts, { until: now, ...(resumable ? { from } : {}) }).state
  return { facts, now, horizonEnd: end, rate, usage: syntheticUsage(rate, end, zone), state }
}

/** Replay [now, until) from the checkpoint with the pace instead of real usage, plus what-if lots. */
export const runForward = (
  base: ForecastBase,
  extra: { lots?: readonly LotFact[]; until?: Instant; snapshots?: readonly Instant[] } = {},
): ReplayResult =>
  replay(
    // Real usage at or after `now` is replaced by the pace; observations only make drift notices.
    { ...base.facts, lots: [...base.facts.lots, ...(extra.lots ?? [])], usage: base.usage, observations: [] },
    { until: extra.until ?? base.horizonEnd, from: base.state, snapshots: extra.snapshots ?? [] },
  )

/** Lots that expire (or are lost) unused at or after `now` in a forward run. */
export const expiringLots = (result: ReplayResult, base: ForecastBase): ExpiringLot[] => {
  const before = new Map(base.state.lots.map((lot) => [lot.id, lot]))
  const expiring: ExpiringLot[] = []
  for (const lot of result.lots) {
    if (lot.closedAt === null || lot.closedAt < base.now || lot.expired <= 0) continue
    const atNow = before.get(lot.id)
    const existsNow = atNow !== undefined && atNow.status === 'active'
    expiring.push({
      lotId: lot.id,
      kind: lot.kind,
      programId: lot.programId,
      periodIndex: lot.periodIndex,
      restricted: lot.tags.length > 0,
      existsNow,
      remainingNow: existsNow ? atNow.remaining : 0,
      granted: lot.granted,
      expiresAt: lot.closedAt,
      reason: expiryReason(lot),
      unused: lot.expired,
      cost: lot.cost,
      value: valueOf(lot),
    })
  }
  return expiring.sort((a, b) => a.expiresAt - b.expiresAt || (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0))
}

const expiryReason = (lot: LotResult): string => {
  for (let i = lot.history.length - 1; i >= 0; i -= 1) {
    const entry = lot.history[i]
    if (entry?.type === 'expire') return entry.note ?? 'expiry'
  }
  return 'expiry'
}

const valueOf = (lot: LotResult): Money | null =>
  lot.cost === null || lot.granted <= 0
    ? null
    : { amount: mulDiv(lot.expired, lot.cost.amount, lot.granted, 'half-even'), currency: lot.cost.currency }

/** Totals of the lots expiring at or before `until`. */
export const riskTotal = (expiring: readonly ExpiringLot[], until: Instant): RiskTotal => {
  let unused = 0
  let unknownCost = 0
  const value: Record<string, number> = {}
  for (const lot of expiring) {
    if (lot.expiresAt > until) continue
    unused += lot.unused
    if (lot.value === null) unknownCost += lot.unused
    else value[lot.value.currency] = (value[lot.value.currency] ?? 0) + lot.value.amount
  }
  return { unused, value, unknownCost }
}

const isDepleted = (snapshot: BalanceSnapshot, paced: boolean): boolean =>
  snapshot.debt > 0 || (paced && snapshot.balance <= 0)

/**
 * The first instant the balance is ≤ 0 (or debt appears). Sampled after each day's usage; when the first
 * depleted sample follows a healthy one, a lot that closed in between (an expiry, a void) may have emptied the
 * balance earlier, so those instants are sampled in a second run.
 */
const depletion = (base: ForecastBase, samples: readonly Instant[], first: ReplayResult): Instant | null => {
  const paced = base.rate.used > 0
  const index = first.snapshots.findIndex((snapshot) => isDepleted(snapshot, paced))
  if (index < 0) return null
  const at = samples[index] ?? null
  const previous = samples[index - 1]
  if (at === null || previous === undefined) return at
  const closes = [
    ...new Set(
      first.lots
        .map((lot) => lot.closedAt)
        .filter((closedAt): closedAt is number => closedAt !== null && closedAt > previous && closedAt < at),
    ),
  ].sort((a, b) => a - b)
  if (closes.length === 0) return at
  const second = runForward(base, { snapshots: closes })
  const earlier = second.snapshots.find((snapshot) => isDepleted(snapshot, paced))
  return earlier?.at ?? at
}

/** The forecast of one account at `now`: pace, depletion, what will expire unused and its value. */
export const forecast = (facts: LedgerFacts, options: ForecastOptions): Forecast => {
  const base = prepareForecast(facts, options)
  const { now, horizonEnd } = base
  const zone = facts.account.zone
  const samples = dayStarts(now, horizonEnd, zone)
  const last = samples[samples.length - 1]
  if (last !== undefined && horizonEnd - 1 > last) samples.push(horizonEnd - 1)
  const result = runForward(base, { snapshots: samples })
  const expiring = expiringLots(result, base)
  const balanceNow = base.state.lots.reduce((sum, lot) => (lot.status === 'active' ? sum + lot.remaining : sum), 0)
  const debtNow = base.state.debt.reduce((sum, slice) => sum + slice.amount, 0)
  return {
    accountId: facts.account.id,
    now,
    horizonEnd,
    rate: base.rate,
    projectedUsage: base.usage.reduce((sum, usage) => sum + usage.amount, 0),
    balanceNow: balanceNow - debtNow,
    depletedAt: depletion(base, samples, result),
    expiring,
    atRisk: {
      within30Days: riskTotal(expiring, addDuration(now, days(30), zone)),
      within90Days: riskTotal(expiring, addDuration(now, days(90), zone)),
      horizon: riskTotal(expiring, horizonEnd),
    },
    notices: result.notices.slice(base.state.notices.length),
  }
}
