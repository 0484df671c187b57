import type { MethodInput } from '@shared/api/contract'
import type { Account } from '@shared/catalog/types'
import { parseId, UsageError } from '../args'
import { defineCommand } from '../command'
import { callAndRespond } from '../respond'
import { table } from '../table'

/** `account add` / `account list` / `account edit` / `account remove`: pools of credits at a vendor (issue 4). */

const LABELS = {
  id: 'ID',
  vendorId: '--vendor',
  name: '--name',
  unitId: '--unit',
  currency: '--currency',
  timeZone: '--zone',
  drawdown: '--drawdown',
  overdraft: '--overdraft',
  'overdraft.mode': '--overdraft',
  'overdraft.limit': '--overdraft-limit',
  'overdraft.billedWith': '--overdraft-plan',
} as const

const FIELD_OPTIONS = {
  name: { type: 'string', value: 'NAME', description: 'Account name, unique at its vendor' },
  unit: { type: 'string', value: 'UNIT', description: 'Unit the balance is counted in (see `unit list`)' },
  currency: { type: 'string', value: 'CUR', description: 'ISO 4217 code the vendor bills in, e.g. USD' },
  zone: { type: 'string', value: 'ZONE', description: 'The vendor’s IANA time zone, e.g. America/Los_Angeles' },
  drawdown: {
    type: 'string',
    value: 'ORDER',
    description: 'default or free_first: which lot pays first (free_first: free credits before paid ones)',
  },
  overdraft: {
    type: 'string',
    value: 'MODE',
    description: 'none, unlimited or limit: use beyond the balance is flagged, allowed, or allowed up to the limit',
  },
  'overdraft-limit': { type: 'string', value: 'DEC', description: 'The overdraft limit, in the account unit' },
  'overdraft-plan': {
    type: 'string',
    value: 'ID',
    description: 'The plan whose periods bill the overage in money (pay-as-you-go); none to stop',
  },
} as const

type PolicyValues = {
  readonly drawdown?: string
  readonly overdraft?: string
  readonly 'overdraft-limit'?: string
  readonly 'overdraft-plan'?: string
}

/**
 * The drawdown order and the overdraft rule as contract fields. The overdraft rule is given whole (--overdraft with
 * its limit and plan), so an edit never combines a new limit with a mode the user did not see.
 */
const policyOf = (command: string, values: PolicyValues) => {
  const limit = values['overdraft-limit']
  const plan = values['overdraft-plan']
  if (values.overdraft === undefined && (limit !== undefined || plan !== undefined)) {
    throw new UsageError('--overdraft-limit and --overdraft-plan go with --overdraft none|unlimited|limit', command)
  }
  const billedWith =
    plan === undefined ? undefined : plan === 'none' ? null : parseId(command, '--overdraft-plan', plan)
  return {
    ...(values.drawdown === undefined ? {} : { drawdown: values.drawdown }),
    ...(values.overdraft === undefined
      ? {}
      : {
          overdraft: {
            mode: values.overdraft,
            ...(limit === undefined ? {} : { limit }),
            ...(billedWith === undefined ? {} : { billedWith }),
          },
        }),
  }
}

const policyText = (account: Account): string => {
  const parts = [
    account.drawdown === 'free_first' ? 'free credits first' : '',
    account.overdraft.mode === 'none'
      ? ''
      : account.overdraft.mode === 'unlimited'
        ? 'unlimited overdraft'
        : `overdraft up to ${account.overdraft.limit.value} ${account.overdraft.limit.unit}`,
    account.overdraft.billedWith === null ? '' : `overage billed with plan ${account.overdraft.billedWith}`,
  ].filter((part) => part !== '')
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`
}

const describe = (account: Account): string =>
  `${account.vendorName} / ${account.name} (id ${account.id}): ${account.unitId}, billed in ${account.currency}, ` +
  `${account.timeZone}${policyText(account)}`

export const accountAddCommand = defineCommand({
  summary: 'Add an account at a vendor',
  synopsis: '--vendor ID --name NAME --unit UNIT --currency CUR --zone ZONE [--drawdown …] [--overdraft …]',
  options: {
    vendor: { type: 'string', value: 'ID', description: 'Id of the vendor (see `vendor list`)' },
    ...FIELD_OPTIONS,
  },
  run: (context, values) => {
    const command = 'account add'
    // Missing options are sent as absent: the contract's messages ("Name is required"…) are the ones to show.
    const input = {
      vendorId: values.vendor === undefined ? undefined : parseId(command, '--vendor', values.vendor),
      name: values.name,
      unitId: values.unit,
      currency: values.currency,
      timeZone: values.zone,
      ...policyOf(command, values),
    }
    return callAndRespond(context, command, 'accounts.add', input as MethodInput<'accounts.add'>, {
      flags: LABELS,
      human: (account) => [`Added account ${describe(account)}`],
    })
  },
})

export const accountListCommand = defineCommand({
  summary: 'List accounts, by vendor then name',
  synopsis: '[--vendor ID]',
  options: {
    vendor: { type: 'string', value: 'ID', description: 'Only the accounts of this vendor' },
  },
  run: (context, values) => {
    const filter = values.vendor === undefined ? {} : { vendorId: parseId('account list', '--vendor', values.vendor) }
    return callAndRespond(context, 'account list', 'accounts.list', filter, {
      flags: LABELS,
      human: (accounts) =>
        accounts.length === 0
          ? ['No accounts.']
          : table<Account>(
              [
                { header: 'ID', cell: (account) => String(account.id), right: true },
                { header: 'VENDOR', cell: (account) => account.vendorName },
                { header: 'NAME', cell: (account) => account.name },
                { header: 'UNIT', cell: (account) => account.unitId },
                { header: 'CURRENCY', cell: (account) => account.currency },
                { header: 'ZONE', cell: (account) => account.timeZone },
              ],
              accounts,
            ),
    })
  },
})

export const accountEditCommand = defineCommand({
  summary: 'Change an account’s name, unit, currency, zone, drawdown order or overdraft rule; prints the account',
  synopsis: 'ID [--name NAME] [--unit UNIT] [--currency CUR] [--zone ZONE] [--drawdown …] [--overdraft … ]',
  positionals: ['ID'],
  options: FIELD_OPTIONS,
  run: (context, values, [id = '']) => {
    const command = 'account edit'
    const patch = {
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.unit === undefined ? {} : { unitId: values.unit }),
      ...(values.currency === undefined ? {} : { currency: values.currency }),
      ...(values.zone === undefined ? {} : { timeZone: values.zone }),
      ...policyOf(command, values),
    }
    if (Object.keys(patch).length === 0) {
      throw new UsageError('give at least one of --name, --unit, --currency, --zone, --drawdown, --overdraft', command)
    }
    const input = { id: parseId(command, 'ID', id), ...patch }
    return callAndRespond(context, command, 'accounts.update', input as MethodInput<'accounts.update'>, {
      flags: LABELS,
      human: (account) => [`Changed account ${describe(account)}`],
    })
  },
})

export const accountRemoveCommand = defineCommand({
  summary: 'Delete an account',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      'account remove',
      'accounts.remove',
      { id: parseId('account remove', 'ID', id) },
      {
        flags: LABELS,
        human: (removed) => [`Removed account ${removed.id}`],
      },
    ),
})
