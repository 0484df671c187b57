import ical, { ICalAlarmType } from 'ical-generator'
import { DAY_MS } from '@shared/time/calendar'
import type { CalendarEntry } from './calendar-entries'

/**
 * Calendar entries as an iCalendar document (RFC 5545). ical-generator does the escaping and the 75-octet line
 * folding; this module only decides what goes in. Every event is timed at its exact instant in UTC ("…Z"): an
 * expiry is a moment (credits are usable until then), and UTC reads the same in every calendar app and zone.
 */

export const CALENDAR_NAME = 'Credit Ledger'

/** One reminder a day ahead: the global default lead time for calendar events (issue 6 §8). */
export const ALARM_DAYS_BEFORE = 1

/** How often a subscribed calendar app should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 60 * 60

export const buildIcs = (entries: readonly CalendarEntry[], now: number): string => {
  const calendar = ical({
    name: CALENDAR_NAME,
    prodId: { company: 'Credit Ledger', product: 'Credit Ledger', language: 'EN' },
    ttl: REFRESH_SECONDS,
  })
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      start: new Date(entry.at),
      stamp: new Date(now),
      summary: entry.summary,
      description: entry.description,
      // An alarm that would ring in the past (the event is less than a day away) is left out: nothing to warn of.
      alarms:
        entry.at - ALARM_DAYS_BEFORE * DAY_MS > now
          ? [{ type: ICalAlarmType.display, trigger: (ALARM_DAYS_BEFORE * DAY_MS) / 1000, description: entry.summary }]
          : [],
    })
  }
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.1); the generator leaves the last one bare.
  return `${calendar.toString()}\r\n`
}
