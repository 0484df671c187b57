/**
 * ISO 8601 durations as rules store them ("P1M" refill, "P1Y" expiry). Calendar fields (years, months,
 * weeks, days) are wall-clock arithmetic in a zone (zoned.ts): a month is not a fixed number of ms and a
 * day may last 23 or 25 hours. Time fields (hours, minutes, seconds) are exact elapsed time. Keeping the
 * seven fields apart (never normalizing P1D to PT24H or P12M to P1Y) preserves that distinction.
 */

export interface Duration {
  readonly years: number
  readonly months: number
  readonly weeks: number
  readonly days: number
  readonly hours: number
  readonly minutes: number
  readonly seconds: number
}

export const ZERO_DURATION: Duration = Object.freeze({
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
})

const FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const
const DESIGNATORS = ['Y', 'M', 'W', 'D', 'H', 'M', 'S'] as const

// Integers only, non-negative, upper-case designators, weeks may mix with other fields (as in ISO 8601-2
// and Temporal). Fractions ("PT0.5H") and signs are refused: no vendor rule needs them and each is a
// source of ambiguity.
const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/

/** "P1Y2M3DT4H5M6S" → fields; undefined for anything else (including "P", "PT", "P1YT", "-P1D"). */
export const parseDuration = (text: string): Duration | undefined => {
  const match = PATTERN.exec(text)
  if (match === null || text === 'P' || text.endsWith('T')) return undefined
  const values = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)))
  if (!values.every((value) => Number.isSafeInteger(value))) return undefined
  const [years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = values
  return { years, months, weeks, days, hours, minutes, seconds }
}

/** Throws a RangeError unless every field is a safe integer (a hand-built Duration can hold anything). */
export const checkDuration = (d: Duration, what = 'duration'): Duration => {
  for (const field of FIELDS) {
    if (!Number.isSafeInteger(d[field])) {
      throw new RangeError(`${what}: ${field} must be a safe integer, got ${String(d[field])}`)
    }
  }
  return d
}

export const isZeroDuration = (d: Duration): boolean => FIELDS.every((field) => d[field] === 0)

/** Canonical text, the inverse of parseDuration: zero is "PT0S"; an all-negative duration gets a leading '-'. */
export const formatDuration = (d: Duration): string => {
  checkDuration(d)
  const negative = FIELDS.some((field) => d[field] < 0)
  if (negative && FIELDS.some((field) => d[field] > 0)) {
    throw new RangeError(`formatDuration: mixed signs cannot be written in ISO 8601 (${JSON.stringify(d)})`)
  }
  if (isZeroDuration(d)) return 'PT0S'
  const part = (index: number): string => {
    const field = FIELDS[index] ?? 'years'
    return d[field] === 0 ? '' : `${Math.abs(d[field])}${DESIGNATORS[index] ?? ''}`
  }
  const date = [0, 1, 2, 3].map(part).join('')
  const time = [4, 5, 6].map(part).join('')
  return `${negative ? '-' : ''}P${date}${time === '' ? '' : `T${time}`}`
}

/** Every field × k ("the k-th period" is the interval scaled, never chained). Throws if a product is unsafe. */
export const scaleDuration = (d: Duration, k: number): Duration => {
  checkDuration(d)
  if (!Number.isSafeInteger(k)) throw new RangeError(`scaleDuration: k must be a safe integer, got ${String(k)}`)
  const scale = (value: number): number => {
    const product = value * k + 0 // + 0 turns -0 into 0
    if (!Number.isSafeInteger(product)) throw new RangeError(`scaleDuration: ${value} × ${k} is not a safe integer`)
    return product
  }
  return {
    years: scale(d.years),
    months: scale(d.months),
    weeks: scale(d.weeks),
    days: scale(d.days),
    hours: scale(d.hours),
    minutes: scale(d.minutes),
    seconds: scale(d.seconds),
  }
}

/** The wall-clock part: years, months, weeks, days (time fields zero). */
export const calendarPart = (d: Duration): Duration => ({
  ...ZERO_DURATION,
  years: d.years,
  months: d.months,
  weeks: d.weeks,
  days: d.days,
})

/** The exact part in ms: hours, minutes and seconds. Throws unless every step stays a safe integer. */
export const timePartMs = (d: Duration): number => {
  checkDuration(d)
  const step = (value: number): number => {
    if (!Number.isSafeInteger(value))
      throw new RangeError(`duration time part is beyond the safe range: ${JSON.stringify(d)}`)
    return value
  }
  const minutes = step(step(d.hours * 60) + d.minutes)
  const seconds = step(step(minutes * 60) + d.seconds)
  return step(seconds * 1000) + 0
}
