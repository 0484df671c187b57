import type { calendarMethods } from '../methods/calendar'

/** The names of ./methods/calendar.ts as plain data, for the zod-free preload (see method-names.ts). */
export const CALENDAR_METHOD_NAMES = [
  'calendar.export',
  'calendar.feeds.list',
  'calendar.feeds.create',
  'calendar.feeds.revoke',
  'calendar.feed',
] as const satisfies readonly (keyof typeof calendarMethods)[]
