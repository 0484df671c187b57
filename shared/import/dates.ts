/**
 * Dates as exports print them (vendor-csv.md §0, §6.6). Each format is strict — two-digit fields where the format
 * says so, a real calendar day (02/29 only in leap years), a real time of day — so that detectDateFormat can try
 * every candidate against every value and tell a file that fits one reading from one that fits several. A file
 * whose days are all ≤ 12 ("03/04/2026") fits both MM/DD and DD/MM: the caller asks the user, it never guesses.
 *
 * Two readings (issue 5 §7): timestamped vendor exports are UTC instants (a date-only vendor column such as
 * Anthropic's usage_date_utc is the instant its UTC day starts); statement rows are local dates, never shifted.
 */
import { DAY_MS, civilFromDays, daysFromCivil, daysInMonth, type LocalDate } from '../time/calendar'
import { toLocal } from '../time/zoned'
import type { When } from './types'

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  /** ISO date-time: 'T' or a space, seconds and fraction optional, 'Z' or an offset optional (none = UTC). */
  'YYYY-MM-DDTHH:MM:SS',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'M/D/YYYY',
  'D/M/YYYY',
  'DD.MM.YYYY',
  'DD.MM.YY',
  'D.M.YYYY',
  'epoch-seconds',
  'epoch-ms',
] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

/** 'utc': an instant (vendor exports); 'date': the calendar date as written (statements). */
export type DateBasis = 'utc' | 'date'

export type ParsedWhen = { readonly ok: true; readonly when: When } | { readonly ok: false; readonly reason: string }

interface Stamp {
  readonly date: LocalDate
  /** ms since midnight; 0 for a date alone. */
  readonly timeMs: number
  /** UTC offset written in the value (east positive), null when none. */
  readonly offsetMs: number | null
}

/** Epoch values outside these years are some other number (a count, or seconds read as ms): not a date. */
const EPOCH_MIN = Date.UTC(1990, 0, 1)
const EPOCH_MAX = Date.UTC(2200, 0, 1)

const DAY_FIRST: Record<
  string,
  { readonly pattern: RegExp; readonly order: 'dmy' | 'mdy'; readonly shortYear?: true }
> = {
  'MM/DD/YYYY': { pattern: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: 'mdy' },
  'DD/MM/YYYY': { pattern: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: 'dmy' },
  'M/D/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'mdy' },
  'D/M/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  'DD.MM.YYYY': { pattern: /^(\d{2})\.(\d{2})\.(\d{4})$/, order: 'dmy' },
  'DD.MM.YY': { pattern: /^(\d{2})\.(\d{2})\.(\d{2})$/, order: 'dmy', shortYear: true },
  'D.M.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/

const realDate = (year: number, month: number, day: number): LocalDate | string => {
  if (month < 1 || month > 12) return `month ${month} does not exist`
  if (day < 1 || day > daysInMonth(year, month)) {
    return month === 2 && day === 29 ? `${year} is not a leap year` : `day ${day} does not exist in month ${month}`
  }
  return { year, month, day }
}

const offsetOf = (text: string | undefined): number | null => {
  if (text === undefined) return null
  if (/^(?:z|utc)$/i.test(text)) return 0
  const digits = text.slice(1).replace(':', '')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')
  return (text.startsWith('-') ? -minutes : minutes) * 60_000
}

const epoch = (text: string, unitMs: number): Stamp | string => {
  if (!/^\d{1,16}$/.test(text)) return 'is not a whole number of ' + (unitMs === 1000 ? 'seconds' : 'milliseconds')
  const at = Number(text) * unitMs
  if (at < EPOCH_MIN || at >= EPOCH_MAX) return 'is not a time between 1990 and 2200'
  const days = Math.floor(at / DAY_MS)
  return { date: civilFromDays(days), timeMs: at - days * DAY_MS, offsetMs: 0 }
}

const isoDateTime = (text: string): Stamp | string => {
  const match = ISO_DATE_TIME.exec(text)
  if (match === null) return 'is not YYYY-MM-DDTHH:MM[:SS]'
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset] = match
  const date = realDate(Number(y), Number(mo), Number(d))
  if (typeof date === 'string') return date
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)]
  if (hour > 23 || minute > 59 || second > 59) return 'has a time of day that does not exist'
  const offsetMs = offsetOf(offset)
  if (offsetMs !== null && Math.abs(offsetMs) > 18 * 3_600_000) return 'has an offset beyond ±18:00'
  // Sub-millisecond digits (OpenRouter's API prints microseconds) are dropped: instants are whole ms.
  const millisecond = Number(fraction.slice(0, 3).padEnd(3, '0'))
  return { date, timeMs: ((hour * 60 + minute) * 60 + second) * 1000 + millisecond, offsetMs }
}

