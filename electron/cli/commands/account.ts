import type { Account } from '@shared/catalog/types'
import { parseId, UsageError } from '../args'
import { callOnce, reportFailure } from '../call'
import { defineCommand, type CliContext } from '../command'
import { table } from '../table'

/** `account add` / `account list` / `account edit` / `account remove`: pools of credits at a vendor (issue 4). */

const LABELS = {
  id: 'ID',
  vendorId: '--vendor',
  name: '--name',
  unitId: '--unit',
  currency: '--currency',
  timeZone: '--zone',
} as const

const FIELD_OPTIONS = {
  name: { type: 'string', value: 'NAME', description: 'Account name, unique at its vendor' },
  unit: { type: 'string', value: 'UNIT', description: 'Unit the balance is counted in (see `unit list`)' },
  currency: { type: 'string', value: 'CUR', description: 'ISO 4217 code the vendor bills in, e.g. USD' },
  zone: { type: 'string', value: 'ZONE', description: 'The vendor’s IANA time zone, e.g. America/Los_Angeles' },
} as const

const describe = (account: Account): string =>
  `${account.vendorName} / ${account.name} (id ${account.id}): ${account.unitId}, billed in ${account.currency}, ${account.timeZone}`

export const accountAddCommand = defineCommand({
  summary: 'Add an account at a vendor',
  synopsis: '--vendor ID --name NAME --unit UNIT --currency CUR --zone ZONE',
  options: {
    vendor: { type: 'string', value: 'ID', description: 'Id of the vendor (see `vendor list`)' },
    ...FIELD_OPTIONS,
  },
  run: async (context: CliContext, values) => {
    // Missing options are sent as absent: the contract's messages ("Name is required"…) are the ones to show.
    const input = {
      vendorId: (values.vendor === undefined ? undefined : parseId('account add', '--vendor', values.vendor)) as number,
      name: values.name as string,
      unitId: values.unit as string,
      currency: values.currency as string,
      timeZone: values.zone as string,
    }
    const result = await callOnce(context, 'accounts.add', input)
    if (!result.ok) return reportFailure(context, 'account add', result.error, LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Added account ${describe(result.value)}`)
    return 0
  },
})

export const accountListCommand = defineCommand({
  summary: 'List accounts, by vendor then name',
  synopsis: '[--vendor ID]',
  options: {
    vendor: { type: 'string', value: 'ID', description: 'Only the accounts of this vendor' },
  },
  run: async (context, values) => {
    const filter = values.vendor === undefined ? {} : { vendorId: parseId('account list', '--vendor', values.vendor) }
    const result = await callOnce(context, 'accounts.list', filter)
    if (!result.ok) return reportFailure(context, 'account list', result.error, LABELS)
    if (context.json) context.out(JSON.stringify(result.value))
    else if (result.value.length === 0) context.out('No accounts.')
    else {
      const lines = table<Account>(
        [
          { header: 'ID', cell: (account) => String(account.id), right: true },
          { header: 'VENDOR', cell: (account) => account.vendorName },
          { header: 'NAME', cell: (account) => account.name },
          { header: 'UNIT', cell: (account) => account.unitId },
          { header: 'CURRENCY', cell: (account) => account.currency },
          { header: 'ZONE', cell: (account) => account.timeZone },
        ],
        result.value,
      )
      for (const line of lines) context.out(line)
    }
    return 0
  },
})

export const accountEditCommand = defineCommand({
  summary: 'Change an account’s name, unit, currency or zone; prints the account',
  synopsis: 'ID [--name NAME] [--unit UNIT] [--currency CUR] [--zone ZONE]',
  positionals: ['ID'],
  options: FIELD_OPTIONS,
  run: async (context, values, [id = '']) => {
    const patch = {
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.unit === undefined ? {} : { unitId: values.unit }),
      ...(values.currency === undefined ? {} : { currency: values.currency }),
      ...(values.zone === undefined ? {} : { timeZone: values.zone }),
    }
    if (Object.keys(patch).length === 0) {
      throw new UsageError('give at least one of --name, --unit, --currency, --zone', 'account edit')
    }
    const result = await callOnce(context, 'accounts.update', { id: parseId('account edit', 'ID', id), ...patch })
    if (!result.ok) return reportFailure(context, 'account edit', result.error, LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Changed account ${describe(result.value)}`)
    return 0
  },
})

export const accountRemoveCommand = defineCommand({
  summary: 'Delete an account',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: async (context, _values, [id = '']) => {
    const result = await callOnce(context, 'accounts.remove', { id: parseId('account remove', 'ID', id) })
    if (!result.ok) return reportFailure(context, 'account remove', result.error, LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Removed account ${result.value.id}`)
    return 0
  },
})
