/**
 * Wall clock ↔ instant in an IANA zone. Instants are UTC epoch ms; rules are wall-clock times plus a zone
 * (DESIGN §4, ledger-semantics §9.4). Resolution follows Temporal's 'compatible' disambiguation: a wall
 * time in a DST gap moves forward by the gap, a wall time in an overlap takes the earlier instant.
 * Nothing here reads the process's own zone or clock.
 */
import {
  addToLocal,
  checkDate,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  formatLocalDate,
  localToWallMs,
  MAX_INSTANT,
  wallMsToLocal,
  type LocalDate,
  type LocalDateTime,
} from './calendar'
import { calendarPart, checkDuration, isZeroDuration, scaleDuration, timePartMs, type Duration } from './duration'
import { isValidTimeZone } from './zones'

export { addToLocal, type LocalDate, type LocalDateTime }

// Offsets come from Intl's "longOffset" names ("GMT+05:30", "GMT-00:44:30"). @date-fns/tz's tzOffset parses
// the same text but returns +44.5 for "-00:44:30" (the sign of a zero hour is lost): wrong for historical
// offsets such as Africa/Monrovia before 1972 or Europe/Dublin before 1916. Hence this small parser.
const offsetFormats = new Map<string, Intl.DateTimeFormat>()
const OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/

