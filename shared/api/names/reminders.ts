import type { remindersMethods } from '../methods/reminders'

/** The names of ./methods/reminders.ts as plain data, for the zod-free preload (see method-names.ts). */
export const REMINDERS_METHOD_NAMES = [
  'reminders.inbox',
  'reminders.due',
  'reminders.snooze',
  'reminders.dismiss',
  'reminders.seen',
  'reminders.accountRules',
  'reminders.setAccountRules',
] as const satisfies readonly (keyof typeof remindersMethods)[]
