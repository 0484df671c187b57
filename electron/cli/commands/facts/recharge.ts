import type { MethodInput } from '@shared/api/contract'
import type { RechargeRuleView } from '@shared/api/types/facts'
import { parseId, UsageError } from '../../args'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import {
  accountId,
  accountOption,
  amountText,
  defined,
  EXPIRY_FLAGS,
  EXPIRY_OPTIONS,
  expiryOf,
  expiryText,
  moneyOf,
  optionalId,
  whole,
} from './flags'

/** `recharge add|list|edit|remove`: auto-recharge ("auto top-up") rules of an account (issue 4). */

const FLAGS = {
  id: 'ID',
  accountId: '--account',
  threshold: '--threshold',
  mode: '--mode',
  amount: '--amount',
  monthlyMaxCount: '--max-count',
  monthlyMaxAmount: '--max-amount',
  enabledFrom: '--from',
  enabledUntil: '--until',
  'lot.priority': '--priority',
  ...Object.fromEntries(Object.entries(EXPIRY_FLAGS).map(([field, flag]) => [`lot.${field}`, flag])),
  unitPrice: '--unit-price',
  'unitPrice.amount': '--unit-price',
  'unitPrice.currency': '--currency',
  confirmWithin: '--confirm-within',
}

const RULE_OPTIONS = {
  threshold: { type: 'string', value: 'DEC', description: 'Buy when the balance falls to this (account unit)' },
  amount: { type: 'string', value: 'DEC', description: 'How much to buy (fixed) or to top up to (target)' },
  mode: { type: 'string', value: 'fixed|target', description: 'fixed: buy --amount; target: buy up to it' },
  'max-count': { type: 'string', value: 'N|none', description: 'At most this many recharges a month' },
  'max-amount': { type: 'string', value: 'DEC', description: 'At most this much recharged a month (none: no cap)' },
  from: { type: 'string', value: 'ISO', description: 'Enabled from (default now)' },
  until: { type: 'string', value: 'ISO|none', description: 'Enabled until' },
  priority: { type: 'string', value: 'N', description: 'Drawdown priority of the lots it buys (default 20)' },
  ...EXPIRY_OPTIONS,
  'unit-price': { type: 'string', value: 'DEC', description: 'What one unit of the account costs (none: unknown)' },
  currency: { type: 'string', value: 'CUR', description: 'Currency of --unit-price' },
  'confirm-within': {
    type: 'string',
    value: 'DUR',
    description: 'A recorded purchase this soon after a trigger confirms it (default PT24H)',
  },
} as const

type RuleValues = {
  readonly [K in keyof typeof RULE_OPTIONS]?: (typeof RULE_OPTIONS)[K]['type'] extends 'string' ? string : boolean
}

const noneOr = <T>(text: string | undefined, parse: (text: string) => T): T | null | undefined =>
  text === undefined ? undefined : text === 'none' ? null : parse(text)

const ruleOf = (command: string, values: RuleValues) => {
  const lot = defined({ priority: whole(command, '--priority', values.priority), expiry: expiryOf(command, values) })
  return defined({
    threshold: values.threshold,
    amount: values.amount,
    mode: values.mode,
    monthlyMaxCount: noneOr(values['max-count'], (text) => whole(command, '--max-count', text)),
    monthlyMaxAmount: noneOr(values['max-amount'], (text) => text),
    enabledFrom: values.from,
    enabledUntil: noneOr(values.until, (text) => text),
    lot: Object.keys(lot).length === 0 ? undefined : lot,
    unitPrice: moneyOf(command, '--unit-price', values['unit-price'], values.currency),
    confirmWithin: values['confirm-within'],
  })
}