const stampOf = (text: string, format: DateFormat): Stamp | string => {
  switch (format) {
    case 'epoch-seconds':
      return epoch(text, 1000)
    case 'epoch-ms':
      return epoch(text, 1)
    case 'YYYY-MM-DDTHH:MM:SS':
      return isoDateTime(text)
    case 'YYYY-MM-DD': {
      const match = ISO_DATE.exec(text)
      if (match === null) return 'is not YYYY-MM-DD'
      const date = realDate(Number(match[1]), Number(match[2]), Number(match[3]))
      return typeof date === 'string' ? date : { date, timeMs: 0, offsetMs: null }
    }
    default: {
      const spec = DAY_FIRST[format]
      const match = spec?.pattern.exec(text)
      if (spec === undefined || match === null || match === undefined) return `is not ${format}`
      const [first, second, third] = [Number(match[1]), Number(match[2]), Number(match[3])]
      // Two-digit years are 2000–2099: statements from the last century are not this app's business.
      const year = spec.shortYear === true ? 2000 + third : third
      const date = spec.order === 'dmy' ? realDate(year, second, first) : realDate(year, first, second)
      return typeof date === 'string' ? date : { date, timeMs: 0, offsetMs: null }
    }
  }
}

const instantOf = (stamp: Stamp): number =>
  daysFromCivil(stamp.date.year, stamp.date.month, stamp.date.day) * DAY_MS + stamp.timeMs - (stamp.offsetMs ?? 0)

/**
 * One value in one format. basis 'utc' gives an instant (a value without an offset is UTC, as every vendor export
 * here is); basis 'date' gives the calendar date as written (a date-time keeps only its date part).
 */
export const parseWhen = (text: string, format: DateFormat, basis: DateBasis): ParsedWhen => {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, reason: 'empty date' }
  const stamp = stampOf(trimmed, format)
  if (typeof stamp === 'string') return { ok: false, reason: `"${trimmed}" ${stamp} (${format})` }
  if (basis === 'date') return { ok: true, when: { kind: 'date', date: stamp.date } }
  return { ok: true, when: { kind: 'instant', at: instantOf(stamp) } }
}

export type DateDetection =
  | { readonly kind: 'one'; readonly format: DateFormat }
  /** Several readings fit every value and give different dates: ask the user (formats in candidate order). */
  | { readonly kind: 'ambiguous'; readonly formats: readonly DateFormat[] }
  /** No candidate fits every value; `failures` names, per candidate, the first value it cannot read. */
  | { readonly kind: 'none'; readonly failures: readonly { readonly format: DateFormat; readonly sample: string }[] }

/**
 * Tries every candidate against ALL samples (empty ones ignored: pending statement rows). Candidates that read
 * every sample as the same dates (MM/DD/YYYY and M/D/YYYY on "03/14/2026") count as one reading, represented by
 * the first of them; only readings that disagree somewhere make the result ambiguous.
 */
export const detectDateFormat = (samples: readonly string[], candidates: readonly DateFormat[]): DateDetection => {
  const values = samples.map((sample) => sample.trim()).filter((sample) => sample !== '')
  const readings = new Map<string, DateFormat>()
  const failures: { format: DateFormat; sample: string }[] = []
  for (const format of candidates) {
    const keys: number[] = []
    const bad = values.find((value) => {
      const stamp = stampOf(value, format)
      if (typeof stamp === 'string') return true
      keys.push(instantOf(stamp))
      return false
    })
    if (bad !== undefined) {
      failures.push({ format, sample: bad })
      continue
    }
    const signature = keys.join(',')
    if (!readings.has(signature)) readings.set(signature, format)
  }
  const formats = [...readings.values()]
  const [only] = formats
  if (only === undefined) return { kind: 'none', failures }
  return formats.length === 1 ? { kind: 'one', format: only } : { kind: 'ambiguous', formats }
}

/** The calendar day of a When in `zone`: an instant's local date there, a statement date as it is. */
export const localDateOf = (when: When, zone: string): LocalDate => {
  if (when.kind === 'date') return when.date
  const { year, month, day } = toLocal(when.at, zone)
  return { year, month, day }
}
