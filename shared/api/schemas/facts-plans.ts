import { z } from 'zod'
import { id, timeZone } from '../../catalog/schemas'
import { durationText, instantText, positiveDecimalText, tagList } from '../fields'
import {
  accountId,
  costInput,
  funding,
  localDateTimeText,
  lotKind,
  nonNegativeDecimalText,
  planExpiryInput,
  priority,
} from './facts-common'

/**
 * Plans (the engine's programs): a monthly allowance, an add-on subscription, an annual plan released monthly, a
 * daily allowance, a commitment. Boundaries are anchor ⊕ k × interval in the plan's zone (DESIGN §3).
 */

export const PLAN_KINDS = ['allowance', 'addon', 'annual_release', 'daily', 'commitment'] as const
export const planKind = z.enum(PLAN_KINDS, { error: `Kind is one of ${PLAN_KINDS.join(', ')}` })

const planName = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(80, 'Name must be at most 80 characters')

const wholeNumber = (what: string) => z.number({ error: `${what} is a whole number` }).int(`${what} is a whole number`)

const fractionRollover = z
  .strictObject({
    mode: z.literal('fraction'),
    numerator: wholeNumber('Numerator').min(0, 'Numerator cannot be negative'),
    denominator: wholeNumber('Denominator').positive('Denominator must be above 0'),
  })
  .refine((rule) => rule.numerator <= rule.denominator, {
    message: 'A fraction rolls at most all of the remainder (numerator ≤ denominator)',
    path: ['numerator'],
  })

/** What a period's unused allowance does at the next boundary; `cap` is a decimal in the account unit. */
export const rolloverInput = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({ mode: z.literal('full') }),
    fractionRollover,
    z.strictObject({ mode: z.literal('capped'), cap: nonNegativeDecimalText('Rollover cap') }),
  ],
  { error: 'Rollover mode is none, full, fraction or capped' },
)

/** How rolled (banked) credits behave: how many periods they stay usable (null: while the plan lasts), their priority. */
export const rolledInput = z.strictObject({
  periods: wholeNumber('Rolled periods').positive('Rolled periods must be above 0').nullable().optional(),
  priority: priority.optional(),
})

/** The lots the plan releases each period. */
export const planLotInput = z.strictObject({
  kind: lotKind.optional(),
  funding: funding.optional(),
  priority: priority.optional(),
  tags: tagList.optional(),
  expiry: planExpiryInput.optional(),
})

export const priceBasis = z.enum(['per_period', 'total'], {
  error: 'Price basis is per_period or total (the whole term, split over its periods)',
})

/** The terms of a plan: everything but its account and its provenance. */
const planTerms = {
  name: planName,
  kind: planKind,
  /** When the first period starts, an instant (no offset: the user's zone). Alternative to `anchor`. */
  start: instantText('Start').optional(),
  /** The first period's start as a wall-clock time in the plan's zone. Alternative to `start`. */
  anchor: localDateTimeText('Anchor').optional(),
  zone: timeZone.optional(),
  interval: durationText('Interval').optional(),
  amount: positiveDecimalText('Amount per period'),
  price: costInput('Price').nullable().optional(),
  priceBasis: priceBasis.optional(),
  periods: wholeNumber('Periods').positive('Periods must be above 0').nullable().optional(),
  lot: planLotInput.optional(),
  rollover: rolloverInput.optional(),
  rolled: rolledInput.optional(),
  rolledLostOnEnd: z.boolean({ error: 'rolledLostOnEnd is true or false' }).optional(),
}

const oneStart = (input: { start?: unknown; anchor?: unknown }, ctx: z.RefinementCtx, required: boolean) => {
  if (input.start !== undefined && input.anchor !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'Give the start or the anchor, not both' })
  } else if (required && input.start === undefined && input.anchor === undefined) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: 'Start is required (or give the anchor)' })
  }
}

const planTermsObject = z.strictObject(planTerms)

export const newPlanInput = planTermsObject
  .extend({
    accountId,
    endsAt: instantText('End').nullable().optional(),
    /** A plan change: the plan this one continues (it ends where this one starts). */
    replaces: id.optional(),
  })
  .superRefine((input, ctx) => oneStart(input, ctx, true))

/**
 * Editing a plan in place rewrites every period it ever released, so once a period has started, changing anything
 * but the name needs `correction: true` (a data-entry mistake); a change of terms from a date is a new plan with
 * `replaces`. Cancelling is plans.cancel.
 */
export const updatePlanInput = planTermsObject
  .partial()
  .extend({ id, correction: z.boolean({ error: 'correction is true or false' }).optional() })
  .superRefine((input, ctx) => oneStart(input, ctx, false))

/** No period starts at or after `at`; the current one stays usable to its end. null resumes a cancelled plan. */
export const cancelPlanInput = z.strictObject({ id, at: instantText('Cancel time').nullable() })

export type NewPlanInput = z.input<typeof newPlanInput>
export type UpdatePlanInput = z.input<typeof updatePlanInput>
