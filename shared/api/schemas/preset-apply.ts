import { z } from 'zod'
import { currencyCode, id, timeZone } from '../../catalog/schemas'
import { decimalText, instantText, positiveDecimalText } from '../fields'

/**
 * Applying a vendor preset in one step (issue 4 §2): the vendor (found by name or made), the account with the
 * preset's unit, zone, drawdown order and overdraft rule, the plans the user has, their purchases, auto-recharge and
 * the rate table, all one undoable batch. Amounts are decimals in the account's unit (money for costs); preset
 * overrides are validated by shared/policies (applyOverrides), their amounts in minor units as the form sends them.
 */

const key = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(64, `${what} is at most 64 characters`)

const name = z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters')

const planInput = z.strictObject({
  /** The preset's program template, e.g. "monthly" (see presets.show). */
  template: key('Template'),
  /** When the subscription started (the billing date), or any instant of the first period. */
  start: instantText('Start'),
  amountPerPeriod: positiveDecimalText('Credits per period').optional(),
  price: decimalText('Price').optional(),
  periods: z.number().int('Periods is a whole number').positive('Periods is at least 1').nullable().optional(),
})

const purchaseInput = z.strictObject({
  /** The lot template; default the preset's purchase template. */
  template: key('Template').optional(),
  effectiveAt: instantText('Bought at'),
  amount: positiveDecimalText('Amount').optional(),
  /** What was paid, in the account's currency; default the preset's rule (the amount itself for a money balance). */
  cost: decimalText('Cost').optional(),
  /** An explicit expiry (an ISO instant) or "never"; required when the preset asks for the vendor's date. */
  expiresAt: z.union([z.literal('never'), instantText('Expires')]).optional(),
})

const rechargeInput = z.strictObject({
  threshold: decimalText('Threshold').optional(),
  amount: positiveDecimalText('Amount').optional(),
  mode: z.enum(['fixed', 'target'], { error: 'Mode is fixed or target' }).optional(),
  monthlyMaxCount: z.number().int().min(0, 'At least 0').nullable().optional(),
  monthlyMaxAmount: decimalText('Monthly maximum').nullable().optional(),
  enabledFrom: instantText('Enabled from').optional(),
})

/**
 * One shape for both kinds of preset, so a form error names its field: credit presets take plans, purchases and
 * recharge; subscription presets take plan, start and price. The service refuses fields of the other kind.
 */
export const applyPresetInput = z.strictObject({
  presetId: key('Preset'),
  vendorId: id.optional(),
  accountName: name.optional(),
  zone: timeZone.optional(),
  currency: currencyCode.optional(),
  overrides: z.unknown().optional(),
  plans: z.array(planInput).max(20, 'At most 20 plans at once').optional(),
  purchases: z.array(purchaseInput).max(200, 'At most 200 purchases at once').optional(),
  recharge: rechargeInput.optional(),
  /** Subscription presets: the plan the user pays for (e.g. "plus"), when it started and, if known, its price. */
  plan: key('Plan').optional(),
  start: instantText('Start').optional(),
  price: decimalText('Price').optional(),
})

export type ApplyPresetInput = z.output<typeof applyPresetInput>

/** What applying a preset made, by stored id. */
export interface PresetApplied {
  readonly presetId: string
  readonly presetVersion: number
  readonly vendorId: number
  readonly accounts: readonly { readonly id: number; readonly name: string; readonly unitId: string }[]
  readonly plans: readonly number[]
  readonly lots: readonly number[]
  readonly rechargeRules: readonly number[]
  readonly rates: readonly number[]
  /** The preset's rules that are assumptions, for the user to confirm (path and reason). */
  readonly unconfirmed: readonly { readonly path: string; readonly reason: string }[]
}
