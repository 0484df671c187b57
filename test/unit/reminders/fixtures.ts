import { amountView } from '@shared/money/amount-view'
import { DEFAULT_REMINDER_RULES } from '@shared/reminders/rules'
import type { AccountReminderInput, DeliveryPreferences, Reminder } from '@shared/reminders/types'

/** Shared builders for the reminder tests. Every instant is written as ISO with Z: nothing reads the process zone. */

export const utc = (iso: string): number => {
  const ms = Date.parse(iso)
  if (!iso.endsWith('Z') || Number.isNaN(ms)) throw new Error(`not a UTC instant: ${iso}`)
  return ms
}
export const iso = (instant: number | null): string | null =>
  instant === null ? null : new Date(instant).toISOString()

/** Credits at milli-credit scale, money at micro-units: "120.00 credits", "120.00 USD". */
export const credits = (value: number) => amountView(Math.round(value * 1000), 'credits', 3)
export const usd = (value: number) => amountView(Math.round(value * 1_000_000), 'USD', 6)

export const prefs = (timeZone = 'UTC', extra: Partial<DeliveryPreferences> = {}): DeliveryPreferences => ({
  timeZone,
  hour: 9,
  quietHours: null,
  ...extra,
})

export const account = (extra: Partial<AccountReminderInput> = {}): AccountReminderInput => ({
  accountId: 4,
  accountName: 'Personal',
  vendorName: 'OpenAI',
  rules: DEFAULT_REMINDER_RULES,
  expiring: [],
  trials: [],
  renewals: [],
  periods: [],
  balance: { now: credits(50), belowSince: null },
  rechargeBlocked: [],
  negativeBalance: [],
  drift: [],
  ...extra,
})

/** A reminder with only what planning looks at; the rest filled in. */
export const reminder = (
  key: string,
  dueAt: number,
  extra: Partial<Omit<Reminder, 'key' | 'dueAt'>> = {},
): Reminder => ({
  key,
  group: key,
  rank: 0,
  kind: 'expiry',
  accountId: 1,
  dueAt,
  eventAt: dueAt,
  staleAt: null,
  title: `title ${key}`,
  body: `body ${key}`,
  link: { view: 'account', accountId: 1 },
  ...extra,
})
