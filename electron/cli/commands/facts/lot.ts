import type { MethodInput } from '@shared/api/contract'
import type { LotView } from '@shared/api/types/facts'
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
  tagsOf,
  whole,
} from './flags'

/**
 * `lot add|list|void|retract|expire-at`: grants and purchases, and what happened to them. There is no `lot remove`:
 * a lot entered by mistake is retracted (replayed as if it never was), so every balance stays explainable.
 */

const FLAGS = {
  id: 'ID',
  accountId: '--account',
  kind: '--kind',
  funding: '--funding',
  amount: '--amount',
  cost: '--cost',
  'cost.amount': '--cost',
  'cost.currency': '--currency',
  effectiveAt: '--at',
  ...EXPIRY_FLAGS,
  priority: '--priority',
  tags: '--tag',
  planId: '--plan',
  note: '--note',
  at: '--at',
  mode: '--clawback',
  expiresAt: 'EXPIRES',
}

const NOTE = { type: 'string', value: 'TEXT', description: 'A note kept with the fact' } as const

const stateOf = (lot: LotView): string => {
  if (lot.retracted) return 'retracted'
  const voided = lot.events.find((event) => event.kind === 'void')
  if (voided !== undefined) return `voided ${voided.at}`
  const moved = lot.events.filter((event) => event.kind === 'expiry_change').at(-1)
  return moved === undefined ? '' : `expiry moved to ${moved.expiresAt ?? 'never'}`
}

const describe = (lot: LotView): string =>
  `lot ${lot.id} on account ${lot.accountId}: ${amountText(lot.amount)} ${lot.kind} (${lot.funding}` +
  `${lot.cost === null ? '' : `, cost ${amountText(lot.cost)}`}), effective ${lot.effectiveAt}, expires ` +
  expiryText(lot.expiry, lot.expiresAt)

export const lotAddCommand = defineCommand({
  summary: 'Record a lot: a purchase, a grant, a promotion',
  synopsis:
    '--account ID --amount DEC [--kind KIND] [--cost DEC --currency CUR] [--at ISO] [--expires ISO|never] [...]',
  options: {
    account: accountOption('The account the lot credits'),
    amount: { type: 'string', value: 'DEC', description: 'Amount in the account unit' },
    kind: { type: 'string', value: 'KIND', description: 'purchase (default), promo, trial, grant, addon, …' },
    funding: { type: 'string', value: 'F', description: 'paid, promotional or postpaid (default by kind)' },
    cost: { type: 'string', value: 'DEC', description: 'What was paid (default unknown; free kinds 0)' },
    currency: { type: 'string', value: 'CUR', description: 'Currency of --cost' },
    at: { type: 'string', value: 'ISO', description: 'When it takes effect (default now; no offset: your zone)' },
    ...EXPIRY_OPTIONS,
    priority: { type: 'string', value: 'N', description: 'Drawdown priority, lower first (default 20)' },
    tag: { type: 'string', value: 'T[,T…]', description: 'Only usage with one of these tags draws it' },
    plan: { type: 'string', value: 'ID', description: 'The plan it needs: it ends with that plan' },
    note: NOTE,
  },
  run: (context, values) => {
    const command = 'lot add'
    const input = {
      accountId: accountId(command, values.account),
      amount: values.amount as string,
      ...defined({
        kind: values.kind,
        funding: values.funding,
        cost: moneyOf(command, '--cost', values.cost, values.currency),
        effectiveAt: values.at,
        expiry: expiryOf(command, values),
        priority: whole(command, '--priority', values.priority),
        tags: tagsOf(values.tag),
        planId: optionalId(command, '--plan', values.plan),
        note: values.note,
      }),
    }
    return callAndRespond(context, command, 'lots.add', input as MethodInput<'lots.add'>, {
      flags: FLAGS,
      human: (lot) => [`Added ${describe(lot)}`],
    })
  },
})

