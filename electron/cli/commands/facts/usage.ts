import type { UsageAdded, UsageView } from '@shared/api/types/facts'
import { parseId } from '../../args'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountId, accountOption, amountText, defined, optionalId, tagsOf, whole } from './flags'

/** `usage add|list|remove`: what was used, as an amount or as an action priced by the account's rate table. */

const FLAGS = {
  id: 'ID',
  accountId: '--account',
  occurredAt: '--at',
  amount: '--amount',
  action: '--action',
  quantity: '--quantity',
  tags: '--tag',
  billable: '--not-billable',
  note: '--note',
  from: '--from',
  to: '--to',
  limit: '--limit',
  cursor: '--cursor',
}

const pricing = (usage: UsageAdded): string => {
  const rate =
    usage.rate === null
      ? ''
      : ` (${usage.quantity ?? 0} × ${usage.action ?? ''} at ${amountText(usage.rate.amount)} per ${usage.rate.per})`
  return `${rate}${usage.rounded ? ', rounded half-even to the unit' : ''}`
}

export const usageAddCommand = defineCommand({
  summary: 'Record usage: --amount DEC, or --action KEY --quantity N priced by the rate table',
  synopsis: '--account ID (--amount DEC | --action KEY --quantity N) [--at ISO] [--tag T,…] [--not-billable]',
  options: {
    account: accountOption('The account it draws from'),
    amount: { type: 'string', value: 'DEC', description: 'Amount in the account unit (extra decimals: rounded, said)' },
    action: { type: 'string', value: 'KEY', description: 'An action or model:meter of the rate table' },
    quantity: { type: 'string', value: 'N', description: 'How many of --action' },
    at: { type: 'string', value: 'ISO', description: 'When it happened (default now; no offset: your zone)' },
    tag: { type: 'string', value: 'T[,T…]', description: 'Tags such as model:gpt-4o,project:site' },
    'not-billable': { type: 'boolean', description: 'A failed request the vendor did not charge' },
    note: { type: 'string', value: 'TEXT', description: 'A note kept with the row' },
  },
  run: (context, values) => {
    const command = 'usage add'
    const input = {
      accountId: accountId(command, values.account),
      ...defined({
        amount: values.amount,
        action: values.action,
        quantity: whole(command, '--quantity', values.quantity),
        occurredAt: values.at,
        tags: tagsOf(values.tag),
        billable: values['not-billable'] === true ? false : undefined,
        note: values.note,
      }),
    }
    return callAndRespond(context, command, 'usage.add', input, {
      flags: FLAGS,
      human: (usage) => [
        `Recorded usage ${usage.id} on account ${usage.accountId}: ${amountText(usage.amount)} at ${usage.occurredAt}${pricing(usage)}`,
      ],
    })
  },
})

export const usageListCommand = defineCommand({
  summary: 'List usage, newest first, a page at a time (--limit, --cursor from the previous page)',
  synopsis: '[--account ID] [--from ISO] [--to ISO] [--limit N] [--cursor C]',
  options: {
    account: accountOption('Only the usage of this account'),
    from: { type: 'string', value: 'ISO', description: 'At or after this instant' },
    to: { type: 'string', value: 'ISO', description: 'Before this instant' },
    limit: { type: 'string', value: 'N', description: 'Rows per page (default 50, at most 1000)' },
    cursor: { type: 'string', value: 'C', description: 'The next-page cursor a previous page printed' },
  },
  run: (context, values) => {
    const command = 'usage list'
    const filter = defined({
      accountId: optionalId(command, '--account', values.account),
      from: values.from,
      to: values.to,
      limit: whole(command, '--limit', values.limit),
      cursor: values.cursor,
    })
    return callAndRespond(context, command, 'usage.list', filter, {
      flags: FLAGS,
      human: (page) => {
        if (page.items.length === 0) return [page.total === 0 ? 'No usage.' : `No more usage (${page.total} in all).`]
        const lines = table<UsageView>(
          [
            { header: 'ID', cell: (row) => String(row.id), right: true },
            { header: 'ACCOUNT', cell: (row) => String(row.accountId), right: true },
            { header: 'OCCURRED', cell: (row) => row.occurredAt },
            { header: 'AMOUNT', cell: (row) => amountText(row.amount), right: true },
            { header: 'ACTION', cell: (row) => (row.action === null ? '' : `${row.quantity ?? 0} × ${row.action}`) },
            { header: 'TAGS', cell: (row) => row.tags.join(',') + (row.billable ? '' : ' (not billable)') },
          ],
          page.items,
        )
        const more = page.nextCursor === null ? '' : `; next page: --cursor ${page.nextCursor}`
        return [...lines, `${page.items.length} of ${page.total} row${page.total === 1 ? '' : 's'}${more}`]
      },
    })
  },
})

export const usageRemoveCommand = defineCommand({
  summary: 'Delete a usage row',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      'usage remove',
      'usage.remove',
      { id: parseId('usage remove', 'ID', id) },
      {
        flags: FLAGS,
        human: (removed) => [`Removed usage ${removed.id}`],
      },
    ),
})
