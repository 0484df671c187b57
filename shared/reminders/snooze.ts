import type { Instant } from '../ledger/model'
import { addToLocal, civilFromDays, daysFromCivil } from '../time/calendar'
import { ZERO_DURATION } from '../time/duration'
import { toInstant, toLocal } from '../time/zoned'
import { outOfQuietHours } from './due-time'
import type { DeliveryPreferences, SnoozeOption } from './types'

/**
 * When a snoozed reminder comes back (issue 6 §3). "Tomorrow" and "1 week" are calendar arithmetic in the user's
 * zone, so a DST change in between does not shift them by an hour; all three respect quiet hours (an hour's snooze
 * at 21:30 with quiet hours from 22:00 comes back when they end, not at 22:30).
 */

const HOUR_MS = 3_600_000
const WEEK = { ...ZERO_DURATION, days: 7 }

export const snoozeUntil = (option: SnoozeOption, now: Instant, prefs: DeliveryPreferences): Instant => {
  const zone = prefs.timeZone
  switch (option) {
    case 'hour':
      return outOfQuietHours(now + HOUR_MS, prefs)
    case 'tomorrow': {
      const today = toLocal(now, zone)
      const tomorrow = civilFromDays(daysFromCivil(today.year, today.month, today.day) + 1)
      const at = toInstant({ ...tomorrow, hour: prefs.hour, minute: 0, second: 0, millisecond: 0 }, zone)
      return outOfQuietHours(at, prefs)
    }
    case 'week':
      return outOfQuietHours(toInstant(addToLocal(toLocal(now, zone), WEEK), zone), prefs)
  }
}
