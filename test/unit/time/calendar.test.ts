import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addToLocal,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatLocalDate,
  localToWallMs,
  parseLocalDate,
  wallMsToLocal,
  type LocalDateTime,
} from '@shared/time/calendar'
import { parseDuration, type Duration } from '@shared/time/duration'

const numRuns = Number(process.env.FC_RUNS ?? 100)

const at = (date: string, time = '00:00:00.000'): LocalDateTime => {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number)
  const [hms = '', ms = '0'] = time.split('.')
  const [hour = 0, minute = 0, second = 0] = hms.split(':').map(Number)
  return { year, month, day, hour, minute, second, millisecond: Number(ms) }
}
const duration = (text: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`bad duration ${text}`)
  return parsed
}
const dateOf = (local: LocalDateTime): string => formatLocalDate(local)

describe('addToLocal: months and years clamp the day', () => {
  it.each([
    ['2026-01-31', 'P1M', '2026-02-28'],
    ['2028-01-31', 'P1M', '2028-02-29'],
    ['2026-01-31', 'P2M', '2026-03-31'],
    ['2026-01-31', 'P3M', '2026-04-30'],
    ['2026-01-29', 'P1M', '2026-02-28'],
    ['2026-01-30', 'P1M', '2026-02-28'],
    ['2028-01-30', 'P1M', '2028-02-29'],
    ['2026-03-31', 'P1M', '2026-04-30'],
    ['2026-12-31', 'P2M', '2027-02-28'],
    ['2028-02-29', 'P1Y', '2029-02-28'],
    ['2028-02-29', 'P4Y', '2032-02-29'],
    ['2028-02-29', 'P12M', '2029-02-28'],
    ['2000-02-29', 'P100Y', '2100-02-28'],
    ['2000-02-29', 'P400Y', '2400-02-29'],
    // months first, then days: Jan 31 + 1 month = Feb 28, + 1 day = Mar 1
    ['2026-01-31', 'P1M1D', '2026-03-01'],
    ['2026-01-31', 'P1D', '2026-02-01'],
    ['2026-02-28', 'P1W', '2026-03-07'],
    ['2028-02-28', 'P2D', '2028-03-01'],
    ['2026-01-01', 'P365D', '2027-01-01'],
    ['2028-01-01', 'P365D', '2028-12-31'],
    ['2026-01-31', 'P1Y1M', '2027-02-28'],
  ])('%s + %s = %s', (start, text, expected) => {
    expect(dateOf(addToLocal(at(start, '13:45:10.250'), duration(text)))).toBe(expected)
  })

  it('keeps the time of day and ignores the time fields', () => {
    const start = at('2026-01-31', '23:59:59.999')
    expect(addToLocal(start, duration('P1M'))).toEqual(at('2026-02-28', '23:59:59.999'))
    expect(addToLocal(start, duration('PT12H'))).toEqual(start)
    expect(addToLocal(start, duration('P1DT12H'))).toEqual(at('2026-02-01', '23:59:59.999'))
  })

  it('subtracts with negative fields (scaled durations), clamping the same way', () => {
    const minus = (fields: Partial<Duration>): Duration => ({ ...duration('P0D'), ...fields })
    expect(dateOf(addToLocal(at('2026-03-31'), minus({ months: -1 })))).toBe('2026-02-28')
    expect(dateOf(addToLocal(at('2026-01-15'), minus({ months: -1 })))).toBe('2025-12-15')
    expect(dateOf(addToLocal(at('2026-03-01'), minus({ days: -1 })))).toBe('2026-02-28')
  })

  it('refuses invalid wall-clock times', () => {
    expect(() => addToLocal(at('2026-02-30'), duration('P1M'))).toThrow(RangeError)
    expect(() => addToLocal(at('2026-02-28', '24:00:00.000'), duration('P1D'))).toThrow(RangeError)
    expect(() => addToLocal(at('2026-13-01'), duration('P1D'))).toThrow(RangeError)
    expect(() => addToLocal(at('2026-01-01'), duration('P300000Y'))).toThrow(RangeError)
  })
})

describe('civil day numbers', () => {
  it('agree with Date.UTC (which is zone-independent) for years 1–9999 (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const ms = date.getTime()
          const local = wallMsToLocal(ms)
          expect(local).toEqual({
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour: date.getUTCHours(),
            minute: date.getUTCMinutes(),
            second: date.getUTCSeconds(),
            millisecond: date.getUTCMilliseconds(),
          })
          expect(localToWallMs(local)).toBe(ms)
        },
      ),
      { numRuns },
    )
  })

  it('round-trip far outside that range, including year 0 and negative years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (days) => {
        const date = civilFromDays(days)
        expect(daysFromCivil(date.year, date.month, date.day)).toBe(days)
        expect(date.day).toBeLessThanOrEqual(daysInMonth(date.year, date.month))
      }),
      { numRuns },
    )
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 })
    expect(civilFromDays(daysFromCivil(0, 2, 29))).toEqual({ year: 0, month: 2, day: 29 })
  })

  it('formats and parses YYYY-MM-DD', () => {
    expect(formatLocalDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09')
    expect(formatLocalDate({ year: 45, month: 1, day: 1 })).toBe('0045-01-01')
    expect(formatLocalDate({ year: 12_345, month: 1, day: 1 })).toBe('+012345-01-01')
    expect(formatLocalDate({ year: -1, month: 1, day: 1 })).toBe('-000001-01-01')
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 })
    for (const junk of ['2026-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '', '20260101']) {
      expect(parseLocalDate(junk)).toBeUndefined()
    }
  })
})
