import type { AccountBuckets, DrawdownEntry, KindBucket } from '@shared/api/types/views'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, accountOption, amount, present, VIEW_FLAGS, when } from './format'

/** `buckets`: the balance by bucket kind and the live lots in the order the next usage draws them. */

const accountLines = (account: AccountBuckets): string[] => [
  `${accountName(account.account)} (id ${account.account.id}): balance ${amount(account.balance)}` +
    (account.debt.minor === '0' ? '' : `, debt ${amount(account.debt)}`) +
    `, drawdown ${account.drawdown === 'free_first' ? 'free credits first' : 'default order'}`,
  ...(account.byKind.length === 0
    ? ['  No lots.']
    : table<KindBucket>(
        [
          { header: 'BUCKET', cell: (bucket) => bucket.kind },
          { header: 'LOTS', cell: (bucket) => String(bucket.lots), right: true },
          { header: 'REMAINING', cell: (bucket) => amount(bucket.remaining), right: true },
          { header: 'USED', cell: (bucket) => amount(bucket.consumed), right: true },
          { header: 'EXPIRED', cell: (bucket) => amount(bucket.expired), right: true },
        ],
        account.byKind,
      ).map((line) => `  ${line}`)),
  ...(account.order.length === 0
    ? []
    : [
        '  Drawn in this order:',
        ...table<DrawdownEntry>(
          [
            { header: '#', cell: (entry) => String(entry.position), right: true },
            { header: 'LOT', cell: (entry) => entry.lot.id },
            { header: 'KIND', cell: (entry) => entry.lot.kind },
            { header: 'REMAINING', cell: (entry) => amount(entry.lot.remaining), right: true },
            { header: 'EXPIRES', cell: (entry) => when(entry.lot.expiresAt) },
            { header: 'COST', cell: (entry) => amount(entry.lot.cost), right: true },
            {
              header: 'NOTE',
              cell: (entry) =>
                entry.nextToDraw
                  ? 'next'
                  : entry.restrictedTo.length > 0
                    ? `only for ${entry.restrictedTo.join(', ')}`
                    : '',
            },
          ],
          account.order,
        ).map((line) => `    ${line}`),
      ]),
]

export const bucketsCommand = defineCommand({
  summary: 'Remaining, used and expired per bucket kind, and the lots in the order usage will draw them',
  synopsis: '[--account ID] [--at ISO]',
  options: {
    account: { type: 'string', value: 'ID', description: 'Only this account' },
    at: { type: 'string', value: 'ISO', description: 'As of this instant (default now)' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'buckets',
      'ledger.buckets',
      { ...present({ at: values.at }), ...accountOption('buckets', values.account) },
      {
        flags: VIEW_FLAGS,
        human: (accounts) =>
          accounts.length === 0
            ? ['No accounts.']
            : accounts.flatMap((account, i) => [...(i > 0 ? [''] : []), ...accountLines(account)]),
      },
    ),
})
