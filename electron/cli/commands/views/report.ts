import type { SpendReport, SpendRow, SubscriptionView, SubscriptionsReport, UsageRow } from '@shared/api/types/views'
import type { ReportGrouping } from '@shared/api/types/views'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, amount, amounts, homeLines, present, VIEW_FLAGS, when } from './format'

/** `report` (spend and usage, grouped) and `report subscriptions` (the recurring cost per month). */

const spendLines = (report: SpendReport): string[] => [
  `Spend and usage by ${report.by}, ${report.from === null ? 'from the beginning' : `from ${when(report.from)}`} to ${when(report.to)}`,
  '',
  'Money paid:',
  ...(report.spend.note === null
    ? report.spend.rows.length === 0
      ? ['  Nothing paid in this range.']
      : table<SpendRow>(
          [
            { header: report.by.toUpperCase(), cell: (row) => row.label },
            { header: 'PAID', cell: (row) => amounts(row.amounts), right: true },
            { header: 'HOME', cell: (row) => amount(row.home), right: true },
            { header: 'PAYMENTS', cell: (row) => String(row.payments), right: true },
          ],
          report.spend.rows,
        ).map((line) => `  ${line}`)
    : [`  ${report.spend.note}`]),
  `  Total: ${amounts(report.spend.totals)}`,
  ...homeLines('  Total', report.spend.home),
  '',
  'Usage:',
  ...(report.usage.rows.length === 0
    ? ['  No usage in this range.']
    : table<UsageRow>(
        [
          { header: report.by.toUpperCase(), cell: (row) => row.label },
          { header: 'USED', cell: (row) => amounts(row.amounts), right: true },
          { header: 'RECORDS', cell: (row) => String(row.count), right: true },
        ],
        report.usage.rows,
      ).map((line) => `  ${line}`)),
  `  Total: ${amounts(report.usage.totals)} in ${report.usage.count} records`,
  ...(report.usage.note === null ? [] : [`  (${report.usage.note})`]),
]

const GROUPINGS: readonly ReportGrouping[] = ['month', 'year', 'vendor', 'account', 'project', 'tag']

export const reportCommand = defineCommand({
  summary: 'Money paid and usage, by month, year, vendor, account, project or tag',
  synopsis: '[--by month|year|vendor|account|project|tag] [--from ISO] [--to ISO]',
  options: {
    by: { type: 'string', value: 'GROUP', description: `Group by ${GROUPINGS.join(', ')} (default month)` },
    from: { type: 'string', value: 'ISO', description: 'From this instant (default: the beginning)' },
    to: { type: 'string', value: 'ISO', description: 'Up to this instant, exclusive (default now)' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'report',
      'reports.spend',
      // An unknown --by goes to the contract, whose message lists the choices.
      present({ by: values.by, from: values.from, to: values.to }) as { by?: ReportGrouping },
      { flags: VIEW_FLAGS, human: spendLines },
    ),
})

const subscriptionLines = (report: SubscriptionsReport): string[] =>
  report.plans.length === 0
    ? [`No active plans on ${when(report.at)}.`]
    : [
        `Active plans on ${when(report.at)}:`,
        '',
        ...table<SubscriptionView>(
          [
            { header: 'PLAN', cell: (plan) => `${plan.name} (${plan.programId})` },
            { header: 'ACCOUNT', cell: (plan) => accountName(plan.account) },
            { header: 'EVERY', cell: (plan) => plan.interval },
            { header: 'PRICE', cell: (plan) => amount(plan.pricePerPeriod), right: true },
            { header: 'PER MONTH', cell: (plan) => amount(plan.perMonth), right: true },
            {
              header: 'HOW',
              cell: (plan) => `${plan.formula ?? 'no price recorded'}${plan.exact ? '' : ' (rounded)'}`,
            },
            { header: 'RENEWS', cell: (plan) => when(plan.nextRenewal) },
          ],
          report.plans,
        ),
        '',
        `Per month: ${amounts(report.perMonth)}`,
        ...homeLines('Per month', report.home),
        report.rounding,
      ]

export const subscriptionsCommand = defineCommand({
  summary: 'The recurring cost per month of every active plan, per currency and in the home currency',
  synopsis: '[--at ISO]',
  options: {
    at: { type: 'string', value: 'ISO', description: 'Plans active at this instant (default now)' },
  },
  run: (context, values) =>
    callAndRespond(context, 'report subscriptions', 'reports.subscriptions', present({ at: values.at }), {
      flags: VIEW_FLAGS,
      human: subscriptionLines,
    }),
})
