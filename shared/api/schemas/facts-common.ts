import { z } from 'zod'
import { currencyCode, id } from '../../catalog/schemas'
import { LOT_KINDS, type Funding } from '../../ledger/model'
import { isZeroDuration } from '../../time/duration'
import { parseInstantText } from '../../time/iso-instant'
import { decimalText, durationText, instantText } from '../fields'

/**
 * Field schemas the fact methods share: the account a fact belongs to, priorities, costs, expiry rules, notes.
 * Amounts stay decimal text here (the account unit's scale is the backend's to know); the services parse them.
 */

export const accountId = z
  .number({ error: 'Account is required (an account id)' })
  .int('An account id is a whole number')
  .positive('An account id is positive')

export const optionalAccountFilter = z.strictObject({ accountId: accountId.optional() }).optional()

/** Lower is drawn first; bounded so a typo cannot produce an absurd number that sorts oddly. */
export const priority = z
  .number({ error: 'Priority is a whole number (lower is drawn first)' })
  .int('Priority is a whole number (lower is drawn first)')
  .min(-1_000_000, 'Priority is at least -1000000')
  .max(1_000_000, 'Priority is at most 1000000')

export const nonNegativeDecimalText = (what: string) =>
  decimalText(what).refine((text) => !text.startsWith('-'), `${what} cannot be negative`)

/** A price or cost: decimal text in a currency (kept at micro-units, DESIGN §4) and its ISO 4217 code. */
export const costInput = (what: string) =>
  z.strictObject(
    { amount: nonNegativeDecimalText(what), currency: currencyCode },
    { error: `${what} is an object { amount: "12.50", currency: "USD" }` },
  )

export const note = z.string({ error: 'A note is text' }).trim().max(500, 'A note is at most 500 characters')

export const lotKind = z.enum(LOT_KINDS, { error: `Kind is one of ${LOT_KINDS.join(', ')}` })
export const FUNDINGS = ['paid', 'promotional', 'postpaid'] as const satisfies readonly Funding[]
export const funding = z.enum(FUNDINGS, { error: 'Funding is paid, promotional or postpaid' })

const nonZeroDuration = (what: string) =>
  durationText(what).refine((duration) => !isZeroDuration(duration), `${what} cannot be zero`)

const EXPIRY_KINDS = 'never, at, after or end_of_local_day'

/** When a lot stops being usable (shared/ledger/model.ts ExpiryRule), with instants as ISO text. */
export const expiryVariants = [
  z.strictObject({ kind: z.literal('never') }),
  z.strictObject({ kind: z.literal('at'), at: instantText('Expiry') }),
  z.strictObject({ kind: z.literal('after'), duration: nonZeroDuration('Expiry duration') }),
  z.strictObject({ kind: z.literal('end_of_local_day') }),
] as const

export const expiryInput = z.discriminatedUnion('kind', [...expiryVariants], {
  error: `Expiry kind is ${EXPIRY_KINDS}`,
})

/** A plan's lots may also expire at their period's end (a monthly reset). */
export const planExpiryInput = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('period') }), ...expiryVariants],
  { error: `Expiry kind is period, ${EXPIRY_KINDS}` },
)

/** A wall-clock date-time without an offset ("2026-01-31T09:00", "2026-01-31"): a plan's anchor in its zone. */
export const localDateTimeText = (what: string) =>
  z.string({ error: `${what} is required (a local date-time such as 2026-01-31T09:00)` }).transform((text, ctx) => {
    const parsed = parseInstantText(text)
    if (parsed === undefined || parsed.kind !== 'local') {
      ctx.addIssue({
        code: 'custom',
        message: `${what} must be a local date or date-time without an offset, e.g. 2026-01-31T09:00`,
      })
      return z.NEVER
    }
    return parsed.local
  })

export const byFactId = z.strictObject({ id })
export { id }
