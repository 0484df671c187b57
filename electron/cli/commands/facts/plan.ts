import type { MethodInput } from '@shared/api/contract'
import type { PlanView } from '@shared/api/types/facts'
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

/** `plan add|list|edit|cancel`: subscriptions, add-on packs, annual plans released monthly, daily allowances (issue 4). */

const FLAGS = {
  id: 'ID',
  accountId: '--account',
  name: '--name',
  kind: '--kind',
  start: '--start',
  anchor: '--anchor',
  zone: '--zone',
  interval: '--interval',
  amount: '--amount',
  price: '--price',
  'price.amount': '--price',
  'price.currency': '--currency',
  priceBasis: '--price-basis',
  periods: '--periods',
  'lot.kind': '--lot-kind',
  'lot.funding': '--funding',
  'lot.priority': '--priority',
  'lot.tags': '--tag',
  ...Object.fromEntries(Object.entries(EXPIRY_FLAGS).map(([field, flag]) => [`lot.${field}`, flag])),
  rollover: '--rollover',
  'rollover.mode': '--rollover',
  'rollover.cap': '--rollover',
  'rollover.numerator': '--rollover',
  'rolled.periods': '--rolled-periods',
  'rolled.priority': '--rolled-priority',
  endsAt: '--ends',
  replaces: '--replaces',
  correction: '--correction',
  at: '--at',
}

const TERM_OPTIONS = {
  name: { type: 'string', value: 'NAME', description: 'Plan name' },
  kind: { type: 'string', value: 'KIND', description: 'allowance | addon | annual_release | daily | commitment' },
  start: { type: 'string', value: 'ISO', description: 'When the first period starts (no offset: your zone)' },
  anchor: { type: 'string', value: 'LOCAL', description: 'Or: the first period’s start as wall-clock time in --zone' },
  zone: { type: 'string', value: 'ZONE', description: 'Zone periods are computed in (default the account’s)' },
  interval: { type: 'string', value: 'DURATION', description: 'Period length (default P1M; daily P1D)' },
  amount: { type: 'string', value: 'DEC', description: 'Credits per period, in the account unit' },
  price: { type: 'string', value: 'DEC|none', description: 'Price per period (annual_release: of the whole term)' },
  currency: { type: 'string', value: 'CUR', description: 'Currency of --price' },
  'price-basis': { type: 'string', value: 'BASIS', description: 'per_period or total: what --price covers' },
  periods: {
    type: 'string',
    value: 'N|none',
    description: 'Number of periods (annual_release: 12; none: until ended)',
  },
  'lot-kind': { type: 'string', value: 'KIND', description: 'Kind of the released lots (default by plan kind)' },
  funding: { type: 'string', value: 'F', description: 'paid, promotional or postpaid: funding of the released lots' },
  priority: { type: 'string', value: 'N', description: 'Drawdown priority of the released lots (lower first)' },
  tag: { type: 'string', value: 'T[,T…]', description: 'Applicability tags of the released lots' },
  ...EXPIRY_OPTIONS,
  expires: {
    type: 'string',
    value: 'WHEN',
    description: 'period, never, end-of-day or an ISO instant: expiry of the released lots (default period)',
  },
  rollover: {
    type: 'string',
    value: 'RULE',
    description: 'none, full, N/D (a fraction) or capped:CAP: what unused credits do at a boundary',
  },
  'rolled-periods': {
    type: 'string',
    value: 'N',
    description: 'Periods rolled credits stay usable (none: while the plan lasts)',
  },
  'rolled-priority': { type: 'string', value: 'N', description: 'Drawdown priority of rolled credits (default 5)' },
  'keep-rolled': { type: 'boolean', description: 'Rolled credits survive the plan’s end (default: lost)' },
  'lose-rolled': { type: 'boolean', description: 'Rolled credits are lost when the plan ends' },
} as const

type TermValues = {
  readonly [K in keyof typeof TERM_OPTIONS]?: (typeof TERM_OPTIONS)[K]['type'] extends 'string' ? string : boolean
}

const rolloverOf = (command: string, text: string | undefined) => {
  if (text === undefined) return undefined
  if (text === 'none' || text === 'full') return { mode: text }
  const fraction = /^(\d{1,15})\/(\d{1,15})$/.exec(text)
  if (fraction) return { mode: 'fraction' as const, numerator: Number(fraction[1]), denominator: Number(fraction[2]) }
  if (text.startsWith('capped:')) return { mode: 'capped' as const, cap: text.slice('capped:'.length) }
  throw new UsageError(`--rollover is none, full, N/D (a fraction) or capped:CAP, got "${text}"`, command)
}

const countOrNone = (command: string, flag: string, text: string | undefined): number | null | undefined =>
  text === 'none' ? null : whole(command, flag, text)

/** The terms typed on the command line, as the contract's field names (absent flags stay absent). */
const termsOf = (command: string, values: TermValues) => {
  if (values['keep-rolled'] === true && values['lose-rolled'] === true) {
    throw new UsageError('give --keep-rolled or --lose-rolled, not both', command)
  }
  const lot = defined({
    kind: values['lot-kind'],
    funding: values.funding,
    priority: whole(command, '--priority', values.priority),
    tags: tagsOf(values.tag),
    expiry: expiryOf(command, values, true),
  })
  const rolled = defined({
    periods: countOrNone(command, '--rolled-periods', values['rolled-periods']),
    priority: whole(command, '--rolled-priority', values['rolled-priority']),
  })
  return defined({
    name: values.name,
    kind: values.kind,
    start: values.start,
    anchor: values.anchor,
    zone: values.zone,
    interval: values.interval,
    amount: values.amount,
    price: moneyOf(command, '--price', values.price, values.currency),
    priceBasis: values['price-basis'],
    periods: countOrNone(command, '--periods', values.periods),
    lot: Object.keys(lot).length === 0 ? undefined : lot,
    rollover: rolloverOf(command, values.rollover),
    rolled: Object.keys(rolled).length === 0 ? undefined : rolled,
    rolledLostOnEnd: values['keep-rolled'] === true ? false : values['lose-rolled'] === true ? true : undefined,
  })
}

