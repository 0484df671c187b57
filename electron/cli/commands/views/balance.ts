import type { AccountBalance, Balances, LotView } from '@shared/api/types/views'
import { parseId } from '../../args'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, accountOption, amount, amounts, homeLines, present, VIEW_FLAGS, when } from './format'

/** `balance`: every account's balance as of an instant, its lots (with --account), and the totals. */

const lotTable = (lots: readonly LotView[]): string[] =>
  table<LotView>(
    [
      { header: 'LOT', cell: (lot) => lot.id },
      { header: 'KIND', cell: (lot) => lot.kind },
      { header: 'STATUS', cell: (lot) => (lot.projected ? `${lot.status} (projected)` : lot.status) },
      { header: 'GRANTED', cell: (lot) => amount(lot.granted), right: true },
      { header: 'USED', cell: (lot) => amount(lot.consumed), right: true },
      { header: 'EXPIRED', cell: (lot) => amount(lot.expired), right: true },
      { header: 'REMAINING', cell: (lot) => amount(lot.remaining), right: true },
      { header: 'EFFECTIVE', cell: (lot) => when(lot.effectiveAt) },
      { header: 'EXPIRES', cell: (lot) => when(lot.expiresAt) },
      { header: 'COST', cell: (lot) => amount(lot.cost), right: true },
    ],
    lots,
  )

export const balanceLines = (balances: Balances, withLots: boolean): string[] => {
  if (balances.accounts.length === 0) return ['No accounts.']
  const lines = [
    `Balances as of ${when(balances.at)}`,
    '',
    ...table<AccountBalance>(
      [
        { header: 'ID', cell: (row) => String(row.account.id), right: true },
        { header: 'ACCOUNT', cell: (row) => accountName(row.account) },
        { header: 'BALANCE', cell: (row) => amount(row.balance), right: true },
        { header: 'REMAINING', cell: (row) => amount(row.remaining), right: true },
        { header: 'DEBT', cell: (row) => amount(row.debt), right: true },
        { header: 'VALUE', cell: (row) => amounts(row.value.value), right: true },
        { header: 'LOTS', cell: (row) => String(row.lots.length), right: true },
      ],
      balances.accounts,
    ),
  ]
  if (withLots) {
    for (const row of balances.accounts) {
      lines.push('', `${accountName(row.account)} (id ${row.account.id}): lots`)
      lines.push(...(row.lots.length === 0 ? ['  No lots.'] : lotTable(row.lots).map((line) => `  ${line}`)))
    }
  }
  const { totals } = balances
  lines.push('', 'Totals per unit:')
  for (const unit of totals.byUnit) {
    lines.push(
      `  ${unit.unit}: balance ${amount(unit.balance)}, remaining ${amount(unit.remaining)}, debt ${amount(unit.debt)}`,
    )
  }
  lines.push(`Value of holdings: ${amounts(totals.byCurrency)}`)
  if (totals.unvalued.length > 0) lines.push(`Not valued (no recorded cost): ${amounts(totals.unvalued)}`)
  lines.push(...homeLines('Total', totals.home))
  return lines
}

export const balanceCommand = defineCommand({
  summary: 'Balances per account as of an instant (default now), with totals per unit and in the home currency',
  synopsis: '[--at ISO] [--account ID] [--vendor ID] [--lots] [--all]',
  options: {
    at: { type: 'string', value: 'ISO', description: 'As of this instant (default now; no offset: your time zone)' },
    account: { type: 'string', value: 'ID', description: 'Only this account, with its lots' },
    vendor: { type: 'string', value: 'ID', description: 'Only the accounts of this vendor' },
    lots: { type: 'boolean', description: 'List the lots holding credit (default with --account only)' },
    all: { type: 'boolean', description: 'List every lot, used-up and closed ones too' },
  },
  run: (context, values) => {
    const input = {
      ...present({ at: values.at }),
      ...accountOption('balance', values.account),
      ...(values.vendor === undefined ? {} : { vendorId: parseId('balance', '--vendor', values.vendor) }),
      ...(values.all === true ? { lots: 'all' as const } : values.lots === true ? { lots: 'live' as const } : {}),
    }
    return callAndRespond(context, 'balance', 'ledger.balances', input, {
      flags: VIEW_FLAGS,
      human: (balances) =>
        balanceLines(balances, values.account !== undefined || values.lots === true || values.all === true),
    })
  },
})
