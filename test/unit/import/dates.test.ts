import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth } from '@shared/time/calendar'
import { DATE_FORMATS, detectDateFormat, localDateOf, parseWhen, type DateFormat } from '@shared/import/dates'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const at = (iso: string) => ({ ok: true, when: { kind: 'instant', at: Date.parse(iso) } })
const on = (year: number, month: number, day: number) => ({
  ok: true,
  when: { kind: 'date', date: { year, month, day } },
})

describe('parseWhen: vendor exports are UTC instants', () => {
  it.each<[string, DateFormat, string]>([
    ['2026-09-28T00:00:00+00:00', 'YYYY-MM-DDTHH:MM:SS', '2026-09-28T00:00:00Z'],
    ['2026-09-28T00:00:00', 'YYYY-MM-DDTHH:MM:SS', '2026-09-28T00:00:00Z'], // OpenAI fixture without offset: UTC
    ['2025-11-13T18:36:05.846Z', 'YYYY-MM-DDTHH:MM:SS', '2025-11-13T18:36:05.846Z'], // Cursor
    ['2026-06-28 03:46:57.713', 'YYYY-MM-DDTHH:MM:SS', '2026-06-28T03:46:57.713Z'], // OpenRouter, space, no zone
    ['2024-07-15T23:33:19.433273+00:00', 'YYYY-MM-DDTHH:MM:SS', '2024-07-15T23:33:19.433Z'], // µs dropped
    ['2026-03-01 09:00', 'YYYY-MM-DDTHH:MM:SS', '2026-03-01T09:00:00Z'], // Stripe without seconds
    ['2026-03-01T10:00:00+01:00', 'YYYY-MM-DDTHH:MM:SS', '2026-03-01T09:00:00Z'],
    ['2026-03-01T04:00:00-0500', 'YYYY-MM-DDTHH:MM:SS', '2026-03-01T09:00:00Z'],
    ['2026-03-01 09:00:00 UTC', 'YYYY-MM-DDTHH:MM:SS', '2026-03-01T09:00:00Z'],
    ['2024-12-07', 'YYYY-MM-DD', '2024-12-07T00:00:00Z'], // Anthropic usage_date_utc: the UTC day's start
    ['1790553600', 'epoch-seconds', '2026-09-28T00:00:00Z'], // OpenAI start_time
    ['1790553600123', 'epoch-ms', '2026-09-28T00:00:00.123Z'],
  ])('%j (%s) is %s', (text, format, iso) => {
    expect(parseWhen(text, format, 'utc')).toEqual(at(iso))
  })
})

describe('parseWhen: statement dates are calendar dates, never shifted', () => {
  it.each<[string, DateFormat, [number, number, number]]>([
    ['03/14/2026', 'MM/DD/YYYY', [2026, 3, 14]],
    ['14/03/2026', 'DD/MM/YYYY', [2026, 3, 14]],
    ['3/4/2026', 'M/D/YYYY', [2026, 3, 4]],
    ['3/4/2026', 'D/M/YYYY', [2026, 4, 3]],
    ['14.03.2026', 'DD.MM.YYYY', [2026, 3, 14]],
    ['14.03.26', 'DD.MM.YY', [2026, 3, 14]],
    ['1.3.2026', 'D.M.YYYY', [2026, 3, 1]],
    ['2026-03-14', 'YYYY-MM-DD', [2026, 3, 14]],
    ['2026-03-14T23:30:00-05:00', 'YYYY-MM-DDTHH:MM:SS', [2026, 3, 14]], // the date as written, not UTC's
    ['29.02.24', 'DD.MM.YY', [2024, 2, 29]],
  ])('%j (%s) is %j', (text, format, [year, month, day]) => {
    expect(parseWhen(text, format, 'date')).toEqual(on(year, month, day))
  })
})