export const lotListCommand = defineCommand({
  summary: 'List stored lots with their expiry and events, by account then effective time',
  synopsis: '[--account ID] [--all]',
  options: {
    account: accountOption('Only the lots of this account'),
    all: { type: 'boolean', description: 'Include retracted lots' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'lot list',
      'lots.list',
      defined({
        accountId: optionalId('lot list', '--account', values.account),
        includeRetracted: values.all === true ? true : undefined,
      }),
      {
        flags: FLAGS,
        human: (lots) =>
          lots.length === 0
            ? ['No lots.']
            : table<LotView>(
                [
                  { header: 'ID', cell: (lot) => String(lot.id), right: true },
                  { header: 'ACCOUNT', cell: (lot) => String(lot.accountId), right: true },
                  { header: 'KIND', cell: (lot) => lot.kind },
                  { header: 'AMOUNT', cell: (lot) => amountText(lot.amount), right: true },
                  { header: 'COST', cell: (lot) => (lot.cost === null ? '-' : amountText(lot.cost)), right: true },
                  { header: 'EFFECTIVE', cell: (lot) => lot.effectiveAt },
                  { header: 'EXPIRES', cell: (lot) => expiryText(lot.expiry, lot.expiresAt) },
                  { header: 'PRI', cell: (lot) => String(lot.priority), right: true },
                  { header: 'STATE', cell: stateOf },
                ],
                lots,
              ),
      },
    ),
})

export const lotVoidCommand = defineCommand({
  summary: 'Void a lot from an instant (a refund): what remains is gone; --clawback also turns what was used into debt',
  synopsis: 'ID [--at ISO] [--clawback] [--note TEXT]',
  positionals: ['ID'],
  options: {
    at: { type: 'string', value: 'ISO', description: 'When (default now)' },
    clawback: { type: 'boolean', description: 'What was used becomes debt too' },
    note: NOTE,
  },
  run: (context, values, [id = '']) => {
    const command = 'lot void'
    const input = {
      id: parseId(command, 'ID', id),
      ...defined({ at: values.at, mode: values.clawback === true ? 'clawback' : undefined, note: values.note }),
    }
    return callAndRespond(context, command, 'lots.void', input as MethodInput<'lots.void'>, {
      flags: FLAGS,
      human: (lot) => {
        const event = lot.events.find((one) => one.kind === 'void')
        return [`Voided lot ${lot.id} from ${event?.at ?? '?'} (${event?.mode ?? 'forward'})`]
      },
    })
  },
})

export const lotRetractCommand = defineCommand({
  summary: 'Retract a lot entered by mistake: balances are replayed as if it never existed',
  synopsis: 'ID [--note TEXT]',
  positionals: ['ID'],
  options: { note: NOTE },
  run: (context, values, [id = '']) => {
    const command = 'lot retract'
    return callAndRespond(
      context,
      command,
      'lots.retract',
      { id: parseId(command, 'ID', id), ...defined({ note: values.note }) },
      {
        flags: FLAGS,
        human: (lot) => [`Retracted lot ${lot.id} (${amountText(lot.amount)}): it no longer counts`],
      },
    )
  },
})

export const lotExpireAtCommand = defineCommand({
  summary: 'Move a lot’s expiry to EXPIRES (an ISO instant, or never), as the vendor changed it --at',
  synopsis: 'ID EXPIRES [--at ISO] [--note TEXT]',
  positionals: ['ID', 'EXPIRES'],
  options: {
    at: { type: 'string', value: 'ISO', description: 'When the vendor changed it (default now)' },
    note: NOTE,
  },
  run: (context, values, [id = '', expires = '']) => {
    const command = 'lot expire-at'
    if (expires === '') throw new UsageError('EXPIRES is an ISO instant or never', command)
    const input = {
      id: parseId(command, 'ID', id),
      expiresAt: expires === 'never' ? null : expires,
      ...defined({ at: values.at, note: values.note }),
    }
    return callAndRespond(context, command, 'lots.changeExpiry', input, {
      flags: FLAGS,
      human: (lot) => {
        const change = lot.events.filter((event) => event.kind === 'expiry_change').at(-1)
        return [`Lot ${lot.id} now expires ${change?.expiresAt ?? 'never'} (changed at ${change?.at ?? '?'})`]
      },
    })
  },
})
