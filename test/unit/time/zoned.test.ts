import { describe, expect, it } from 'vitest'
import { formatLocalDate } from '@shared/time/calendar'
import { parseDuration, type Duration } from '@shared/time/duration'
import {
  addDuration,
  localDateString,
  startOfLocalDate,
  startOfLocalDay,
  startOfNextLocalDay,
  toInstant,
  toLocal,
  zoneOffsetMs,
  type LocalDateTime,
} from '@shared/time/zoned'

// Every expectation is an ISO string with 'Z' or a wall-clock time with an explicit zone: nothing here reads
// the process's own zone, and the calendar-* projects run this file in four of them to prove it.
const utc = (iso: string): number => {
  const ms = Date.parse(iso)
  if (!iso.endsWith('Z') || Number.isNaN(ms)) throw new Error(`not a UTC instant: ${iso}`)
  return ms
}
const iso = (instant: number): string => new Date(instant).toISOString()
const at = (text: string): LocalDateTime => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text)
  if (match === null) throw new Error(`bad local ${text}`)
  const [year, month, day, hour, minute, second = '0', ms = '0'] = match.slice(1).map((part) => part ?? '0')
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(ms),
  }
}
const show = (local: LocalDateTime): string =>
  `${formatLocalDate(local)}T${[local.hour, local.minute].map((n) => String(n).padStart(2, '0')).join(':')}`
const duration = (text: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`bad duration ${text}`)
  return parsed
}

