import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calendarPart,
  formatDuration,
  isZeroDuration,
  parseDuration,
  scaleDuration,
  timePartMs,
  ZERO_DURATION,
  type Duration,
} from '@shared/time/duration'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const d = (fields: Partial<Duration>): Duration => ({ ...ZERO_DURATION, ...fields })

describe('parseDuration', () => {
  it.each<[string, Partial<Duration>]>([
    ['P1Y', { years: 1 }],
    ['P1M', { months: 1 }],
    ['P30D', { days: 30 }],
    ['P2W', { weeks: 2 }],
    ['PT12H', { hours: 12 }],
    ['PT1M', { minutes: 1 }],
    ['PT90S', { seconds: 90 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }],
    ['P1W2D', { weeks: 1, days: 2 }],
    ['P0D', {}],
    ['PT0S', {}],
    ['P1MT12H', { months: 1, hours: 12 }],
  ])('%s', (text, fields) => {
    expect(parseDuration(text)).toEqual(d(fields))
  })

  it.each([
    '',
    'P',
    'PT',
    'P1YT',
    '-P1D',
    '+P1D',
    'P-1D',
    'P1.5Y',
    'PT0,5H',
    'p1y',
    ' P1Y',
    'P1Y ',
    'P1D1Y',
    'PT1M1H',
    'P1H',
    'PT1D',
    '1Y',
    'P1Y1Y',
    'P99999999999999999999Y',
    'P1e3D',
  ])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it.each<[Partial<Duration>, string]>([
    [{}, 'PT0S'],
    [{ years: 1 }, 'P1Y'],
    [{ weeks: 2 }, 'P2W'],
    [{ hours: 12 }, 'PT12H'],
    [{ years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }, 'P1Y2M3DT4H5M6S'],
    [{ months: -1, days: -2 }, '-P1M2D'],
  ])('%j → %s', (fields, text) => {
    expect(formatDuration(d(fields))).toBe(text)
  })

  it('refuses mixed signs and non-integers', () => {
    expect(() => formatDuration(d({ months: 1, days: -1 }))).toThrow(RangeError)
    expect(() => formatDuration(d({ days: 0.5 }))).toThrow(/days must be a safe integer/)
  })

  it('is the inverse of parseDuration (property)', () => {
    const field = fc.nat({ max: 10_000 })
    const duration = fc.record({
      years: field,
      months: field,
      weeks: field,
      days: field,
      hours: field,
      minutes: field,
      seconds: field,
    })
    fc.assert(
      fc.property(duration, (value) => {
        expect(parseDuration(formatDuration(value))).toEqual(value)
      }),
      { numRuns },
    )
  })
})

describe('scale and parts', () => {
  it('scaleDuration multiplies every field and guards the products', () => {
    const value = d({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 })
    expect(scaleDuration(value, 3)).toEqual(
      d({ years: 3, months: 6, weeks: 9, days: 12, hours: 15, minutes: 18, seconds: 21 }),
    )
    expect(scaleDuration(value, 0)).toEqual(ZERO_DURATION)
    expect(Object.values(scaleDuration(value, 0)).every((field) => Object.is(field, 0))).toBe(true)
    expect(scaleDuration(d({ months: 1 }), -2)).toEqual(d({ months: -2 }))
    expect(() => scaleDuration(d({ days: Number.MAX_SAFE_INTEGER }), 2)).toThrow(RangeError)
    expect(() => scaleDuration(value, 1.5)).toThrow(RangeError)
  })

  it('splits calendar fields from exact time', () => {
    const value = d({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 })
    expect(calendarPart(value)).toEqual(d({ years: 1, months: 2, weeks: 3, days: 4 }))
    expect(timePartMs(value)).toBe(((5 * 60 + 6) * 60 + 7) * 1000)
    expect(timePartMs(d({ days: 400 }))).toBe(0)
    expect(() => timePartMs(d({ hours: Number.MAX_SAFE_INTEGER }))).toThrow(RangeError)
    expect(isZeroDuration(ZERO_DURATION)).toBe(true)
    expect(isZeroDuration(d({ seconds: 1 }))).toBe(false)
    expect(Object.isFrozen(ZERO_DURATION)).toBe(true)
  })
})
