import type { AccountForecast, Expiring, ExpiringLotView, RiskView } from '@shared/api/types/views'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, accountOption, amount, amounts, homeLines, present, VIEW_FLAGS, when } from './format'

/** `expiring` and `forecast`: what will expire unused at the current pace, and when balances run out. */

const expiringTable = (lots: readonly ExpiringLotView[], withAccount: boolean): string[] =>
  table<ExpiringLotView>(
    [
      { header: 'EXPIRES', cell: (lot) => when(lot.expiresAt) },
      ...(withAccount ? [{ header: 'ACCOUNT', cell: (lot: ExpiringLotView) => accountName(lot.account) }] : []),
      { header: 'LOT', cell: (lot) => lot.lotId },
      { header: 'KIND', cell: (lot) => lot.kind },
      { header: 'REMAINING NOW', cell: (lot) => amount(lot.remainingNow), right: true },
      { header: 'EXPECTED UNUSED', cell: (lot) => amount(lot.expectedUnused), right: true },
      { header: 'VALUE', cell: (lot) => amount(lot.expectedValue), right: true },
      { header: 'WHY', cell: (lot) => (lot.restricted ? `${lot.reason} (restricted lot)` : lot.reason) },
    ],
    lots,
  )

const expiringLines = (expiring: Expiring): string[] =>
  expiring.lots.length === 0
    ? [`Nothing expires between ${when(expiring.at)} and ${when(expiring.until)}.`]
    : [
        `Expiring between ${when(expiring.at)} and ${when(expiring.until)} (expected unused at the 30-day pace):`,
        '',
        ...expiringTable(expiring.lots, true),
        '',
        `Expected value lost: ${amounts(expiring.expectedValue)}`,
        ...homeLines('Expected value lost', expiring.home),
      ]

export const expiringCommand = defineCommand({
  summary: 'Lots expiring within a duration (default P30D): remaining now and expected unused at your pace',
  synopsis: '[--within P30D] [--at ISO] [--account ID]',
  options: {
    within: { type: 'string', value: 'DURATION', description: 'ISO 8601 duration ahead of now (default P30D)' },
    at: { type: 'string', value: 'ISO', description: 'Look from this instant instead of now' },
    account: { type: 'string', value: 'ID', description: 'Only this account' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'expiring',
      'ledger.expiring',
      { ...present({ within: values.within, at: values.at }), ...accountOption('expiring', values.account) },
      { flags: VIEW_FLAGS, human: expiringLines },
    ),
})

const risk = (label: string, view: RiskView): string =>
  view.unused.minor === '0'
    ? `  ${label}: nothing expected to expire unused`
    : `  ${label}: ${amount(view.unused)} unused, worth ${amounts(view.value)}` +
      (view.unknownCost.minor === '0' ? '' : ` (+ ${amount(view.unknownCost)} of unknown cost)`)

const forecastLines = (forecast: AccountForecast): string[] => [
  `${accountName(forecast.account)} (id ${forecast.account.id})`,
  `  Balance now: ${amount(forecast.balanceNow)}`,
  `  Pace: ${amount(forecast.rate.perDay)} a day (${amount(forecast.rate.used)} in ${forecast.rate.count} records since ${when(forecast.rate.windowStart)})`,
  `  Runs out: ${forecast.depletedAt === null ? `not before ${when(forecast.horizonEnd)}` : when(forecast.depletedAt)}`,
  'At risk of expiring unused:',
  risk('within 30 days', forecast.atRisk.within30Days),
  risk('within 90 days', forecast.atRisk.within90Days),
  risk(`by ${when(forecast.horizonEnd)}`, forecast.atRisk.horizon),
  ...(forecast.expiring.length === 0 ? [] : expiringTable(forecast.expiring, false).map((line) => `  ${line}`)),
  ...forecast.notices.map((notice) => `  Ahead: ${when(notice.at)} ${notice.message}`),
]

export const forecastCommand = defineCommand({
  summary: 'Burn rate, when each balance runs out, and the value at risk of expiring unused',
  synopsis: '[--account ID] [--window P30D] [--horizon P1Y]',
  options: {
    account: { type: 'string', value: 'ID', description: 'Only this account' },
    window: { type: 'string', value: 'DURATION', description: 'Trailing window of the pace (default P30D)' },
    horizon: { type: 'string', value: 'DURATION', description: 'How far ahead to look (default P1Y)' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'forecast',
      'ledger.forecast',
      { ...present({ window: values.window, horizon: values.horizon }), ...accountOption('forecast', values.account) },
      {
        flags: VIEW_FLAGS,
        human: (forecasts) =>
          forecasts.length === 0
            ? ['No accounts.']
            : forecasts.flatMap((forecast, i) => [...(i > 0 ? [''] : []), ...forecastLines(forecast)]),
      },
    ),
})