describe('toInstant: compatible disambiguation', () => {
  it.each([
    // plain times
    ['UTC', '2026-06-01T12:00', '2026-06-01T12:00:00.000Z'],
    ['Asia/Kolkata', '2026-01-01T00:00', '2025-12-31T18:30:00.000Z'],
    ['Asia/Kathmandu', '2026-01-01T00:00', '2025-12-31T18:15:00.000Z'],
    ['Pacific/Chatham', '2026-01-15T12:00', '2026-01-14T22:15:00.000Z'], // +13:45 in summer
    ['Pacific/Chatham', '2026-07-15T12:00', '2026-07-14T23:15:00.000Z'], // +12:45 in winter
    // gaps: forward by the gap
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'], // = 03:30 CEST
    ['Europe/Berlin', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'], // = 03:00 CEST
    ['Europe/Berlin', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'], // = 03:30 EDT
    ['Pacific/Chatham', '2026-09-27T03:00', '2026-09-26T14:15:00.000Z'], // gap 02:45–03:45 → 04:00
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00.000Z'], // 30-minute gap → 02:45
    ['Antarctica/Troll', '2026-03-29T02:00', '2026-03-29T02:00:00.000Z'], // 2-hour gap → 04:00
    ['America/Santiago', '2026-09-06T00:00', '2026-09-06T04:00:00.000Z'], // midnight missing → 01:00
    ['America/Nuuk', '2026-03-28T23:30', '2026-03-29T01:30:00.000Z'], // gap before midnight: next date 00:30
    // overlaps: the earlier instant
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'], // CEST, not CET (01:30Z)
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'], // EDT, not EST (06:30Z)
    ['Pacific/Chatham', '2026-04-05T03:00', '2026-04-04T13:15:00.000Z'], // +13:45, not +12:45
    ['Australia/Lord_Howe', '2026-04-05T01:45', '2026-04-04T14:45:00.000Z'], // +11, not +10:30
    ['America/Havana', '2026-11-01T00:00', '2026-11-01T04:00:00.000Z'], // midnight twice: the first
  ])('%s %s → %s', (zone, local, expected) => {
    expect(iso(toInstant(at(local), zone))).toBe(expected)
  })

  it('round-trips every instant of a fall-back night through its wall time, except the repeated hour', () => {
    const zone = 'Europe/Berlin'
    for (let t = utc('2026-10-24T22:00:00.000Z'); t < utc('2026-10-25T03:00:00.000Z'); t += 15 * 60_000) {
      const back = toInstant(toLocal(t, zone), zone)
      const repeated = t >= utc('2026-10-25T01:00:00.000Z') && t < utc('2026-10-25T02:00:00.000Z')
      expect(back).toBe(repeated ? t - 3_600_000 : t)
    }
  })
})

describe('toLocal and offsets', () => {
  it.each([
    ['Europe/Berlin', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30', 7200],
    ['Europe/Berlin', '2026-10-25T01:30:00.000Z', '2026-10-25T02:30', 3600],
    ['Asia/Kolkata', '2026-06-30T18:30:00.000Z', '2026-07-01T00:00', 19_800],
    ['Pacific/Chatham', '2026-04-04T13:59:00.000Z', '2026-04-05T03:44', 49_500],
    ['Pacific/Chatham', '2026-04-04T14:00:00.000Z', '2026-04-05T02:45', 45_900],
    ['America/St_Johns', '2026-01-01T03:30:00.000Z', '2026-01-01T00:00', -12_600],
    // Historical offsets with a zero hour and a minus sign (@date-fns/tz's tzOffset gets these wrong)
    ['Africa/Monrovia', '1960-01-01T00:44:30.000Z', '1960-01-01T00:00', -2670],
    ['Europe/Dublin', '1900-01-01T00:25:21.000Z', '1900-01-01T00:00', -1521],
  ])('%s at %s reads %s (offset %s s)', (zone, instant, local, seconds) => {
    expect(show(toLocal(utc(instant), zone))).toBe(local)
    expect(zoneOffsetMs(utc(instant), zone)).toBe(seconds * 1000)
  })

  it('keeps milliseconds and handles instants before 1970', () => {
    expect(toLocal(utc('1969-12-31T23:59:59.999Z'), 'UTC')).toEqual(at('1969-12-31T23:59:59.999'))
    expect(toLocal(-1, 'Asia/Kolkata')).toEqual(at('1970-01-01T05:29:59.999'))
  })

  it('throws a RangeError for unknown zones and impossible instants or times', () => {
    expect(() => toLocal(0, 'Mars/Olympus_Mons')).toThrow(RangeError)
    expect(() => toLocal(0, 'Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/)
    expect(() => toInstant(at('2026-01-01T00:00'), '')).toThrow(RangeError)
    expect(() => toInstant(at('2026-01-01T00:00'), ' UTC')).toThrow(RangeError)
    expect(() => addDuration(0, duration('PT1H'), 'Nowhere/Town')).toThrow(RangeError)
    expect(() => startOfLocalDay(0, 'Nowhere/Town')).toThrow(RangeError)
    expect(() => toLocal(0.5, 'UTC')).toThrow(RangeError)
    expect(() => toLocal(Number.NaN, 'UTC')).toThrow(RangeError)
    expect(() => toLocal(8.64e15 + 1, 'UTC')).toThrow(RangeError)
    expect(() => toInstant(at('2026-02-29T00:00'), 'UTC')).toThrow(RangeError)
    expect(() => toInstant({ ...at('2026-02-28T00:00'), hour: 24 }, 'UTC')).toThrow(RangeError)
  })
})

describe('addDuration', () => {
  it.each([
    // "expires 1 year after purchase": a Feb 29 purchase expires Feb 28, a P4Y one on Feb 29
    ['Europe/Berlin', '2028-02-29T11:00:00.000Z', 'P1Y', '2029-02-28T11:00:00.000Z'],
    ['Europe/Berlin', '2028-02-29T11:00:00.000Z', 'P4Y', '2032-02-29T11:00:00.000Z'],
    ['America/New_York', '2026-01-31T17:00:00.000Z', 'P1M', '2026-02-28T17:00:00.000Z'],
    // the vendor's zone decides the date: 04:30Z on Jan 31 is still Jan 30 in New York
    ['America/New_York', '2026-01-31T04:30:00.000Z', 'P1M', '2026-03-01T04:30:00.000Z'], // Jan 30 23:30 → Feb 28 23:30
    ['UTC', '2026-01-31T04:30:00.000Z', 'P1M', '2026-02-28T04:30:00.000Z'],
    // P1D keeps the wall time across DST (23 h), PT24H is exactly 24 h
    ['Europe/Berlin', '2026-03-28T11:00:00.000Z', 'P1D', '2026-03-29T10:00:00.000Z'],
    ['Europe/Berlin', '2026-03-28T11:00:00.000Z', 'PT24H', '2026-03-29T11:00:00.000Z'],
    ['Europe/Berlin', '2026-10-24T10:00:00.000Z', 'P1D', '2026-10-25T11:00:00.000Z'], // 25-hour day
    // landing in a gap moves forward, in an overlap takes the earlier instant
    ['Europe/Berlin', '2026-03-28T01:30:00.000Z', 'P1D', '2026-03-29T01:30:00.000Z'], // 02:30 → 03:30 CEST
    ['Europe/Berlin', '2026-10-24T00:30:00.000Z', 'P1D', '2026-10-25T00:30:00.000Z'], // 02:30 CEST
    // time only: exact elapsed time, no round trip through the repeated wall hour
    ['Europe/Berlin', '2026-10-25T01:30:00.000Z', 'PT1H', '2026-10-25T02:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25T01:30:00.000Z', 'P0D', '2026-10-25T01:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25T01:30:00.000Z', 'PT0S', '2026-10-25T01:30:00.000Z'],
    // calendar first, then exact time: Mar 28 12:00 CET + 1 day = Mar 29 12:00 CEST, + 1 h
    ['Europe/Berlin', '2026-03-28T11:00:00.000Z', 'P1DT1H', '2026-03-29T11:00:00.000Z'],
    ['Asia/Kolkata', '2026-01-31T18:29:00.000Z', 'P1M', '2026-02-28T18:29:00.000Z'], // Jan 31 23:59 IST
    ['Pacific/Chatham', '2026-09-26T13:30:00.000Z', 'P1D', '2026-09-27T12:30:00.000Z'], // 02:15 → 02:15 next day, 23 h
    ['Pacific/Chatham', '2026-09-25T14:15:00.000Z', 'P1D', '2026-09-26T14:15:00.000Z'], // 03:00 → gap → 04:00
  ])('%s: %s + %s = %s', (zone, start, text, expected) => {
    expect(iso(addDuration(utc(start), duration(text), zone))).toBe(expected)
  })
})

describe('local days', () => {
  it.each([
    // [zone, instant inside the day, start of day, start of next day, local date]
    ['Europe/Berlin', '2026-03-29T12:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25T12:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', '2026-10-25'],
    [
      'America/New_York',
      '2026-03-08T12:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-08',
    ],
    // midnight in a gap: the day starts at 01:00
    [
      'America/Santiago',
      '2026-09-06T12:00:00.000Z',
      '2026-09-06T04:00:00.000Z',
      '2026-09-07T03:00:00.000Z',
      '2026-09-06',
    ],
    [
      'America/Santiago',
      '2026-09-06T03:59:59.999Z',
      '2026-09-05T04:00:00.000Z',
      '2026-09-06T04:00:00.000Z',
      '2026-09-05',
    ],
    ['Asia/Beirut', '2026-03-29T12:00:00.000Z', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z', '2026-03-29'],
    [
      'America/Havana',
      '2026-03-08T12:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-08',
    ],
    ['Africa/Cairo', '2026-04-24T12:00:00.000Z', '2026-04-23T22:00:00.000Z', '2026-04-24T21:00:00.000Z', '2026-04-24'],
    // the day before a midnight gap is 23 hours long
    [
      'America/Santiago',
      '2026-09-05T12:00:00.000Z',
      '2026-09-05T04:00:00.000Z',
      '2026-09-06T04:00:00.000Z',
      '2026-09-05',
    ],
    // fall-back at midnight: Santiago's Apr 4 lasts 25 h (23:00–24:00 twice), Havana's Nov 1 starts at the first 00:00
    [
      'America/Santiago',
      '2026-04-05T03:30:00.000Z',
      '2026-04-04T03:00:00.000Z',
      '2026-04-05T04:00:00.000Z',
      '2026-04-04',
    ],
    [
      'America/Havana',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
      '2026-11-01',
    ],
    // a gap just before midnight: Nuuk's Mar 28 ends at 23:00 and is 23 hours long
    ['America/Nuuk', '2026-03-28T12:00:00.000Z', '2026-03-28T02:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-28'],
    // Antarctica/Troll switches between +00 and +02: 22- and 26-hour days every year
    [
      'Antarctica/Troll',
      '2026-03-29T12:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-03-29',
    ],
    [
      'Antarctica/Troll',
      '2026-10-25T12:00:00.000Z',
      '2026-10-24T22:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
      '2026-10-25',
    ],
    // Samoa skipped 2011-12-30 entirely
    ['Pacific/Apia', '2011-12-29T12:00:00.000Z', '2011-12-29T10:00:00.000Z', '2011-12-30T10:00:00.000Z', '2011-12-29'],
    ['Pacific/Apia', '2011-12-30T10:00:00.000Z', '2011-12-30T10:00:00.000Z', '2011-12-31T10:00:00.000Z', '2011-12-31'],
    [
      'Pacific/Chatham',
      '2026-01-01T00:00:00.000Z',
      '2025-12-31T10:15:00.000Z',
      '2026-01-01T10:15:00.000Z',
      '2026-01-01',
    ],
    ['Asia/Kolkata', '2026-01-01T00:00:00.000Z', '2025-12-31T18:30:00.000Z', '2026-01-01T18:30:00.000Z', '2026-01-01'],
  ])('%s at %s: day %s … %s (%s)', (zone, instant, start, next, date) => {
    const t = utc(instant)
    expect(iso(startOfLocalDay(t, zone))).toBe(start)
    expect(iso(startOfNextLocalDay(t, zone))).toBe(next)
    expect(localDateString(t, zone)).toBe(date)
    expect(startOfLocalDay(t, zone)).toBeLessThanOrEqual(t)
    expect(startOfNextLocalDay(t, zone)).toBeGreaterThan(t)
  })

  it('gives a skipped date a start equal to the next day’s', () => {
    expect(iso(startOfLocalDate({ year: 2011, month: 12, day: 30 }, 'Pacific/Apia'))).toBe('2011-12-30T10:00:00.000Z')
    expect(iso(startOfLocalDate({ year: 2011, month: 12, day: 31 }, 'Pacific/Apia'))).toBe('2011-12-30T10:00:00.000Z')
  })

  it(
    'startOfLocalDay is idempotent and the next day starts where the day ends, every 2 hours through a year',
    { timeout: 30_000 },
    () => {
      for (const zone of ['America/Santiago', 'Asia/Beirut', 'Europe/Berlin', 'Pacific/Chatham', 'America/Havana']) {
        for (let t = utc('2026-01-01T00:00:00.000Z'); t < utc('2027-01-01T00:00:00.000Z'); t += 7_200_000) {
          const start = startOfLocalDay(t, zone)
          const next = startOfNextLocalDay(t, zone)
          expect(startOfLocalDay(start, zone)).toBe(start)
          expect(localDateString(start, zone)).toBe(localDateString(t, zone))
          expect(localDateString(start - 1, zone)).not.toBe(localDateString(t, zone))
          expect(startOfLocalDay(next, zone)).toBe(next)
          expect(next - start).toBeGreaterThanOrEqual(23 * 3_600_000)
          expect(next - start).toBeLessThanOrEqual(25 * 3_600_000)
        }
      }
    },
  )
})
