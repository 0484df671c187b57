import { readFileSync } from 'node:fs'
import type { MethodInput } from '@shared/api/contract'
import type { PresetApplied } from '@shared/api/schemas/preset-apply'
import { parseId, UsageError } from '../../args'
import { callOnce } from '../../call'
import { defineCommand, type CliContext } from '../../command'
import { respond } from '../../respond'
import { defined, whole } from '../facts/flags'

/**
 * `preset apply ID`: a vendor preset in one step (presets.apply). Simple cases take flags — one plan, purchases as
 * "AMOUNT@WHEN[=COST]" separated by semicolons, an auto-recharge; anything else (several plans, overrides) takes
 * the method's whole JSON input from --input FILE, with flags filling what the file leaves out.
 */

const FLAGS = {
  vendorId: '--vendor',
  accountName: '--name',
  zone: '--zone',
  currency: '--currency',
  plan: '--plan',
  start: '--start',
  price: '--price',
  'plans.0.template': '--plan',
  'plans.0.start': '--start',
  'plans.0.amountPerPeriod': '--per-period',
  'plans.0.price': '--price',
  'plans.0.periods': '--periods',
  'recharge.threshold': '--recharge-threshold',
  'recharge.amount': '--recharge-amount',
} as const

type Purchase = { effectiveAt: string; amount: string; cost?: string }

/** "50@2026-02-01;20.5@2026-06-15T08:30Z=18.90" → purchases; the backend validates each amount and instant. */
export const parsePurchases = (command: string, text: string): Purchase[] =>
  text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^([^@=]+)@([^=]+)(?:=(.+))?$/.exec(part)
      if (match === null) throw new UsageError(`--purchases takes AMOUNT@WHEN[=COST];…, got "${part}"`, command)
      const [, amount = '', effectiveAt = '', cost] = match
      return {
        amount: amount.trim(),
        effectiveAt: effectiveAt.trim(),
        ...(cost === undefined ? {} : { cost: cost.trim() }),
      }
    })

const readInput = (command: string, file: string | undefined): Record<string, unknown> => {
  if (file === undefined) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object')
    return parsed as Record<string, unknown>
  } catch (error) {
    throw new UsageError(`--input ${file}: ${error instanceof Error ? error.message : String(error)}`, command)
  }
}

const human = (applied: PresetApplied): string[] => [
  `Applied preset ${applied.presetId} (version ${applied.presetVersion}) to vendor ${applied.vendorId}:`,
  ...applied.accounts.map((account) => `  account ${account.id} “${account.name}” in ${account.unitId}`),
  ...(applied.plans.length > 0 ? [`  plans ${applied.plans.join(', ')}`] : []),
  ...(applied.lots.length > 0 ? [`  lots ${applied.lots.map((id) => `L${id}`).join(', ')}`] : []),
  ...(applied.rechargeRules.length > 0 ? [`  auto-recharge rule ${applied.rechargeRules.join(', ')}`] : []),
  ...(applied.rates.length > 0 ? [`  ${applied.rates.length} rates`] : []),
  ...(applied.unconfirmed.length > 0
    ? [
        'Please confirm these assumptions (preset show ID lists their reasons):',
        ...applied.unconfirmed.map((rule) => `  ${rule.path}`),
      ]
    : []),
]

export const presetApplyCommand = defineCommand({
  summary: 'Apply a vendor preset: vendor, account, plan, purchases and auto-recharge in one undoable step',
  synopsis:
    'ID [--name NAME] [--plan KEY --start ISO [--per-period DEC] [--price DEC] [--periods N]] [--purchases "AMOUNT@ISO[=COST];…"] [--recharge-threshold DEC --recharge-amount DEC] [--input FILE]',
  positionals: ['ID'],
  options: {
    vendor: {
      type: 'string',
      value: 'ID',
      description: 'Add to this vendor (default: the one named like the preset’s, or a new one)',
    },
    name: { type: 'string', value: 'NAME', description: 'Account name (default the preset’s name)' },
    zone: { type: 'string', value: 'ZONE', description: 'The vendor’s IANA zone (default the preset’s)' },
    currency: { type: 'string', value: 'CUR', description: 'Billing currency (default the preset’s)' },
    plan: {
      type: 'string',
      value: 'KEY',
      description: 'The plan you have: a program template (credit presets) or a plan (subscriptions)',
    },
    start: { type: 'string', value: 'ISO', description: 'When the plan started (its billing date)' },
    'per-period': { type: 'string', value: 'DEC', description: 'Credits per period, when the preset leaves it to you' },
    price: { type: 'string', value: 'DEC', description: 'What the plan costs, in the billing currency' },
    periods: { type: 'string', value: 'N', description: 'Number of periods (annual plans released monthly: 12)' },
    purchases: { type: 'string', value: 'LIST', description: 'Purchases as AMOUNT@WHEN[=COST], separated by ;' },
    'recharge-threshold': { type: 'string', value: 'DEC', description: 'Auto-recharge when the balance falls to this' },
    'recharge-amount': { type: 'string', value: 'DEC', description: 'What each auto-recharge buys' },
    input: {
      type: 'string',
      value: 'FILE',
      description: 'The presets.apply input as a JSON file (overrides, several plans)',
    },
  },
  run: async (context: CliContext, values, [presetId = '']) => {
    const command = 'preset apply'
    const base = readInput(command, values.input)
    const catalog = await callOnce(context, 'presets.list', undefined)
    const kind = catalog.ok ? catalog.value.find((preset) => preset.id === presetId)?.kind : undefined
    const plan = values.plan
    const planFlags = defined({
      template: plan,
      start: values.start,
      amountPerPeriod: values['per-period'],
      price: values.price,
      periods: whole(command, '--periods', values.periods),
    })
    if (kind === 'subscription' && (values['per-period'] !== undefined || values.periods !== undefined)) {
      throw new UsageError('--per-period and --periods are for credit presets', command)
    }
    const recharge = defined({ threshold: values['recharge-threshold'], amount: values['recharge-amount'] })
    const input = {
      ...base,
      presetId,
      ...defined({
        vendorId: values.vendor === undefined ? undefined : parseId(command, '--vendor', values.vendor),
        accountName: values.name,
        zone: values.zone,
        currency: values.currency,
      }),
      ...(kind === 'subscription'
        ? defined({ plan, start: values.start, price: values.price })
        : Object.keys(planFlags).length > 0
          ? { plans: [planFlags] }
          : {}),
      ...(values.purchases === undefined ? {} : { purchases: parsePurchases(command, values.purchases) }),
      ...(Object.keys(recharge).length > 0 ? { recharge } : {}),
    } as MethodInput<'presets.apply'>
    return respond(context, command, await callOnce(context, 'presets.apply', input), { flags: FLAGS, human })
  },
})
