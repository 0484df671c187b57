import { z } from 'zod'
import { currencyCode, timeZone } from '../catalog/schemas'
import { parseDecimal } from '../money/decimal'
import { parseLocalDate } from '../time/calendar'
import type { ReminderRules } from '../reminders/types'
import { DEFAULT_REMINDER_RULES, quietHoursSchema, reminderHourSchema, reminderRulesSchema } from '../reminders/rules'

/**
 * User settings and dated FX rates (DESIGN §4: totals in a home currency use user-entered rates, with the rate's
 * date shown; no rate means "no rate", never 1:1). Pure: the renderer validates forms with these, the backend again.
 */

export interface Settings {
  /** Totals across accounts are shown in this ISO 4217 currency, converted with dated FX rates. */
  readonly homeCurrency: string
  /** The user's IANA zone: reminders fire and "today" is decided in it. */
  readonly timeZone: string
  /** Local hour (0–23) at which daily reminders fire. */
  readonly reminderHour: number
  /** No notification between these local times ("22:00"–"07:00" wraps midnight); null = none. */
  readonly quietHours: { readonly start: string; readonly end: string } | null
  /** Which reminders every account gets (an account may override any of them). */
  readonly reminderRules: ReminderRules
  /** Desktop app: an icon in the tray with the next expiry. */
  readonly trayIcon: boolean
  /** Desktop app: start when the user logs in (hidden in the tray), so reminders are delivered. */
  readonly startAtLogin: boolean
  /** Desktop app: closing the window keeps reminders running in the tray ('ask' until the user answered once). */
  readonly closeToTray: 'ask' | 'tray' | 'quit'
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  homeCurrency: 'USD',
  timeZone: 'UTC',
  reminderHour: 9,
  quietHours: null,
  reminderRules: DEFAULT_REMINDER_RULES,
  trayIcon: true,
  startAtLogin: false,
  closeToTray: 'ask',
})

/** FX rates are held exactly at 9 decimals (rate_e9): enough for JPY→USD (0.0066…) without a float in sight. */
export const FX_RATE_SCALE = 9

/** 1 `base` = `rate` `quote` from `effectiveDate` until the next rate of the pair. */
export interface FxRate {
  readonly id: number
  readonly base: string
  readonly quote: string
  /** Exact decimal text, trailing zeros trimmed ("1.0842"). */
  readonly rate: string
  readonly effectiveDate: string
}

/** The rate in force on a date and the date it was set, which a view shows beside any converted total. */
export interface FxRateOn {
  readonly rate: string
  readonly effectiveDate: string
}

const flag = (what: string) => z.boolean({ error: `${what} is true or false` })

export const settingsSchema = z.strictObject({
  homeCurrency: currencyCode,
  timeZone,
  reminderHour: reminderHourSchema,
  quietHours: quietHoursSchema.nullable(),
  reminderRules: reminderRulesSchema,
  trayIcon: flag('Tray icon'),
  startAtLogin: flag('Start at login'),
  closeToTray: z.enum(['ask', 'tray', 'quit'], { error: 'Close to tray is ask, tray or quit' }),
})

/** settings.set takes any subset; unknown keys are refused so a typo is not silently ignored. */
export const settingsPatch = settingsSchema.partial()

/** 'YYYY-MM-DD' that names a real day (2026-02-30 is refused, not rolled over to March). */
export const localDate = (what: string) =>
  z
    .string({ error: `${what} is required (YYYY-MM-DD)` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be YYYY-MM-DD, e.g. 2026-11-01`)
    .refine((text) => parseLocalDate(text) !== undefined, `${what} is not a real calendar date`)

/** A rate as decimal text, parsed exactly at scale 9 into its integer numerator; numbers are refused (floats). */
export const fxRateText = z
  .string({ error: 'Rate is required, as a decimal such as 1.0842' })
  .trim()
  .min(1, 'Rate is required, as a decimal such as 1.0842')
  .transform((text, ctx) => {
    const parsed = parseDecimal(text, FX_RATE_SCALE, 'reject')
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `Rate ${parsed.reason}` })
      return z.NEVER
    }
    if (parsed.value <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Rate must be greater than 0' })
      return z.NEVER
    }
    return parsed.value
  })

const differentCurrencies = (pair: { base: string; quote: string }) => pair.base !== pair.quote
const SAME_PAIR = { message: 'Quote currency must differ from the base currency', path: ['quote'] }

export const newFxRateInput = z
  .strictObject({ base: currencyCode, quote: currencyCode, rate: fxRateText, effectiveDate: localDate('Date') })
  .refine(differentCurrencies, SAME_PAIR)

export const fxFilter = z.strictObject({ base: currencyCode.optional(), quote: currencyCode.optional() }).optional()

/** base = quote is allowed here and answers exactly 1: converting a currency to itself needs no rate. */
export const fxRateOnInput = z.strictObject({ base: currencyCode, quote: currencyCode, date: localDate('Date') })

export type SettingsPatch = z.input<typeof settingsPatch>
export type NewFxRateInput = z.input<typeof newFxRateInput>
export type FxRateOnInput = z.input<typeof fxRateOnInput>
