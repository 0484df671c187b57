import { z } from 'zod'
import { parseDuration, type Duration } from '../time/duration'
import { parseInstantText, type InstantText } from '../time/iso-instant'

/**
 * Field schemas shared by the ledger's methods. Amounts travel as decimal strings (the scale is the account unit's,
 * which only the backend knows, so the service parses them exactly with shared/money/decimal.ts); instants as ISO
 * 8601 text (one without an offset is read in the user's zone by the service); durations as ISO 8601 ("P30D").
 */

/** "41.20", "-3", "1000000": digits with an optional sign and fraction; numbers are refused (they may be floats). */
export const decimalText = (what: string) =>
  z
    .string({ error: `${what} is required, as a decimal string such as "41.20"` })
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `${what} must be a decimal number such as 41.20 (no thousands separators)`)

export const positiveDecimalText = (what: string) =>
  decimalText(what).refine((text) => !text.startsWith('-') && /[1-9]/.test(text), `${what} must be above 0`)

export const instantText = (what: string) =>
  z
    .string({ error: `${what} is required (ISO 8601, e.g. 2026-03-01T09:00:00Z)` })
    .transform((text, ctx): InstantText => {
      const parsed = parseInstantText(text)
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} must be an ISO 8601 date or date-time, e.g. 2026-03-01T09:00Z`,
        })
        return z.NEVER
      }
      return parsed
    })

export const durationText = (what: string) =>
  z.string({ error: `${what} is required (ISO 8601 duration, e.g. P30D)` }).transform((text, ctx): Duration => {
    const parsed = parseDuration(text.trim())
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', message: `${what} must be an ISO 8601 duration such as P30D, P1M or P1Y` })
      return z.NEVER
    }
    return parsed
  })

/** Applicability and reporting tags, "key:value" or a bare word; at most 32 of 1–120 characters. */
export const tagList = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'A tag cannot be empty')
      .max(120, 'A tag must be at most 120 characters')
      .refine((tag) => !/[\r\n]/.test(tag), 'A tag cannot contain a line break'),
    { error: 'Tags are a list of strings' },
  )
  .max(32, 'At most 32 tags')
