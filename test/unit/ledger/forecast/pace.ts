import type { UsageFact } from '@shared/ledger/model'
import { at, use } from '../facts'

const DAY = 86_400_000

/** `count` billable usages of `amount`, one a day at the same time from `first` (an ISO instant). */
export const daily = (prefix: string, amount: number, first: string, count: number): UsageFact[] =>
  Array.from({ length: count }, (_, i) => use(`${prefix}${i}`, amount, new Date(at(first) + i * DAY).toISOString()))

/** A cost in micro-dollars (scale 6): usd(41_200_000) is $41.20. */
export const usd = (micros: number) => ({ amount: micros, currency: 'USD' })

/** The forecasts below run at this instant; the default P30D window is [2026-01-30, 2026-03-01). */
export const NOW = '2026-03-01T00:00:00Z'

/** The 30 days of the default window, one usage a day: Jan 30 … Feb 28. */
export const windowUsage = (perDay: number): UsageFact[] => daily('w', perDay, '2026-01-30T00:00:00Z', 30)
