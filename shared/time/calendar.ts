/**
 * Wall-clock calendar arithmetic with no time zone: proleptic Gregorian dates and times of day as plain
 * integers. Done by hand (days-from-civil, H. Hinnant) rather than with Date so that no result can depend
 * on the process's own zone, and so years 0–99 are not remapped to 1900–1999 as Date.UTC does.
 * zoned.ts turns these wall-clock values into instants.
 */
import { calendarPart, checkDuration, isZeroDuration, type Duration } from './duration'

export interface LocalDate {
  readonly year: number
  /** 1–12 */
  readonly month: number
  /** 1–31 */
  readonly day: number
}

export interface LocalDateTime extends LocalDate {
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millisecond: number
}

export const DAY_MS = 86_400_000
/** The Date range (±10^8 days from 1970): an instant outside it cannot be formatted by Intl. */
export const MAX_INSTANT = 8.64e15
const MIN_YEAR = -271_821
const MAX_YEAR = 275_760

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years = 146,097 days). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const monthFromMarch = (month + 9) % 12
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Inverse of daysFromCivil. */
export const civilFromDays = (days: number): LocalDate => {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const inRange = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max

/** Throws a RangeError unless the fields name a real calendar date (no Feb 30, no month 13). */
export const checkDate = <T extends LocalDate>(date: T, what = 'local date'): T => {
  const { year, month, day } = date
  if (!(inRange(year, MIN_YEAR, MAX_YEAR) && inRange(month, 1, 12) && inRange(day, 1, daysInMonth(year, month)))) {
    throw new RangeError(`${what} is not a valid date: ${JSON.stringify(date)}`)
  }
  return date
}

/** Throws a RangeError unless the fields name a real wall-clock time (also no 24:00 and no leap second). */
export const checkLocal = (local: LocalDateTime, what = 'local date-time'): LocalDateTime => {
  checkDate(local, what)
  const { hour, minute, second, millisecond } = local
  if (!(inRange(hour, 0, 23) && inRange(minute, 0, 59) && inRange(second, 0, 59) && inRange(millisecond, 0, 999))) {
    throw new RangeError(`${what} is not a valid time of day: ${JSON.stringify(local)}`)
  }
  return local
}

/** The wall-clock time read as if it were UTC, in ms: the zone-free coordinate zoned.ts subtracts offsets from. */
export const localToWallMs = (local: LocalDateTime): number => {
  checkLocal(local)
  const time = ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond
  return daysFromCivil(local.year, local.month, local.day) * DAY_MS + time
}

export const wallMsToLocal = (wall: number): LocalDateTime => {
  const days = Math.floor(wall / DAY_MS)
  let rest = wall - days * DAY_MS
  const millisecond = rest % 1000
  rest = (rest - millisecond) / 1000
  const second = rest % 60
  rest = (rest - second) / 60
  return { ...civilFromDays(days), hour: Math.floor(rest / 60), minute: rest % 60, second, millisecond }
}

/**
 * Calendar addition (Temporal's `overflow: "constrain"`): years and months first, with the day clamped to
 * the target month's length (Jan 31 + P1M = Feb 28 or 29; Feb 29 + P1Y = Feb 28, + P4Y = Feb 29), then
 * weeks and days on the calendar. The time of day is kept; the time fields of `duration` are NOT added here
 * (they are exact elapsed time and belong after zone resolution: see addDuration in zoned.ts).
 */
export const addToLocal = (local: LocalDateTime, duration: Duration): LocalDateTime => {
  checkLocal(local)
  checkDuration(duration)
  if (isZeroDuration(calendarPart(duration))) return local
  const monthIndex = local.year * 12 + (local.month - 1) + duration.years * 12 + duration.months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  if (!inRange(year, MIN_YEAR, MAX_YEAR)) throw new RangeError(`addToLocal: year ${year} is out of range`)
  const day = Math.min(local.day, daysInMonth(year, month))
  const days = daysFromCivil(year, month, day) + duration.weeks * 7 + duration.days
  const result = { ...local, ...civilFromDays(days) }
  return checkLocal(result, 'addToLocal result')
}

/** 'YYYY-MM-DD' (ISO 8601 extended years, '+YYYYYY' / '-YYYYYY', outside 0000–9999). */
export const formatLocalDate = (date: LocalDate): string => {
  const { year } = date
  const yearText =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`
  return `${yearText}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
}

/** 'YYYY-MM-DD' → LocalDate, undefined for anything else (including Feb 30): date-only statement rows. */
export const parseLocalDate = (text: string): LocalDate | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return undefined
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  return inRange(date.month, 1, 12) && inRange(date.day, 1, daysInMonth(date.year, date.month)) ? date : undefined
}
