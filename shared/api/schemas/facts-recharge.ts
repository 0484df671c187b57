import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { durationText, instantText, positiveDecimalText } from '../fields'
import { accountId, costInput, expiryInput, nonNegativeDecimalText, priority } from './facts-common'

/** Auto-recharge ("auto top-up") rules: when the balance falls to the threshold, buy more, within a monthly cap. */

const count = z
  .number({ error: 'Monthly maximum count is a whole number' })
  .int('Monthly maximum count is a whole number')
  .min(0, 'Monthly maximum count cannot be negative')

const rechargeFields = {
  /** Decimal in the account unit: the balance at or below which a recharge triggers. */
  threshold: nonNegativeDecimalText('Threshold'),
  /** fixed (default): buy `amount`; target: buy up to `amount`. */
  mode: z.enum(['fixed', 'target'], { error: 'Mode is fixed or target' }).optional(),
  amount: positiveDecimalText('Amount'),
  /** null or absent: no cap. */
  monthlyMaxCount: count.nullable().optional(),
  monthlyMaxAmount: nonNegativeDecimalText('Monthly maximum amount').nullable().optional(),
  /** Default now. */
  enabledFrom: instantText('Enabled from').optional(),
  enabledUntil: instantText('Enabled until').nullable().optional(),
  /** The lots it buys: priority (default 20) and expiry (default never). */
  lot: z.strictObject({ priority: priority.optional(), expiry: expiryInput.optional() }).optional(),
  /** What one whole unit of the account costs (1 USD of balance: 1 USD); null or absent: unknown. */
  unitPrice: costInput('Unit price').nullable().optional(),
  /** A recorded auto_recharge purchase within this long after a trigger confirms it; default PT24H. */
  confirmWithin: durationText('Confirm window').optional(),
}

const rechargeObject = z.strictObject(rechargeFields)

export const newRechargeInput = rechargeObject.extend({ accountId })

/** Edits apply to the rule as if it had always been so; to change it from a date, end it and add another. */
export const updateRechargeInput = rechargeObject.partial().extend({ id })

export type NewRechargeInput = z.input<typeof newRechargeInput>
