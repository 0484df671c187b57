import type { HomeTotal, MissingRate, RateUsed } from '@shared/api/types/views'
import { addMinor, mulDiv } from '@shared/money/amount'
import { parseDecimal } from '@shared/money/decimal'
import { FX_RATE_SCALE } from '@shared/settings/schemas'
import { fxRepo } from '../../repositories/fx-repo'
import type { ServiceContext } from '../context'
import { getSettings } from '../settings-service'
import { money } from './view-amounts'

/**
 * Amounts in the home currency (DESIGN §4): each converted at the user's rate in force on its date (the latest on or
 * before it), with that rate's date reported; no rate means "missing", never 1:1. A pair entered the other way round
 * (home → currency) is used inverted when it is the more recent one, and says so. Each conversion rounds half-even
 * to the home currency's micro-units.
 */

const ONE = 10 ** FX_RATE_SCALE

interface Rate {
  readonly used: RateUsed
  readonly e9: number
}

export interface HomeConverter {
  readonly currency: string
  /** `amount` micro-units of `currency` on `date` (YYYY-MM-DD) in the home currency; null when no rate applies. */
  readonly convert: (amount: number, currency: string, date: string) => number | null
  /** The total over everything converted so far by this converter. */
  readonly total: () => HomeTotal
}

export const homeConverter = (ctx: ServiceContext, home = getSettings(ctx).homeCurrency): HomeConverter => {
  const rates = fxRepo(ctx.db)
  const cache = new Map<string, Rate | null>()
  const used = new Map<string, RateUsed>()
  const missing = new Map<string, { base: string; quote: string; firstDate: string; lastDate: string; count: number }>()
  let converted = 0

  const lookup = (currency: string, date: string): Rate | null => {
    const key = `${currency}|${date}`
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const direct = rates.latestOnOrBefore(currency, home, date)
    const inverse = rates.latestOnOrBefore(home, currency, date)
    const pick = direct && (!inverse || direct.effectiveDate >= inverse.effectiveDate) ? direct : inverse
    let rate: Rate | null = null
    if (pick) {
      const parsed = parseDecimal(pick.rate, FX_RATE_SCALE)
      if (parsed.ok && parsed.value > 0) {
        rate = {
          e9: parsed.value,
          used: {
            base: pick.base,
            quote: pick.quote,
            rate: pick.rate,
            effectiveDate: pick.effectiveDate,
            inverted: pick !== direct,
          },
        }
      }
    }
    cache.set(key, rate)
    return rate
  }

  const convert = (amount: number, currency: string, date: string): number | null => {
    if (currency === home) {
      converted = addMinor(converted, amount)
      return amount
    }
    const rate = lookup(currency, date)
    if (rate === null) {
      const gap = missing.get(currency)
      if (gap === undefined)
        missing.set(currency, { base: currency, quote: home, firstDate: date, lastDate: date, count: 1 })
      else {
        gap.count += 1
        if (date < gap.firstDate) gap.firstDate = date
        if (date > gap.lastDate) gap.lastDate = date
      }
      return null
    }
    const { used: info, e9 } = rate
    used.set(`${info.base}|${info.quote}|${info.effectiveDate}`, info)
    const value = info.inverted ? mulDiv(amount, ONE, e9, 'half-even') : mulDiv(amount, e9, ONE, 'half-even')
    converted = addMinor(converted, value)
    return value
  }

  const total = (): HomeTotal => {
    const missingRates: MissingRate[] = [...missing.values()].sort((a, b) => (a.base < b.base ? -1 : 1))
    const ratesUsed = [...used.values()].sort(
      (a, b) =>
        a.base.localeCompare(b.base) ||
        a.quote.localeCompare(b.quote) ||
        a.effectiveDate.localeCompare(b.effectiveDate),
    )
    return {
      currency: home,
      value: missingRates.length === 0 ? money(converted, home) : null,
      converted: money(converted, home),
      rates: ratesUsed,
      missingRates,
    }
  }

  return { currency: home, convert, total }
}
