import { z } from 'zod'
import { MAX_SCALE, UNIT_ID_PATTERN, UNIT_KINDS } from '../money/units'
import { isValidTimeZone } from '../time/zones'
import { decimalText } from '../api/fields'

/** Form-facing input schemas: the renderer validates with them before sending, the backend again on receipt. */

const name = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(80, `${what} must be at most 80 characters`)

export const id = z.number({ error: 'An id is required' }).int('An id is a whole number').positive('An id is positive')

export const currencyCode = z
  .string({ error: 'Currency is required' })
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'Currency is a 3-letter ISO 4217 code, e.g. USD'))

export const timeZone = z
  .string({ error: 'Time zone is required' })
  .refine(isValidTimeZone, 'Unknown time zone: use an IANA name such as Europe/Berlin or UTC')

export const unitId = z
  .string({ error: 'Unit is required' })
  .trim()
  .regex(UNIT_ID_PATTERN, 'Unit ids are 2–32 letters, digits, - or _, starting with a letter')

const website = z
  .string()
  .trim()
  .max(200, 'Website must be at most 200 characters')
  .refine((value) => value === '' || /^https:\/\/[^\s]+$/.test(value), 'Website must start with https://')
  .transform((value) => (value === '' ? null : value))

export const newUnitInput = z.strictObject({
  id: unitId,
  kind: z.enum(UNIT_KINDS, { error: 'Kind is money, credit or token' }),
  scale: z
    .number({ error: 'Scale is required' })
    .int('Scale is a whole number of decimals')
    .min(0, 'Scale is at least 0')
    .max(MAX_SCALE, `Scale is at most ${MAX_SCALE}`),
  label: name('Label'),
})

export const newVendorInput = z.strictObject({
  name: name('Name'),
  website: website.optional(),
})
export const renameVendorInput = z.strictObject({ id, name: name('Name') })

export const drawdownName = z.enum(['default', 'free_first'], {
  error: 'Drawdown is default or free_first (free credits before paid ones)',
})

/** The overdraft limit is a decimal in the account's unit; billedWith is the id of a plan of this account. */
export const overdraftInput = z.strictObject({
  mode: z.enum(['none', 'unlimited', 'limit'], { error: 'Overdraft is none, unlimited or limit' }),
  limit: decimalText('Overdraft limit')
    .refine((text) => !text.startsWith('-'), 'Overdraft limit cannot be negative')
    .optional(),
  billedWith: id.nullable().optional(),
})

export const newAccountInput = z.strictObject({
  vendorId: id,
  name: name('Name'),
  unitId,
  currency: currencyCode,
  timeZone,
  drawdown: drawdownName.optional(),
  overdraft: overdraftInput.optional(),
})

export const updateAccountInput = z.strictObject({
  id,
  name: name('Name').optional(),
  unitId: unitId.optional(),
  currency: currencyCode.optional(),
  timeZone: timeZone.optional(),
  drawdown: drawdownName.optional(),
  overdraft: overdraftInput.optional(),
})

export const byId = z.strictObject({ id })
export const noInput = z.strictObject({}).optional()
export const accountFilter = z.strictObject({ vendorId: id.optional() }).optional()

export type NewVendorInput = z.input<typeof newVendorInput>
export type NewAccountInput = z.input<typeof newAccountInput>
export type UpdateAccountInput = z.input<typeof updateAccountInput>
export type NewUnitInput = z.input<typeof newUnitInput>
