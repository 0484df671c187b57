import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { decimalText, instantText, tagList } from '../fields'
import { accountId, nonNegativeDecimalText, note } from './facts-common'

/** Usage, observations (a balance the vendor showed) and rate tables. */

const rateKey = z
  .string({ error: 'Key is required (an action or a model and meter, e.g. image or gpt-4o:input)' })
  .trim()
  .min(1, 'Key is required')
  .max(120, 'Key must be at most 120 characters')

const wholeNumber = (what: string) => z.number({ error: `${what} is a whole number` }).int(`${what} is a whole number`)

/** Either `amount` (decimal in the account unit) or `action` + `quantity` priced by the account's rate table. */
export const newUsageInput = z
  .strictObject({
    accountId,
    /** Default now. */
    occurredAt: instantText('Time').optional(),
    amount: nonNegativeDecimalText('Amount').optional(),
    action: rateKey.optional(),
    quantity: wholeNumber('Quantity').min(0, 'Quantity cannot be negative').optional(),
    tags: tagList.optional(),
    /** false: a failed request the vendor did not charge (recorded, never drawn). Default true. */
    billable: z.boolean({ error: 'billable is true or false' }).optional(),
    note: note.optional(),
  })
  .superRefine((input, ctx) => {
    const priced = input.action !== undefined || input.quantity !== undefined
    if (input.amount !== undefined && priced) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Give the amount or an action and quantity, not both' })
    } else if (input.amount === undefined && !priced) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Amount is required (or an action and quantity)' })
    } else if (priced && input.action === undefined) {
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'Action is required with a quantity' })
    } else if (priced && input.quantity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Quantity is required with an action' })
    }
  })

/** Newest first, `limit` at a time; `cursor` is the previous page's nextCursor. */
export const usageFilter = z
  .strictObject({
    accountId: accountId.optional(),
    /** Usage at or after this instant. */
    from: instantText('From').optional(),
    /** Usage before this instant. */
    to: instantText('To').optional(),
    limit: wholeNumber('Limit').min(1, 'Limit is at least 1').max(1000, 'Limit is at most 1000').optional(),
    cursor: z
      .string({ error: 'Cursor is the nextCursor of the previous page' })
      .regex(/^-?\d{1,16}:\d{1,16}$/, 'Cursor is the nextCursor of the previous page')
      .optional(),
  })
  .optional()

export const newObservationInput = z.strictObject({
  accountId,
  /** Default now. */
  at: instantText('Time').optional(),
  /** The balance the vendor showed, in the account unit; may be negative (a debt). */
  balance: decimalText('Balance'),
  /** Allowed difference before it is flagged; default 0. */
  tolerance: nonNegativeDecimalText('Tolerance').optional(),
  note: note.optional(),
})

/**
 * A rate from an instant on: `amount` (decimal in the account unit) per `per` units of quantity (default 1), kept
 * exactly as a fraction; or the fraction itself: `numerator` minor units per `denominator` units.
 */
export const newRateInput = z
  .strictObject({
    accountId,
    key: rateKey,
    effectiveFrom: instantText('Effective from'),
    amount: nonNegativeDecimalText('Amount').optional(),
    per: wholeNumber('Per').positive('Per must be above 0').optional(),
    numerator: wholeNumber('Numerator').min(0, 'Numerator cannot be negative').optional(),
    denominator: wholeNumber('Denominator').positive('Denominator must be above 0').optional(),
  })
  .superRefine((input, ctx) => {
    const fraction = input.numerator !== undefined || input.denominator !== undefined
    if (input.amount !== undefined && fraction) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Give the amount or a numerator and denominator' })
    } else if (input.amount === undefined && !fraction) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Amount is required (or a numerator and denominator)' })
    } else if (fraction && input.per !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['per'], message: 'Per goes with amount; a fraction has its denominator' })
    } else if (fraction && input.numerator === undefined) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'Numerator is required with a denominator' })
    } else if (fraction && input.denominator === undefined) {
      ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'Denominator is required with a numerator' })
    }
  })

export const rateFilter = z.strictObject({ accountId: accountId.optional(), key: rateKey.optional() }).optional()

export const byUsageId = z.strictObject({ id })

export type NewUsageInput = z.input<typeof newUsageInput>