describe('parseWhen: strict calendar and shape', () => {
  it.each<[string, DateFormat, RegExp]>([
    ['02/29/2026', 'MM/DD/YYYY', /2026 is not a leap year/],
    ['29.02.2100', 'DD.MM.YYYY', /2100 is not a leap year/],
    ['2026-04-31', 'YYYY-MM-DD', /day 31 does not exist in month 4/],
    ['13/01/2026', 'MM/DD/YYYY', /month 13 does not exist/],
    ['3/4/2026', 'MM/DD/YYYY', /is not MM\/DD\/YYYY/],
    ['2026-03-14', 'DD.MM.YYYY', /is not DD.MM.YYYY/],
    ['2026-06-28 24:00:00', 'YYYY-MM-DDTHH:MM:SS', /time of day that does not exist/],
    ['2026-06-28 23:59:60', 'YYYY-MM-DDTHH:MM:SS', /time of day that does not exist/],
    ['2026-06-28T10:00:00+19:00', 'YYYY-MM-DDTHH:MM:SS', /offset beyond/],
    ['2026-03-14', 'YYYY-MM-DDTHH:MM:SS', /is not YYYY-MM-DDTHH:MM/],
    ['1790553600', 'epoch-ms', /between 1990 and 2200/], // seconds read as ms would be 1970
    ['1790553600.5', 'epoch-seconds', /whole number of seconds/],
    ['', 'YYYY-MM-DD', /empty date/],
  ])('%j as %s is refused', (text, format, reason) => {
    const parsed = parseWhen(text, format, 'utc')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('accepts Feb 29 exactly in leap years, in every day-first and month-first format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2199 }), (year) => {
        const leap = daysInMonth(year, 2) === 29
        expect(parseWhen(`02/29/${year}`, 'MM/DD/YYYY', 'date').ok).toBe(leap)
        expect(parseWhen(`29.02.${year}`, 'DD.MM.YYYY', 'date').ok).toBe(leap)
        expect(parseWhen(`${year}-02-29`, 'YYYY-MM-DD', 'utc').ok).toBe(leap)
      }),
      { numRuns },
    )
  })
})