const describe = (rule: RechargeRuleView): string => {
  const caps = [
    rule.monthlyMaxCount === null ? '' : `${rule.monthlyMaxCount}×`,
    rule.monthlyMaxAmount === null ? '' : amountText(rule.monthlyMaxAmount),
  ].filter((cap) => cap !== '')
  const buy = rule.mode === 'fixed' ? `buy ${amountText(rule.amount)}` : `top up to ${amountText(rule.amount)}`
  return (
    `auto-recharge rule ${rule.id} on account ${rule.accountId}: at or below ${amountText(rule.threshold)}, ${buy}` +
    (caps.length === 0 ? '' : ` (at most ${caps.join(' and ')} a month)`) +
    `, from ${rule.enabledFrom}${rule.enabledUntil === null ? '' : ` until ${rule.enabledUntil}`}`
  )
}

export const rechargeAddCommand = defineCommand({
  summary: 'Add an auto-recharge rule: when the balance falls to --threshold, buy --amount',
  synopsis: '--account ID --threshold DEC --amount DEC [--mode fixed|target] [--max-count N] [options]',
  options: { account: accountOption('The account it recharges'), ...RULE_OPTIONS },
  run: (context, values) => {
    const command = 'recharge add'
    const input = { accountId: accountId(command, values.account), ...ruleOf(command, values) }
    return callAndRespond(context, command, 'recharge.add', input as MethodInput<'recharge.add'>, {
      flags: FLAGS,
      human: (rule) => [`Added ${describe(rule)}`],
    })
  },
})

export const rechargeListCommand = defineCommand({
  summary: 'List auto-recharge rules, by account',
  synopsis: '[--account ID]',
  options: { account: accountOption('Only the rules of this account') },
  run: (context, values) =>
    callAndRespond(
      context,
      'recharge list',
      'recharge.list',
      defined({ accountId: optionalId('recharge list', '--account', values.account) }),
      {
        flags: FLAGS,
        human: (rules) =>
          rules.length === 0
            ? ['No auto-recharge rules.']
            : table<RechargeRuleView>(
                [
                  { header: 'ID', cell: (rule) => String(rule.id), right: true },
                  { header: 'ACCOUNT', cell: (rule) => String(rule.accountId), right: true },
                  { header: 'THRESHOLD', cell: (rule) => amountText(rule.threshold), right: true },
                  { header: 'MODE', cell: (rule) => rule.mode },
                  { header: 'AMOUNT', cell: (rule) => amountText(rule.amount), right: true },
                  { header: 'MAX/MONTH', cell: (rule) => maxText(rule) },
                  { header: 'FROM', cell: (rule) => rule.enabledFrom },
                  { header: 'UNTIL', cell: (rule) => rule.enabledUntil ?? '-' },
                  { header: 'EXPIRES', cell: (rule) => expiryText(rule.lot.expiry) },
                ],
                rules,
              ),
      },
    ),
})

const maxText = (rule: RechargeRuleView): string =>
  [
    rule.monthlyMaxCount === null ? '' : `${rule.monthlyMaxCount}×`,
    rule.monthlyMaxAmount === null ? '' : amountText(rule.monthlyMaxAmount),
  ]
    .filter((part) => part !== '')
    .join(', ') || '-'

export const rechargeEditCommand = defineCommand({
  summary: 'Change an auto-recharge rule (as if it had always been so; to change from a date use --until and add one)',
  synopsis: 'ID [--threshold DEC] [--amount DEC] [... recharge add options]',
  positionals: ['ID'],
  options: RULE_OPTIONS,
  run: (context, values, [id = '']) => {
    const command = 'recharge edit'
    const rule = ruleOf(command, values)
    if (Object.keys(rule).length === 0) throw new UsageError('give at least one option to change', command)
    const input = { id: parseId(command, 'ID', id), ...rule }
    return callAndRespond(context, command, 'recharge.update', input as MethodInput<'recharge.update'>, {
      flags: FLAGS,
      human: (changed) => [`Changed ${describe(changed)}`],
    })
  },
})

export const rechargeRemoveCommand = defineCommand({
  summary: 'Delete an auto-recharge rule',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      'recharge remove',
      'recharge.remove',
      { id: parseId('recharge remove', 'ID', id) },
      {
        flags: FLAGS,
        human: (removed) => [`Removed auto-recharge rule ${removed.id}`],
      },
    ),
})
