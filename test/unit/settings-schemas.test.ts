import { describe, expect, it } from 'vitest'
import { fieldErrors } from '@shared/api/validate'
import {
  DEFAULT_SETTINGS,
  fxFilter,
  fxRateOnInput,
  newFxRateInput,
  settingsPatch,
  settingsSchema,
} from '@shared/settings/schemas'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0])

describe('settings schemas', () => {
  it('accepts its own defaults', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
  })

  it.each([
    [{}, {}],
    [{ homeCurrency: ' eur ' }, { homeCurrency: 'EUR' }],
    [{ timeZone: 'America/Los_Angeles' }, { timeZone: 'America/Los_Angeles' }],
    [{ reminderHour: 0 }, { reminderHour: 0 }],
    [{ reminderHour: 23 }, { reminderHour: 23 }],
  ])('patch %j → %j', (input, parsed) => {
    expect(settingsPatch.parse(input)).toEqual(parsed)
  })

  it.each([
    [{ homeCurrency: 'US' }, { homeCurrency: 'Currency is a 3-letter ISO 4217 code, e.g. USD' }],
    [{ homeCurrency: 42 }, { homeCurrency: 'Currency is required' }],
    [{ timeZone: 'Berlin' }, { timeZone: expect.stringContaining('Unknown time zone') }],
    [{ reminderHour: 24 }, { reminderHour: 'Reminder hour must be from 0 to 23' }],
    [{ reminderHour: -1 }, { reminderHour: 'Reminder hour must be from 0 to 23' }],
    [{ reminderHour: 8.5 }, { reminderHour: 'Reminder hour must be a whole number from 0 to 23' }],
    [{ reminderHour: '8' }, { reminderHour: 'Reminder hour must be a whole number from 0 to 23' }],
    [{ theme: 'dark' }, { _: expect.stringContaining('theme') }],
  ])('patch %j → %j', (input, errors) => {
    expect(errorsOf(settingsPatch.safeParse(input))).toEqual(errors)
  })
})

describe('FX rate schemas', () => {
  const rate = { base: 'eur', quote: 'usd', rate: '1.0842', effectiveDate: '2026-11-01' }

  it.each([
    ['1.0842', 1_084_200_000],
    [' 1.084200000 ', 1_084_200_000],
    ['151.123456789', 151_123_456_789],
    ['0.000000001', 1],
    ['1e-3', 1_000_000],
    ['9007199.254740991', Number.MAX_SAFE_INTEGER],
  ])('parses rate %s exactly into %d (×10⁹)', (text, e9) => {
    expect(newFxRateInput.parse({ ...rate, rate: text })).toEqual({
      base: 'EUR',
      quote: 'USD',
      rate: e9,
      effectiveDate: '2026-11-01',
    })
  })

  it.each([
    [{ rate: '0' }, { rate: 'Rate must be greater than 0' }],
    [{ rate: '-0.5' }, { rate: 'Rate must be greater than 0' }],
    [{ rate: '0.0000000001' }, { rate: expect.stringContaining('at most 9 decimal places') }],
    [{ rate: '9007199.254740992' }, { rate: expect.stringContaining('too large') }],
    [{ rate: ' ' }, { rate: 'Rate is required, as a decimal such as 1.0842' }],
    [{ rate: '1.08 USD' }, { rate: `Rate "1.08 USD" has an unexpected character ' ' at position 5` }],
    [{ rate: 1.0842 }, { rate: 'Rate is required, as a decimal such as 1.0842' }],
    [{ effectiveDate: '2026-02-29' }, { effectiveDate: 'Date is not a real calendar date' }],
    [{ effectiveDate: '2026-11-1' }, { effectiveDate: 'Date must be YYYY-MM-DD, e.g. 2026-11-01' }],
    [{ effectiveDate: undefined }, { effectiveDate: 'Date is required (YYYY-MM-DD)' }],
    [{ quote: 'EUR' }, { quote: 'Quote currency must differ from the base currency' }],
    [{ base: 'E1R' }, { base: 'Currency is a 3-letter ISO 4217 code, e.g. USD' }],
    [{ source: 'ecb' }, { _: expect.stringContaining('source') }],
  ])('rate with %j → %j', (change, errors) => {
    expect(errorsOf(newFxRateInput.safeParse({ ...rate, ...change }))).toEqual(errors)
  })

  it('accepts a leap day and the same currency on both sides when asking for a rate', () => {
    expect(newFxRateInput.safeParse({ ...rate, effectiveDate: '2028-02-29' }).success).toBe(true)
    expect(fxRateOnInput.parse({ base: 'usd', quote: 'USD', date: '2026-01-31' })).toEqual({
      base: 'USD',
      quote: 'USD',
      date: '2026-01-31',
    })
  })

  it('filters by base and quote, both optional', () => {
    expect(fxFilter.parse(undefined)).toBeUndefined()
    expect(fxFilter.parse({ base: 'gbp' })).toEqual({ base: 'GBP' })
    expect(errorsOf(fxFilter.safeParse({ quote: 'pounds' }))).toEqual({
      quote: 'Currency is a 3-letter ISO 4217 code, e.g. USD',
    })
  })
})
