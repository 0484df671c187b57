import { addMinor, subMinor } from '../money/amount'
import { boundaryIndexAt } from '../time/zoned'
import { LOT_KINDS, type Funding, type Instant, type LotKind, type ProgramFact, type UsageFact } from './model'
import { programBoundary } from './programs'
import type { ReplayResult } from './replay'

/**
 * Pure read-outs a UI needs on top of a replay: the balance split by bucket kind and funding, usage totals by
 * tag (per model, project, subject, member) and how much of a period's allowance is used (usage thresholds).
 * They only sum what the replay computed: no second implementation of drawdown or expiry lives here.
 */

export interface BalanceBreakdown {
  /** Σ remaining of usable lots per kind, every kind present (0 when none), in LOT_KINDS order. */
  readonly byKind: Readonly<Record<LotKind, number>>
  readonly byFunding: Readonly<Record<Funding, number>>
  /** Part of the remaining that sits in auto-recharge lots no receipt has confirmed yet. */
  readonly projected: number
  readonly remaining: number
  readonly debt: number
  /** remaining − debt: what the vendor dashboard should show. */
  readonly balance: number
}

/** The balance at the end of the replay (its `until`), by bucket. */
export const balanceBreakdown = (result: ReplayResult): BalanceBreakdown => {
  const byKind = Object.fromEntries(LOT_KINDS.map((kind) => [kind, 0])) as Record<LotKind, number>
  const byFunding: Record<Funding, number> = { paid: 0, promotional: 0, postpaid: 0 }
  let projected = 0
  let remaining = 0
  for (const lot of result.lots) {
    if (lot.status !== 'active' || lot.remaining === 0) continue
    byKind[lot.kind] = addMinor(byKind[lot.kind], lot.remaining)
    byFunding[lot.funding] = addMinor(byFunding[lot.funding], lot.remaining)
    if (lot.projected) projected = addMinor(projected, lot.remaining)
    remaining = addMinor(remaining, lot.remaining)
  }
  const debt = result.balance.debt
  return { byKind, byFunding, projected, remaining, debt, balance: subMinor(remaining, debt) }
}

export interface TagTotal {
  /** The tag's text after the prefix ("design" for "subject:design"); null = usage without such a tag. */
  readonly value: string | null
  readonly amount: number
  readonly count: number
}

/**
 * Billable usage in [from, until) summed by the first tag starting with `prefix` ('model:', 'subject:', 'member:').
 * Each record counts once (under its first matching tag), so the rows add up to the total usage. Failed requests
 * (billable: false) cost nothing and are left out. Largest first; ties by value; untagged usage last.
 */
export const usageByTagPrefix = (
  usage: readonly UsageFact[],
  prefix: string,
  window: { readonly from?: Instant; readonly until?: Instant } = {},
): TagTotal[] => {
  const totals = new Map<string | null, { amount: number; count: number }>()
  for (const record of usage) {
    if (!record.billable) continue
    if (window.from !== undefined && record.occurredAt < window.from) continue
    if (window.until !== undefined && record.occurredAt >= window.until) continue
    const tag = record.tags.find((candidate) => candidate.startsWith(prefix))
    const value = tag === undefined ? null : tag.slice(prefix.length)
    const total = totals.get(value) ?? { amount: 0, count: 0 }
    totals.set(value, { amount: addMinor(total.amount, record.amount), count: total.count + 1 })
  }
  return [...totals.entries()]
    .map(([value, total]) => ({ value, ...total }))
    .sort((a, b) => {
      if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1
      if (a.amount !== b.amount) return b.amount - a.amount
      return (a.value ?? '') < (b.value ?? '') ? -1 : (a.value ?? '') > (b.value ?? '') ? 1 : 0
    })
}

export interface AllowanceUsage {
  readonly periodIndex: number
  readonly periodStart: Instant
  readonly periodEnd: Instant
  /** The period's allowance plus credits rolled into this period. */
  readonly granted: number
  readonly consumed: number
  /** Outstanding debt from usage inside this period: what went beyond every usable lot (pay-as-you-go overage). */
  readonly overage: number
  /** (consumed + overage) / granted, exact: thresholds compare it with integers, never with a float. */
  readonly fraction: { readonly numerator: number; readonly denominator: number }
  readonly exceeded: boolean
}

/**
 * How much of `program`'s allowance for the period containing `at` is used, as the replay knows it: replay until
 * just after `at` to read the usage up to `at`. null when no period of the program covers `at` (before it starts,
 * after it ended, or beyond the replay), so there is nothing to compare a threshold with.
 */
export const periodAllowance = (result: ReplayResult, program: ProgramFact, at: Instant): AllowanceUsage | null => {
  if (result.state.processedBefore !== null && at >= result.state.processedBefore) return null
  const k = boundaryIndexAt(program.anchor, program.interval, at)
  if (k < 0) return null
  let granted = 0
  let consumed = 0
  let found = false
  for (const lot of result.lots) {
    if (lot.programId !== program.id || lot.periodIndex !== k || lot.granted === 0) continue
    found ||= lot.parentLotId === null
    granted = addMinor(granted, lot.granted)
    consumed = addMinor(consumed, lot.consumed)
  }
  if (!found) return null
  const periodStart = programBoundary(program, k)
  const periodEnd = programBoundary(program, k + 1)
  let overage = 0
  for (const slice of result.state.debt) {
    if (slice.at >= periodStart && slice.at < periodEnd) overage = addMinor(overage, slice.amount)
  }
  const numerator = addMinor(consumed, overage)
  return {
    periodIndex: k,
    periodStart,
    periodEnd,
    granted,
    consumed,
    overage,
    fraction: { numerator, denominator: granted },
    exceeded: numerator > granted,
  }
}

/**
 * The whole percentages (e.g. HubSpot's 75, 85, 90, 100) that `fraction` has reached, compared exactly in bigint:
 * 74.9 % must not read as 75 %. An empty allowance (denominator 0) reaches every threshold once anything is used.
 */
export const reachedThresholds = (
  fraction: AllowanceUsage['fraction'],
  percents: readonly number[],
): readonly number[] =>
  percents.filter((percent) => {
    if (!Number.isSafeInteger(percent)) throw new RangeError(`threshold must be a whole percentage, got ${percent}`)
    return BigInt(fraction.numerator) * 100n >= BigInt(percent) * BigInt(fraction.denominator)
  })
