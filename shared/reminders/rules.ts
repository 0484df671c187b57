import { z } from 'zod'
import { timeZone } from '../catalog/schemas'
import { parseDecimal } from '../money/decimal'
import type { DeliveryPreferences, ReminderRules } from './types'

/**
 * Reminder rules and delivery preferences (DESIGN §5, issue 6): the defaults, and the zod schemas the settings form
 * and the backend both validate with. Global rules are a full ReminderRules; an account stores a patch merged on top.
 */

export const DEFAULT_REMINDER_RULES: ReminderRules = Object.freeze({
  expiryLeadDays: Object.freeze([30, 7, 1]),
  renewalLeadDays: Object.freeze([3]),
  trialLeadDays: Object.freeze([3, 1]),
  thresholdPercents: Object.freeze([75, 85, 90, 100]),
  lowBalanceBelow: null,
  rechargeBlocked: true,
  negativeBalance: true,
  drift: true,
})

export const MAX_LEAD_DAYS = 365
/** More than a handful of reminders about one expiry is nagging, not reminding. */
export const MAX_LEADS = 6
export const MAX_THRESHOLDS = 10
/**
 * Scale at which a low-balance amount is checked: the largest any unit has (units.ts caps real units at 6), so every
 * unit's amounts pass; the backend compares it at the account unit's own scale.
 */
export const LOW_BALANCE_SCALE = 6

/** Whole numbers in [min, max], deduplicated and sorted (leads: farthest first; percents: lowest first). */
const wholeList = (what: string, unit: string, min: number, max: number, most: number, order: 'desc' | 'asc') => {
  const range = `${what} must be whole numbers of ${unit} from ${min} to ${max}`
  return z
    .array(z.number({ error: range }).int(range).min(min, range).max(max, range), {
      error: `${what} must be a list of whole numbers`,
    })
    .transform((values, ctx) => {
      const unique = [...new Set(values)].sort(order === 'desc' ? (a, b) => b - a : (a, b) => a - b)
      if (unique.length > most) {
        ctx.addIssue({ code: 'custom', message: `${what}: at most ${most} different values` })
        return z.NEVER
      }
      return unique
    })
}

const leadDays = (what: string) => wholeList(what, 'days', 1, MAX_LEAD_DAYS, MAX_LEADS, 'desc')

/** Decimal text checked exactly (never parseFloat), normalized ("010.50" → "10.5"); null turns the reminder off. */
const lowBalanceBelow = z
  .string({ error: 'Low balance amount must be a decimal such as 10.50, or null for off' })
  .trim()
  .min(1, 'Low balance amount must be a decimal such as 10.50, or null for off')
  .transform((text, ctx) => {
    const parsed = parseDecimal(text, LOW_BALANCE_SCALE, 'reject')
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `Low balance amount ${parsed.reason}` })
      return z.NEVER
    }
    if (parsed.value < 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'Low balance amount must be 0 or more (negative balances have their own reminder)',
      })
      return z.NEVER
    }
    return parsed.exact
  })
  .nullable()

const flag = (what: string) => z.boolean({ error: `${what} must be true or false` })

export const reminderRulesSchema = z.strictObject({
  expiryLeadDays: leadDays('Expiry lead days'),
  renewalLeadDays: leadDays('Renewal lead days'),
  trialLeadDays: leadDays('Trial lead days'),
  thresholdPercents: wholeList('Usage thresholds', 'percent', 1, 100, MAX_THRESHOLDS, 'asc'),
  lowBalanceBelow,
  rechargeBlocked: flag('Recharge blocked reminder'),
  negativeBalance: flag('Negative balance reminder'),
  drift: flag('Drift reminder'),
}) satisfies z.ZodType<ReminderRules, unknown>

/** An account's overrides: any subset; unknown keys are refused so a typo is not silently ignored. */
export const reminderRulesPatch = reminderRulesSchema.partial()

export type ReminderRulesInput = z.input<typeof reminderRulesSchema>
export type ReminderRulesPatch = z.output<typeof reminderRulesPatch>

/**
 * The rules for one account: the global rules with the account's overrides on top. An absent key inherits; a present
 * one replaces (lowBalanceBelow: null in an override turns the reminder off for that account only).
 */
export const mergeRules = (global: ReminderRules, override: ReminderRulesPatch | null | undefined): ReminderRules => {
  if (override === null || override === undefined) return global
  const defined = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined))
  return { ...global, ...(defined as Partial<ReminderRules>) }
}

const CLOCK = /^(\d{1,2}):(\d{2})$/

/** Minutes after local midnight of "HH:MM" (or "H:MM"); undefined for anything else, including 24:00. */
export const clockMinutes = (text: string): number | undefined => {
  const match = CLOCK.exec(text)
  if (match === null) return undefined
  const hours = Number(match[1])
  const minutes = Number(match[2])
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined
}

const pad = (value: number): string => String(value).padStart(2, '0')

/** A local wall-clock time of day, normalized to "HH:MM" ("7:00" → "07:00"). */
export const clockTime = (what: string) =>
  z
    .string({ error: `${what} is required (HH:MM)` })
    .trim()
    .transform((text, ctx) => {
      const minutes = clockMinutes(text)
      if (minutes === undefined) {
        ctx.addIssue({ code: 'custom', message: `${what} must be a time from 00:00 to 23:59, e.g. 22:00` })
        return z.NEVER
      }
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
    })

/** Quiet hours may wrap midnight (22:00–07:00); start = end would mean "always" or "never", so it is refused. */
export const quietHoursSchema = z
  .strictObject({ start: clockTime('Quiet hours start'), end: clockTime('Quiet hours end') })
  .refine((quiet) => quiet.start !== quiet.end, {
    message: 'Quiet hours must end at another time than they start',
    path: ['end'],
  })

const hourRange = 'Reminder hour must be a whole number from 0 to 23'
export const reminderHourSchema = z
  .number({ error: hourRange })
  .int(hourRange)
  .min(0, 'Reminder hour must be from 0 to 23')
  .max(23, 'Reminder hour must be from 0 to 23')

export const deliveryPreferencesSchema = z.strictObject({
  timeZone,
  hour: reminderHourSchema,
  quietHours: quietHoursSchema.nullable(),
}) satisfies z.ZodType<DeliveryPreferences, unknown>