describe('detectDateFormat: tries every candidate on every value, asks instead of guessing', () => {
  const US_EU: DateFormat[] = ['MM/DD/YYYY', 'DD/MM/YYYY']

  it('a file whose days are all ≤ 12 is ambiguous: the user is asked', () => {
    expect(detectDateFormat(['03/04/2026', '05/04/2026', '12/01/2026'], US_EU)).toEqual({
      kind: 'ambiguous',
      formats: ['MM/DD/YYYY', 'DD/MM/YYYY'],
    })
  })

  it('one value past the 12th, anywhere in the file, settles it', () => {
    const samples = [...Array.from({ length: 500 }, () => '03/04/2026'), '03/14/2026']
    expect(detectDateFormat(samples, US_EU)).toEqual({ kind: 'one', format: 'MM/DD/YYYY' })
    expect(detectDateFormat(['03/04/2026', '14/04/2026'], US_EU)).toEqual({ kind: 'one', format: 'DD/MM/YYYY' })
  })

  it('values that fit neither reading fail with the first value each could not read', () => {
    expect(detectDateFormat(['03/14/2026', '14/03/2026'], US_EU)).toEqual({
      kind: 'none',
      failures: [
        { format: 'MM/DD/YYYY', sample: '14/03/2026' },
        { format: 'DD/MM/YYYY', sample: '03/14/2026' },
      ],
    })
  })

  it('formats that read every value as the same dates are one reading, not an ambiguity', () => {
    expect(detectDateFormat(['03/14/2026', '12/01/2026'], ['MM/DD/YYYY', 'M/D/YYYY'])).toEqual({
      kind: 'one',
      format: 'MM/DD/YYYY',
    })
    expect(detectDateFormat(['3/4/2026', '12/1/2026'], ['MM/DD/YYYY', 'M/D/YYYY', 'D/M/YYYY'])).toEqual({
      kind: 'ambiguous',
      formats: ['M/D/YYYY', 'D/M/YYYY'],
    })
  })

  it('epoch seconds are not mistaken for milliseconds', () => {
    expect(detectDateFormat(['1790553600', '1790640000'], ['epoch-ms', 'epoch-seconds'])).toEqual({
      kind: 'one',
      format: 'epoch-seconds',
    })
  })

  it('empty values (pending statement rows) are ignored', () => {
    expect(detectDateFormat(['', '14.03.26', ' '], ['DD.MM.YY', 'DD.MM.YYYY'])).toEqual({
      kind: 'one',
      format: 'DD.MM.YY',
    })
  })

  it('a generated file in one format is always detected as that reading or reported ambiguous with it', () => {
    const dayFirst: DateFormat[] = ['MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD']
    const write = (format: DateFormat, y: number, m: number, d: number): string => {
      const [dd, mm] = [String(d).padStart(2, '0'), String(m).padStart(2, '0')]
      if (format === 'MM/DD/YYYY') return `${mm}/${dd}/${y}`
      if (format === 'DD/MM/YYYY') return `${dd}/${mm}/${y}`
      if (format === 'DD.MM.YYYY') return `${dd}.${mm}.${y}`
      return `${y}-${mm}-${dd}`
    }
    const date = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .filter(([y, m, d]) => d <= daysInMonth(y, m))
    fc.assert(
      fc.property(fc.constantFrom(...dayFirst), fc.array(date, { minLength: 1, maxLength: 40 }), (format, dates) => {
        const samples = dates.map(([y, m, d]) => write(format, y, m, d))
        const result = detectDateFormat(samples, dayFirst)
        const ambiguous = dates.every(([, m, d]) => d <= 12 && m <= 12) && dates.some(([, m, d]) => m !== d)
        // Another format counts as the same reading only when every date reads the same both ways (02/02/2000).
        if (result.kind === 'one' && result.format !== format) expect(dates.every(([, m, d]) => m === d)).toBe(true)
        else if (result.kind === 'one') expect(result.format).toBe(format)
        else if (result.kind === 'ambiguous') {
          expect(ambiguous, samples.join(' ')).toBe(true)
          expect(result.formats).toContain(format)
        } else throw new Error(`no format found for ${samples.join(' ')}`)
      }),
      { numRuns },
    )
  })

  it('every format a mapping can choose reads its own example as 14 March 2026', () => {
    const examples: Record<DateFormat, string> = {
      'YYYY-MM-DD': '2026-03-14',
      'YYYY-MM-DDTHH:MM:SS': '2026-03-14T12:00:00Z',
      'MM/DD/YYYY': '03/14/2026',
      'DD/MM/YYYY': '14/03/2026',
      'M/D/YYYY': '3/14/2026',
      'D/M/YYYY': '14/3/2026',
      'DD.MM.YYYY': '14.03.2026',
      'DD.MM.YY': '14.03.26',
      'D.M.YYYY': '14.3.2026',
      'epoch-seconds': '1773489600',
      'epoch-ms': '1773489600000',
    }
    for (const format of DATE_FORMATS) {
      expect(parseWhen(examples[format], format, 'date'), format).toEqual(on(2026, 3, 14))
    }
  })
})

describe('localDateOf', () => {
  it('an instant is a date in the account zone; a statement date stays as it is', () => {
    const late = { kind: 'instant' as const, at: Date.parse('2026-03-14T23:30:00Z') }
    expect(localDateOf(late, 'UTC')).toEqual({ year: 2026, month: 3, day: 14 })
    expect(localDateOf(late, 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 15 })
    expect(localDateOf({ kind: 'date', date: { year: 2026, month: 3, day: 14 } }, 'Pacific/Kiritimati')).toEqual({
      year: 2026,
      month: 3,
      day: 14,
    })
  })
})
