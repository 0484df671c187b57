import { z } from 'zod'
import { currencyCode, timeZone } from '../catalog/schemas'
import { DRAWDOWN_KEYS } from '../ledger/drawdown-order'
import { isZeroDuration, parseDuration } from '../time/duration'
import type { CreditPreset, SubscriptionPreset } from './types'

/**
 * What a user may change in a preset: a typed partial of its values. Amounts are integers in minor units
 * (the renderer parses decimals); durations are ISO 8601 text. Every message names the problem for a form field.
 */

const whole = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .max(Number.MAX_SAFE_INTEGER, `${what} is too large`)
const positive = (what: string) => whole(what).positive(`${what} must be more than 0`)
const nonNegative = (what: string) => whole(what).min(0, `${what} must be 0 or more`)
const flag = (what: string) => z.boolean({ error: `${what} is yes or no` })

export const durationText = z
  .string({ error: 'Enter an ISO 8601 duration such as P1Y, P1M or P30D' })
  .transform((text, ctx) => {
    const parsed = parseDuration(text.trim())
    if (parsed === undefined || isZeroDuration(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'Enter an ISO 8601 duration such as P1Y, P1M or P30D' })
      return z.NEVER
    }
    return parsed
  })

const cost = z.strictObject(
  { amount: nonNegative('Price'), currency: currencyCode },
  { error: 'A price is { amount in minor units, currency }' },
)

const kind = <K extends string>(value: K) => z.literal(value)
const EXPIRY_ERROR = 'Expiry is never, after a duration, end of the local day, or a date entered per lot'

const never = z.strictObject({ kind: kind('never') })
const after = z.strictObject({ kind: kind('after'), duration: durationText })
const endOfDay = z.strictObject({ kind: kind('end_of_local_day') })

export const lotExpiry = z.discriminatedUnion('kind', [never, after, endOfDay, z.strictObject({ kind: kind('ask') })], {
  error: EXPIRY_ERROR,
})

export const programExpiry = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: kind('period') }), never, after, endOfDay],
  { error: 'Expiry is the end of the period, never, after a duration, or the end of the local day' },
)

export const rollover = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: kind('none') }),
    z.strictObject({ mode: kind('full') }),
    z
      .strictObject({
        mode: kind('fraction'),
        numerator: nonNegative('Numerator'),
        denominator: positive('Denominator'),
      })
      .refine((rule) => rule.numerator <= rule.denominator, {
        message: 'A fraction above 1 would roll over more than remains',
        path: ['numerator'],
      }),
    z.strictObject({ mode: kind('capped'), cap: nonNegative('Cap') }),
    z.strictObject({ mode: kind('capped_periods'), periods: positive('Periods') }),
  ],
  { error: 'Rollover is none, full, fraction, capped or capped_periods' },
)

const funding = z.enum(['paid', 'promotional', 'postpaid'], { error: 'Funding is paid, promotional or postpaid' })

export const lotOverride = z.strictObject({
  funding: funding.optional(),
  priority: nonNegative('Priority').optional(),
  expiry: lotExpiry.optional(),
  expiryExtendable: flag('Extendable').nullable().optional(),
  packSize: positive('Pack size').nullable().optional(),
  packPrice: cost.nullable().optional(),
  needsActiveProgram: flag('Needs an active plan').optional(),
})

export const overageOverride = z.strictObject({
  unitPrice: z
    .strictObject({ amount: nonNegative('Overage price'), per: positive('Units per price'), currency: currencyCode })
    .nullable()
    .optional(),
  periodMax: positive('Overage maximum').nullable().optional(),
  enabledByDefault: flag('Overage on by default').nullable().optional(),
})

export const programOverride = z.strictObject({
  anchor: z
    .strictObject({
      kind: z.enum(['billing_date', 'month_start', 'day_start'], {
        error: 'Anchor is billing_date, month_start or day_start',
      }),
    })
    .optional(),
  interval: durationText.optional(),
  periods: positive('Periods').nullable().optional(),
  amountPerPeriod: positive('Amount per period').optional(),
  price: cost.nullable().optional(),
  funding: funding.optional(),
  priority: nonNegative('Priority').optional(),
  expiry: programExpiry.optional(),
  rollover: rollover.optional(),
  rolled: z
    .strictObject({ periods: positive('Rolled periods').nullable(), priority: nonNegative('Rolled priority') })
    .optional(),
  rolledLostOnEnd: flag('Banked credits lost on cancel').optional(),
  onCancel: z
    .enum(['keep_current_period', 'immediate'], { error: 'On cancel is keep_current_period or immediate' })
    .optional(),
  overage: overageOverride.optional(),
})