const describe = (plan: PlanView): string => {
  const price =
    plan.price === null ? '' : `, ${amountText(plan.price)} ${plan.priceBasis === 'total' ? 'in total' : 'per period'}`
  const periods = plan.periods === null ? '' : ` × ${plan.periods}`
  return (
    `plan ${plan.id} “${plan.name}” (${plan.kind}) on account ${plan.accountId}: ${amountText(plan.amountPerPeriod)} ` +
    `every ${plan.interval}${periods} from ${plan.anchor} (${plan.zone})${price}`
  )
}

export const planAddCommand = defineCommand({
  summary: 'Add a plan (allowance, add-on, annual release, daily allowance, commitment)',
  synopsis: '--account ID --name NAME --kind KIND (--start ISO | --anchor LOCAL) --amount DEC [options]',
  options: {
    account: accountOption('The account the plan credits'),
    ...TERM_OPTIONS,
    ends: { type: 'string', value: 'ISO', description: 'No period starts at or after this instant' },
    replaces: { type: 'string', value: 'ID', description: 'A plan change: the plan this one continues (it ends here)' },
  },
  run: (context, values) => {
    const command = 'plan add'
    const input = {
      accountId: accountId(command, values.account),
      ...termsOf(command, values),
      ...defined({ endsAt: values.ends, replaces: optionalId(command, '--replaces', values.replaces) }),
    }
    // name, kind and amount are required: when absent, the contract's messages say so on their flags.
    return callAndRespond(context, command, 'plans.add', input as MethodInput<'plans.add'>, {
      flags: FLAGS,
      human: (plan) => [`Added ${describe(plan)}`],
    })
  },
})

export const planListCommand = defineCommand({
  summary: 'List plans, by account then start',
  synopsis: '[--account ID]',
  options: { account: accountOption('Only the plans of this account') },
  run: (context, values) =>
    callAndRespond(
      context,
      'plan list',
      'plans.list',
      defined({ accountId: optionalId('plan list', '--account', values.account) }),
      {
        flags: FLAGS,
        human: (plans) =>
          plans.length === 0
            ? ['No plans.']
            : table<PlanView>(
                [
                  { header: 'ID', cell: (plan) => String(plan.id), right: true },
                  { header: 'ACCOUNT', cell: (plan) => String(plan.accountId), right: true },
                  { header: 'NAME', cell: (plan) => plan.name },
                  { header: 'KIND', cell: (plan) => plan.kind },
                  { header: 'AMOUNT', cell: (plan) => amountText(plan.amountPerPeriod), right: true },
                  {
                    header: 'EVERY',
                    cell: (plan) => plan.interval + (plan.periods === null ? '' : ` × ${plan.periods}`),
                  },
                  { header: 'FROM', cell: (plan) => plan.anchor },
                  { header: 'ENDS', cell: (plan) => plan.endsAt ?? '-' },
                  { header: 'EXPIRES', cell: (plan) => expiryText(plan.lot.expiry) },
                  { header: 'PRICE', cell: (plan) => (plan.price === null ? '-' : amountText(plan.price)) },
                ],
                plans,
              ),
      },
    ),
})

export const planEditCommand = defineCommand({
  summary: 'Rename a plan, or correct its terms in every period (--correction once it has started)',
  synopsis: 'ID [--name NAME] [--amount DEC] [... plan add options] [--correction]',
  positionals: ['ID'],
  options: {
    ...TERM_OPTIONS,
    correction: { type: 'boolean', description: 'Fix a data-entry mistake in every period, past ones included' },
  },
  run: (context, values, [id = '']) => {
    const command = 'plan edit'
    const terms = termsOf(command, values)
    if (Object.keys(terms).length === 0) throw new UsageError('give at least one term to change, e.g. --name', command)
    const input = {
      id: parseId(command, 'ID', id),
      ...terms,
      ...(values.correction === true ? { correction: true } : {}),
    }
    return callAndRespond(context, command, 'plans.update', input as MethodInput<'plans.update'>, {
      flags: FLAGS,
      human: (plan) => [`Changed ${describe(plan)}`],
    })
  },
})

export const planCancelCommand = defineCommand({
  summary: 'Cancel a plan: no period starts at or after --at (the current one stays usable); --resume undoes it',
  synopsis: 'ID (--at ISO | --resume)',
  positionals: ['ID'],
  options: {
    at: { type: 'string', value: 'ISO', description: 'When it is cancelled (no offset: your zone)' },
    resume: { type: 'boolean', description: 'Remove the cancellation: the plan runs on' },
  },
  run: (context, values, [id = '']) => {
    const command = 'plan cancel'
    if ((values.at === undefined) === (values.resume !== true))
      throw new UsageError('give --at ISO or --resume', command)
    return callAndRespond(
      context,
      command,
      'plans.cancel',
      { id: parseId(command, 'ID', id), at: values.at ?? null },
      {
        flags: FLAGS,
        human: (plan) => [
          plan.endsAt === null
            ? `Plan ${plan.id} “${plan.name}” runs on (no cancellation)`
            : `Plan ${plan.id} “${plan.name}” is cancelled at ${plan.endsAt}: no period starts at or after it`,
        ],
      },
    )
  },
})
