import type { LotHistory, LotHistoryLine, NoticeView, PaidUsage } from '@shared/api/types/views'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, accountOption, amount, present, VIEW_FLAGS, when } from './format'

/** `history LOT`: one lot's life and the usage it paid; `notices`: what the replay flagged. */

const historyLines = (history: LotHistory): string[] => {
  const { lot } = history
  return [
    `Lot ${lot.id} of ${accountName(history.account)}: ${lot.kind}, ${lot.status}${lot.projected ? ' (projected)' : ''}`,
    `  granted ${amount(lot.granted)}, used ${amount(lot.consumed)}, expired ${amount(lot.expired)}, ` +
      `voided ${amount(lot.voided)}, rolled over ${amount(lot.rolledOut)}, remaining ${amount(lot.remaining)}`,
    `  effective ${when(lot.effectiveAt)}, expires ${when(lot.expiresAt)}, cost ${amount(lot.cost)}`,
    '',
    history.historyTotal > history.history.length
      ? `History (latest ${history.history.length} of ${history.historyTotal}):`
      : 'History:',
    ...table<LotHistoryLine>(
      [
        { header: 'WHEN', cell: (line) => when(line.at) },
        { header: 'WHAT', cell: (line) => line.type },
        { header: 'AMOUNT', cell: (line) => amount(line.amount), right: true },
        {
          header: 'NOTE',
          cell: (line) =>
            [line.count === null ? '' : `${line.count} record${line.count === 1 ? '' : 's'}`, line.note ?? '']
              .filter(Boolean)
              .join('; '),
        },
      ],
      history.history,
    ).map((line) => `  ${line}`),
    '',
    `Usage paid: ${history.paidTotal.count} part(s), ${amount(history.paidTotal.amount)}` +
      (history.paidTotal.count > history.paid.length ? ` (latest ${history.paid.length} shown)` : ''),
    ...(history.paid.length === 0
      ? []
      : table<PaidUsage>(
          [
            { header: 'WHEN', cell: (usage) => when(usage.at) },
            { header: 'USAGE', cell: (usage) => usage.usageId },
            { header: 'AMOUNT', cell: (usage) => amount(usage.amount), right: true },
            { header: 'TAGS', cell: (usage) => usage.tags.join(' ') },
          ],
          history.paid,
        ).map((line) => `  ${line}`)),
  ]
}

export const historyCommand = defineCommand({
  summary: 'One lot’s history (grant, use, expiry, void, rollover) and the usage it paid',
  synopsis: 'LOT [--at ISO]',
  positionals: ['LOT'],
  options: {
    at: { type: 'string', value: 'ISO', description: 'Up to this instant (default now)' },
  },
  run: (context, values, [lot = '']) =>
    callAndRespond(
      context,
      'history',
      'lots.history',
      { lot, ...present({ at: values.at }) },
      { flags: VIEW_FLAGS, human: historyLines },
    ),
})

export const noticesCommand = defineCommand({
  summary: 'What the ledger flagged: negative balances, overdrafts, drift, blocked recharges, billed overage',
  synopsis: '[--account ID] [--from ISO] [--to ISO]',
  options: {
    account: { type: 'string', value: 'ID', description: 'Only this account' },
    from: { type: 'string', value: 'ISO', description: 'From this instant (default: the beginning)' },
    to: { type: 'string', value: 'ISO', description: 'Up to this instant, exclusive (default now)' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'notices',
      'ledger.notices',
      { ...present({ from: values.from, to: values.to }), ...accountOption('notices', values.account) },
      {
        flags: VIEW_FLAGS,
        human: (notices) =>
          notices.length === 0
            ? ['No notices.']
            : table<NoticeView>(
                [
                  { header: 'WHEN', cell: (notice) => when(notice.at) },
                  { header: 'ACCOUNT', cell: (notice) => accountName(notice.account) },
                  { header: 'NOTICE', cell: (notice) => notice.message },
                ],
                notices,
              ),
      },
    ),
})