export const rechargeOverride = z.strictObject({
  enabledByDefault: flag('On by default').nullable().optional(),
  threshold: nonNegative('Threshold').nullable().optional(),
  mode: z.enum(['fixed', 'target'], { error: 'Mode is fixed or target' }).optional(),
  amount: positive('Recharge amount').nullable().optional(),
  monthlyMaxCount: positive('Monthly maximum count').nullable().optional(),
  monthlyMaxAmount: positive('Monthly maximum amount').nullable().optional(),
})

const overdraft = z
  .strictObject({
    mode: z.enum(['none', 'unlimited', 'limit'], { error: 'Overdraft is none, unlimited or limit' }),
    limit: nonNegative('Overdraft limit').optional(),
  })
  .refine((value) => value.mode !== 'limit' || value.limit !== undefined, {
    message: 'Enter the overdraft limit',
    path: ['limit'],
  })
  .transform((value) => ({ mode: value.mode, limit: value.limit ?? 0 }))

const drawdown = z
  .array(z.enum(DRAWDOWN_KEYS, { error: `Drawdown keys are ${DRAWDOWN_KEYS.join(', ')}` }), {
    error: 'Drawdown is a list of keys',
  })
  .refine((keys) => new Set(keys).size === keys.length, 'Each drawdown key may appear once')

const rates = z.record(
  z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Action names are lower-case letters, digits, - or _'),
  positive('Rate'),
  { error: 'Rates map action names to credits' },
)

/** A strict object over the keys a preset defines: an unknown key is reported by name. */
const keyed = <S extends z.ZodType>(keys: readonly string[], schema: S, what: string) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, schema.optional()])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `No ${what} ${issue.keys.join(', ')} in this preset` : undefined,
  })

const absent = (message: string) => z.undefined({ error: message }).optional()

export const creditOverridesSchema = (preset: CreditPreset) =>
  z.strictObject(
    {
      zone: timeZone.optional(),
      currency: currencyCode.optional(),
      overdraft: overdraft.optional(),
      drawdown: drawdown.optional(),
      lots: keyed(Object.keys(preset.lots), lotOverride, 'lot template').optional(),
      programs: keyed(Object.keys(preset.programs), programOverride, 'program template').optional(),
      recharge: preset.recharge === null ? absent('This preset has no auto-recharge') : rechargeOverride.optional(),
      rates: preset.rates === null ? absent('This preset has no rate table') : rates.optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown setting ${issue.keys.join(', ')}` : undefined) },
  )

const planOverride = (allowances: readonly string[]) =>
  z.strictObject({
    price: cost.nullable().optional(),
    interval: durationText.optional(),
    allowances: keyed(allowances, programOverride, 'allowance').optional(),
  })

export const subscriptionOverridesSchema = (preset: SubscriptionPreset) =>
  z.strictObject(
    {
      zone: timeZone.optional(),
      currency: currencyCode.optional(),
      plans: z
        .strictObject(
          Object.fromEntries(
            Object.entries(preset.plans).map(([key, plan]) => [
              key,
              planOverride(Object.keys(plan.allowances)).optional(),
            ]),
          ),
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys' ? `No plan ${issue.keys.join(', ')} in this preset` : undefined,
          },
        )
        .optional(),
      cancellation: z
        .strictObject({
          access: z.enum(['until_period_end', 'immediate'], { error: 'Access is until_period_end or immediate' }),
        })
        .optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown setting ${issue.keys.join(', ')}` : undefined) },
  )

export type LotOverride = z.input<typeof lotOverride>
export type ProgramOverride = z.input<typeof programOverride>
export type RechargeOverride = z.input<typeof rechargeOverride>

export interface CreditOverrides {
  readonly zone?: string
  readonly currency?: string
  readonly overdraft?: z.input<typeof overdraft>
  readonly drawdown?: z.input<typeof drawdown>
  readonly lots?: Readonly<Record<string, LotOverride>>
  readonly programs?: Readonly<Record<string, ProgramOverride>>
  readonly recharge?: RechargeOverride
  readonly rates?: Readonly<Record<string, number>>
}

export interface SubscriptionOverrides {
  readonly zone?: string
  readonly currency?: string
  readonly plans?: Readonly<
    Record<
      string,
      {
        readonly price?: z.input<typeof cost> | null
        readonly interval?: string
        readonly allowances?: Readonly<Record<string, ProgramOverride>>
      }
    >
  >
  readonly cancellation?: { readonly access: 'until_period_end' | 'immediate' }
}