const offsetFormat = (zone: string): Intl.DateTimeFormat => {
  let format = offsetFormats.get(zone)
  if (format === undefined) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`)
    // Only the hour and the offset: half the cost of the default date + offset (about 1 µs per call).
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', timeZoneName: 'longOffset' })
    offsetFormats.set(zone, format)
  }
  return format
}

const checkInstant = (instant: number, what = 'instant'): number => {
  if (!Number.isInteger(instant) || Math.abs(instant) > MAX_INSTANT) {
    throw new RangeError(`${what} must be integer epoch ms within ±${MAX_INSTANT}, got ${String(instant)}`)
  }
  return instant + 0
}

/** UTC offset of `zone` at `instant`, in ms (east positive: +19,800,000 for Asia/Kolkata). */
export const zoneOffsetMs = (instant: number, zone: string): number => {
  // UTC has no offset to look up; asking Intl costs microseconds, and replays resolve thousands of expiries.
  if (zone === 'UTC' || zone === 'Etc/UTC') return (checkInstant(instant), 0)
  const text = offsetFormat(zone).format(new Date(checkInstant(instant)))
  const match = OFFSET.exec(text)
  if (match === null) throw new Error(`Unexpected offset text "${text}" for ${zone}`)
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000
  return sign === '-' ? -ms : ms
}

/** The wall-clock time in `zone` at `instant`. */
export const toLocal = (instant: number, zone: string): LocalDateTime =>
  wallMsToLocal(instant + zoneOffsetMs(instant, zone))

/**
 * Every instant whose wall-clock time in `zone` is `wall` (0 in a gap, 2 in an overlap, else 1), earliest
 * first, plus the offset in force before the transition. Candidates are wall − offset for the offsets a day
 * either side (as Temporal does: this assumes no zone changes its offset twice within those two days) and a
 * candidate is real when its own offset gives back the wall time.
 */
const resolveWall = (wall: number, zone: string): { instants: number[]; offsetBefore: number } => {
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, zone)
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, zone)
  const instants = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((instant) => instant + zoneOffsetMs(instant, zone) === wall)
    .sort((a, b) => a - b)
  return { instants, offsetBefore }
}

/** The instant of a wall-clock time in `zone`: gap → forward by the gap, overlap → the earlier instant. */
export const toInstant = (local: LocalDateTime, zone: string): number => {
  const wall = localToWallMs(local)
  const { instants, offsetBefore } = resolveWall(wall, zone)
  // In a gap, reading the wall time with the offset from before the gap lands the same distance past the
  // transition: Berlin 02:30 on the spring-forward day is 01:30Z, shown as 03:30 CEST.
  return checkInstant(instants[0] ?? wall - offsetBefore, 'resolved instant')
}

/**
 * instant ⊕ duration: the calendar part on the wall clock in `zone` (then resolved), the time part as exact
 * elapsed ms. "Expires 1 year after purchase" is addDuration(purchase, P1Y, zone). With no calendar part
 * the instant is not round-tripped through the wall clock: the second 02:30 of a fall-back night + PT1H
 * is 03:30, not the first 02:30 + 1 h (Temporal does the same).
 */
export const addDuration = (instant: number, duration: Duration, zone: string): number => {
  checkDuration(duration)
  offsetFormat(zone) // validates the zone even when the calendar part is zero
  const calendar = calendarPart(duration)
  const base = isZeroDuration(calendar)
    ? checkInstant(instant)
    : toInstant(addToLocal(toLocal(instant, zone), calendar), zone)
  return checkInstant(base + timePartMs(duration), 'addDuration result')
}

export interface Anchor {
  readonly local: LocalDateTime
  readonly zone: string
}

const checkInterval = (interval: Duration): Duration => {
  checkDuration(interval, 'interval')
  const fields = Object.values(interval) as number[]
  if (fields.some((value) => value < 0) || isZeroDuration(interval)) {
    throw new RangeError(`interval must be non-negative and non-zero, got ${JSON.stringify(interval)}`)
  }
  return interval
}

/**
 * Boundary k of a schedule: anchor ⊕ k × interval, always computed from the anchor. Chaining
 * (b_{k+1} = b_k ⊕ interval) drifts: Jan 31 → Feb 28 → Mar 28 instead of Mar 31. k may be negative.
 */
export const boundaryAt = (anchor: Anchor, interval: Duration, k: number): number => {
  checkInterval(interval)
  const scaled = scaleDuration(interval, k)
  const local = addToLocal(anchor.local, calendarPart(scaled))
  return checkInstant(toInstant(local, anchor.zone) + timePartMs(scaled), 'boundary')
}

/** Mean length of an interval in ms (Gregorian year 365.2425 days): only a starting guess for the search. */
const averageMs = (d: Duration): number =>
  (d.years * 365.2425 + d.months * 30.436875 + d.weeks * 7 + d.days) * DAY_MS + timePartMs(d)

/**
 * The k with b_k ≤ instant < b_{k+1}, or −1 before b_0. Guesses k from the mean interval length, then
 * gallops and bisects (boundaries never decrease), so 1,000 or 100,000 periods cost a handful of resolutions.
 * When a zone skips a whole day (Pacific/Apia, 2011-12-30) two daily boundaries can coincide; the result is
 * then the last of them (the empty period is never reported).
 */
export const boundaryIndexAt = (anchor: Anchor, interval: Duration, instant: number): number => {
  checkInstant(instant)
  const first = boundaryAt(anchor, interval, 0)
  if (instant < first) return -1
  const at = (k: number): number => {
    try {
      return boundaryAt(anchor, interval, k)
    } catch (error) {
      // Past the end of time (or of safe integers): such a boundary is after every instant.
      if (error instanceof RangeError && k > 0) return Infinity
      throw error
    }
  }
  const guess = Math.max(0, Math.floor((instant - first) / averageMs(interval)))
  // Invariant of the search: at(low) ≤ instant < at(high).
  let low: number
  let high: number
  if (at(guess) <= instant) {
    low = guess
    let step = 1
    high = guess + 1
    while (at(high) <= instant) {
      low = high
      step *= 2
      high = low + step
    }
  } else {
    high = guess
    let step = 1
    while (high - step > 0 && at(high - step) > instant) {
      high -= step
      step *= 2
    }
    low = Math.max(0, high - step)
  }
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2)
    if (at(mid) <= instant) low = mid
    else high = mid
  }
  return low
}

const nextDate = (date: LocalDate): LocalDate => civilFromDays(daysFromCivil(date.year, date.month, date.day) + 1)

/**
 * All instants at which `date` begins in `zone`: midnight, once or twice (a fall-back at midnight repeats it),
 * or, when midnight falls in a gap (America/Santiago 2026-09-06), the transition instant itself, found by
 * bisection: the first instant whose wall time is past midnight (01:00 there). Earliest first.
 */
const startsOfDate = (date: LocalDate, zone: string): number[] => {
  checkDate(date)
  const wall = daysFromCivil(date.year, date.month, date.day) * DAY_MS
  const { instants, offsetBefore } = resolveWall(wall, zone)
  if (instants.length > 0) return instants
  let high = wall - offsetBefore // wall time ≥ midnight
  let low = wall - zoneOffsetMs(wall + DAY_MS, zone) // wall time < midnight
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2)
    if (mid + zoneOffsetMs(mid, zone) >= wall) high = mid
    else low = mid
  }
  return [high]
}

/** The first instant of the local date `date` in `zone`. */
export const startOfLocalDate = (date: LocalDate, zone: string): number => {
  const [start] = startsOfDate(date, zone)
  if (start === undefined) throw new Error(`no start found for ${formatLocalDate(date)} in ${zone}`)
  return checkInstant(start, 'start of day')
}

/** The first instant of the local day containing `instant`. */
export const startOfLocalDay = (instant: number, zone: string): number => startOfLocalDate(toLocal(instant, zone), zone)

/**
 * The first instant after `instant` at which the next local day begins: "end of local day" expiries.
 * Where a fall-back repeats midnight (America/Havana, 01:00 → 00:00) the next day starts at the first one.
 * Only the first start after `instant` counts: should a fall-back ever cross midnight backwards (00:30 →
 * 23:30), an instant in the repeated half hour reads the earlier date and its day ends at the second midnight.
 */
export const startOfNextLocalDay = (instant: number, zone: string): number => {
  const starts = startsOfDate(nextDate(toLocal(instant, zone)), zone)
  const next = starts.find((start) => start > instant)
  if (next === undefined) throw new Error(`no next local day after ${instant} in ${zone}`)
  return checkInstant(next, 'start of next day')
}

/** 'YYYY-MM-DD' of `instant` in `zone`. */
export const localDateString = (instant: number, zone: string): string => formatLocalDate(toLocal(instant, zone))
