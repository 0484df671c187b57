import { mulDiv } from '../money/amount'
import { DAY_MS } from '../time/calendar'
import { scaleDuration, type Duration } from '../time/duration'
import { addDuration } from '../time/zoned'
import type { Instant, LedgerFacts, UsageFact } from './model'

/** The default trailing window of the pace: the last 30 days (calendar days in the account's zone). */
export const DEFAULT_WINDOW: Duration = { years: 0, months: 0, weeks: 0, days: 30, hours: 0, minutes: 0, seconds: 0 }

/** Synthetic usage ids start with this: the UI and the tests can tell forecast usage from real usage. */
export const FORECAST_PREFIX = 'forecast:'

/**
 * The pace of one account: billable usage over the trailing window [start, end). The rate is the exact fraction
 * used / windowMs (units per ms); it is never turned into a float: every projected amount is
 * floor(used × elapsed / windowMs), computed once with mulDiv.
 */
export interface BurnRate {
  readonly accountId: string
  readonly start: Instant
  /** `now`: the window is half-open, so usage at `now` itself is not in it. */
  readonly end: Instant
  readonly windowMs: number
  /** Σ amount of billable usage in [start, end), in the account's minor units. */
  readonly used: number
  readonly count: number
  /** used × 1 day / window, rounded half-even: for display only ("12.3 credits a day"), never for sums. */
  readonly perDay: number
}

const DAY: Duration = { ...DEFAULT_WINDOW, days: 1 }

/** Billable usage of the account in the trailing `window` before `now` (end exclusive). */
export const burnRate = (facts: LedgerFacts, now: Instant, window: Duration = DEFAULT_WINDOW): BurnRate => {
  const start = addDuration(now, scaleDuration(window, -1), facts.account.zone)
  const windowMs = now - start
  if (windowMs <= 0) throw new RangeError('burnRate: the window must be longer than zero')
  let used = 0
  let count = 0
  for (const usage of facts.usage) {
    if (!usage.billable || usage.occurredAt < start || usage.occurredAt >= now) continue
    used += usage.amount
    count += 1
  }
  if (!Number.isSafeInteger(used)) throw new RangeError('burnRate: usage in the window exceeds the safe range')
  return {
    accountId: facts.account.id,
    start,
    end: now,
    windowMs,
    used,
    count,
    perDay: mulDiv(used, DAY_MS, windowMs, 'half-even'),
  }
}

/** Usage the pace projects over [rate.end, at): floor(used × (at − end) / windowMs). Monotonic in `at`. */
export const projectedUsage = (rate: BurnRate, at: Instant): number =>
  at <= rate.end ? 0 : mulDiv(rate.used, at - rate.end, rate.windowMs, 'floor')

/**
 * One synthetic usage per local day from `rate.end` up to `until` (exclusive): the usage of the day
 * [t_i, t_{i+1}) is drawn at its start t_i = end ⊕ i days, and day i carries C(t_{i+1}) − C(t_i) with
 * C = projectedUsage, so remainders are spread exactly and the first N days sum to C(t_N) (the last day is cut at
 * `until`). Untagged (it never draws restricted lots), billable, ids `forecast:<i>`. Days of 23 or 25 hours (DST)
 * carry their share of the pace in ms. Zero-amount days are left out.
 */
export const syntheticUsage = (rate: BurnRate, until: Instant, zone: string): UsageFact[] => {
  const usage: UsageFact[] = []
  if (rate.used === 0) return usage
  let dayStart = rate.end
  let before = 0
  for (let i = 0; dayStart < until; i += 1) {
    const dayEnd = Math.min(addDuration(rate.end, { ...DAY, days: i + 1 }, zone), until)
    const after = projectedUsage(rate, dayEnd)
    if (after > before) {
      usage.push({
        id: `${FORECAST_PREFIX}${i}`,
        accountId: rate.accountId,
        occurredAt: dayStart,
        amount: after - before,
        tags: [],
        billable: true,
        createdSeq: i,
      })
    }
    before = after
    dayStart = dayEnd
  }
  return usage
}

/** The instants the forecast samples the balance at: every day start t_i in [end, until). */
export const dayStarts = (from: Instant, until: Instant, zone: string): Instant[] => {
  const starts: Instant[] = []
  for (let i = 0, t = from; t < until; i += 1, t = addDuration(from, { ...DAY, days: i }, zone)) starts.push(t)
  return starts
}
