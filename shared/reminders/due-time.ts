import { civilFromDays, DAY_MS, daysFromCivil, type LocalDate } from '../time/calendar'
import { toInstant, toLocal, zoneOffsetMs } from '../time/zoned'
import type { Instant } from '../ledger/model'
import { clockMinutes } from './rules'
import type { DeliveryPreferences } from './types'

/**
 * When a reminder may appear (issue 6 §3): date reminders at the user's friendly hour, events at once, both moved out
 * of quiet hours. All arithmetic is on the local calendar of prefs.timeZone and resolved per date, never by adding
 * 24 h, so a 23- or 25-hour day still lands on the same wall-clock hour.
 */

const MINUTE_MS = 60_000
/** Extra days leadDueAt steps back when the lead date's hour is pushed past the event (by quiet hours). */
const MAX_STEP_BACK = 3

interface QuietWindow {
  /** Minutes after local midnight; start > end when the window wraps midnight. */
  readonly start: number
  readonly end: number
}

const quietWindow = (prefs: DeliveryPreferences): QuietWindow | null => {
  if (prefs.quietHours === null) return null
  const start = clockMinutes(prefs.quietHours.start)
  const end = clockMinutes(prefs.quietHours.end)
  if (start === undefined || end === undefined || start === end) {
    throw new RangeError(`quiet hours must be two different HH:MM times, got ${JSON.stringify(prefs.quietHours)}`)
  }
  return { start, end }
}

const msOfDay = (local: { hour: number; minute: number; second: number; millisecond: number }): number =>
  ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond

const isInside = (window: QuietWindow, ms: number): boolean => {
  const start = window.start * MINUTE_MS
  const end = window.end * MINUTE_MS
  return start < end ? ms >= start && ms < end : ms >= start || ms < end
}

/** True when the local wall-clock time of `instant` is within quiet hours (start inclusive, end exclusive). */
export const inQuietHours = (instant: Instant, prefs: DeliveryPreferences): boolean => {
  const window = quietWindow(prefs)
  return window !== null && isInside(window, msOfDay(toLocal(instant, prefs.timeZone)))
}

const dayNumber = (date: LocalDate): number => daysFromCivil(date.year, date.month, date.day)

/**
 * The first instant after `after` at which the wall clock reads at least `minutes` on `date`. Usually the one instant
 * of that wall time; in a fall-back overlap the first of its two instants that is after `after` (an instant in the
 * repeated hour is past the first one); in a spring-forward gap the transition itself, the first instant the clock
 * shows a later time (Berlin 02:30 on 2026-03-29 → 03:00 CEST). toInstant would say 03:30 there, but every instant
 * from 03:00 on already reads as outside the window, so 03:30 would keep the user waiting for nothing.
 */
const firstAtWall = (date: LocalDate, minutes: number, after: Instant, zone: string): Instant => {
  const wall = dayNumber(date) * DAY_MS + minutes * MINUTE_MS
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, zone)
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, zone)
  const exact = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((instant) => instant + zoneOffsetMs(instant, zone) === wall)
    .sort((a, b) => a - b)
  if (exact.length > 0) return exact.find((instant) => instant > after) ?? after
  // A gap: wall − offsetAfter still reads before the gap, wall − offsetBefore already after it. Bisect to the ms.
  let low = wall - offsetAfter
  let high = wall - offsetBefore
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2)
    if (mid + zoneOffsetMs(mid, zone) >= wall) high = mid
    else low = mid
  }
  return Math.max(high, after)
}

/**
 * `instant` if it is outside quiet hours, else the end of the quiet hours it is in (the next day's when they wrap).
 * Where a spring-forward gap swallows the whole time between the end and the next start (quiet 02:03–02:00 on the
 * night Berlin skips 02:00–03:00), that night has no free moment and the end after it is taken.
 */
export const outOfQuietHours = (instant: Instant, prefs: DeliveryPreferences): Instant => {
  const window = quietWindow(prefs)
  if (window === null) return instant
  let at = instant
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const local = toLocal(at, prefs.timeZone)
    const ms = msOfDay(local)
    if (!isInside(window, ms)) return at
    // Past the start of a window that wraps midnight: it ends tomorrow.
    const endsTomorrow = window.start > window.end && ms >= window.start * MINUTE_MS
    const endDate = endsTomorrow ? civilFromDays(dayNumber(local) + 1) : local
    at = firstAtWall(endDate, window.end, at, prefs.timeZone)
  }
  return at
}

/** prefs.hour:00 on a local date (a gap moves it forward, as toInstant does: hour 2 on a spring-forward day is 03:00). */
const atFriendlyHour = (day: number, prefs: DeliveryPreferences): Instant =>
  toInstant({ ...civilFromDays(day), hour: prefs.hour, minute: 0, second: 0, millisecond: 0 }, prefs.timeZone)

/**
 * When a "N days before" reminder is due: the local date of `eventAt` minus `leadDays` calendar days, at prefs.hour,
 * out of quiet hours. Never after `eventAt`: if quiet hours (or a zone skipping a day) push it past the event, the
 * latest such friendly time before the event, a day or more earlier; failing that, the event itself.
 */
export const leadDueAt = (eventAt: Instant, leadDays: number, prefs: DeliveryPreferences): Instant => {
  if (!Number.isInteger(leadDays) || leadDays < 0) {
    throw new RangeError(`leadDays must be a non-negative integer, got ${String(leadDays)}`)
  }
  const eventDay = dayNumber(toLocal(eventAt, prefs.timeZone))
  for (let back = 0; back <= MAX_STEP_BACK; back += 1) {
    const at = outOfQuietHours(atFriendlyHour(eventDay - leadDays - back, prefs), prefs)
    if (at <= eventAt) return at
  }
  return eventAt
}

/** Events (a threshold crossed, a negative balance…) are due when they happen, or when quiet hours end. */
export const eventDueAt = (eventAt: Instant, prefs: DeliveryPreferences): Instant => outOfQuietHours(eventAt, prefs)
