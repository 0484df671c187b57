import type { AccountRef, HomeTotal } from '@shared/api/types/views'
import type { AmountView } from '@shared/money/amount-view'
import { parseId } from '../../args'

/** Shared text helpers of the view commands: amounts with their unit, instants, the home-currency lines. */

/** Field path → the flag a user typed, for error messages ("accountId" reads as "--account"). */
export const VIEW_FLAGS = {
  at: '--at',
  accountId: '--account',
  vendorId: '--vendor',
  from: '--from',
  to: '--to',
  within: '--within',
  window: '--window',
  horizon: '--horizon',
  by: '--by',
  lot: 'LOT',
} as const

export const amount = (view: AmountView | null): string => (view === null ? '—' : `${view.value} ${view.unit}`)

export const amounts = (views: readonly AmountView[]): string =>
  views.length === 0 ? '—' : views.map(amount).join(' + ')

/** "2026-11-22 09:00Z": minutes are enough to read; --json keeps the exact instant. */
export const when = (iso: string | null): string => {
  if (iso === null) return 'never'
  const [date = iso, time = ''] = iso.split('T')
  const clock = time.slice(0, 5)
  return clock === '00:00' ? date : `${date} ${clock}Z`
}

export const accountName = (account: AccountRef): string => `${account.vendorName} / ${account.name}`

/** `--account ID` as a number, or nothing. */
export const accountOption = (command: string, value: string | undefined): { accountId?: number } =>
  value === undefined ? {} : { accountId: parseId(command, '--account', value) }

/** Options given as text, passed on only when present (the contract validates and names the field). */
export const present = <K extends string>(values: Readonly<Partial<Record<K, string>>>): Partial<Record<K, string>> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<Record<K, string>>

/** The home-currency total and where it came from: the rates used (with their dates) or the rates missing. */
export const homeLines = (label: string, home: HomeTotal): string[] => {
  const lines = [
    home.value === null
      ? `${label} in ${home.currency}: incomplete (${amount(home.converted)} converted; rates missing below)`
      : `${label} in ${home.currency}: ${amount(home.value)}`,
  ]
  for (const rate of home.rates) {
    const pair = rate.inverted
      ? `1 ${rate.quote} = ${rate.rate} ${rate.base}, inverted`
      : `1 ${rate.base} = ${rate.rate} ${rate.quote}`
    lines.push(`  rate ${pair} (effective ${rate.effectiveDate})`)
  }
  for (const gap of home.missingRates) {
    const dates = gap.firstDate === gap.lastDate ? gap.firstDate : `${gap.firstDate} to ${gap.lastDate}`
    lines.push(`  missing: no ${gap.base}→${gap.quote} rate on or before ${dates} (add one with \`fx add\`)`)
  }
  return lines
}
