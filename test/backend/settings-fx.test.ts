import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type FxRate } from '@shared/settings/schemas'
import { openConnection } from '../../electron/backend/db/connection'
import { openTestBackend, tempDir, value } from './helpers'
import { join } from 'node:path'

const EUR_USD = { base: 'EUR', quote: 'USD' } as const

describe('settings', () => {
  it('answers the defaults before anything is set', async () => {
    const backend = await openTestBackend()
    expect(value(await backend.dispatch('settings.get', undefined))).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'USD',
      timeZone: 'UTC',
      reminderHour: 9,
    })
  })

  it('changes only the settings given, keeps them, and announces the change', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    const events: unknown[] = []
    backend.onEvent((_name, payload) => events.push(payload))
    expect(value(await backend.dispatch('settings.set', { homeCurrency: 'eur' }))).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'EUR',
      timeZone: 'UTC',
      reminderHour: 9,
    })
    value(await backend.dispatch('settings.set', { timeZone: 'Europe/Berlin', reminderHour: 0 }))
    expect(value(await backend.dispatch('settings.get', {}))).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'EUR',
      timeZone: 'Europe/Berlin',
      reminderHour: 0,
    })
    expect(events).toEqual([
      { origin: 'local', method: 'settings.set' },
      { origin: 'local', method: 'settings.set' },
    ])
    backend.close()
    const reopened = await openTestBackend(dbPath)
    expect(value(await reopened.dispatch('settings.get', undefined))).toMatchObject({ timeZone: 'Europe/Berlin' })
  })

  it('rejects junk with a message per field and writes nothing, not even the valid fields', async () => {
    const backend = await openTestBackend()
    const result = await backend.dispatch('settings.set', {
      homeCurrency: 'EURO',
      timeZone: 'Mars/Olympus',
      reminderHour: 24,
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          homeCurrency: 'Currency is a 3-letter ISO 4217 code, e.g. USD',
          timeZone: expect.stringContaining('Unknown time zone'),
          reminderHour: 'Reminder hour must be from 0 to 23',
        },
      },
    })
    const mixed = await backend.dispatch('settings.set', { homeCurrency: 'GBP', reminderHour: 7.5 })
    expect(mixed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reminderHour: expect.any(String) } },
    })
    expect(await backend.dispatch('settings.set', { theme: 'dark' })).toMatchObject({ ok: false })
    expect(value(await backend.dispatch('settings.get', undefined))).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'USD',
      timeZone: 'UTC',
      reminderHour: 9,
    })
  })

  it('falls back to the default for a stored value that no longer validates', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    value(await backend.dispatch('settings.set', { reminderHour: 8, timeZone: 'Asia/Tokyo' }))
    const other = openConnection(dbPath)
    other.prepare("UPDATE settings SET value = '99' WHERE key = 'reminderHour'").run()
    other.close()
    expect(value(await backend.dispatch('settings.get', undefined))).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'USD',
      timeZone: 'Asia/Tokyo',
      reminderHour: 9,
    })
  })
})

describe('FX rates', () => {
  it('adds a rate exactly as typed and lists rates newest first, filtered by base or quote', async () => {
    const backend = await openTestBackend()
    const added = value(
      await backend.dispatch('fx.add', { ...EUR_USD, rate: '1.084200', effectiveDate: '2026-11-01' }),
    ) as FxRate
    expect(added).toEqual({ id: expect.any(Number), ...EUR_USD, rate: '1.0842', effectiveDate: '2026-11-01' })
    value(await backend.dispatch('fx.add', { ...EUR_USD, rate: '1.09', effectiveDate: '2026-12-01' }))
    value(
      await backend.dispatch('fx.add', {
        base: 'usd',
        quote: 'jpy',
        rate: '151.123456789',
        effectiveDate: '2026-10-01',
      }),
    )

    const all = value(await backend.dispatch('fx.list', undefined)) as FxRate[]
    expect(all.map((r) => `${r.effectiveDate} ${r.base}/${r.quote} ${r.rate}`)).toEqual([
      '2026-12-01 EUR/USD 1.09',
      '2026-11-01 EUR/USD 1.0842',
      '2026-10-01 USD/JPY 151.123456789',
    ])
    expect((value(await backend.dispatch('fx.list', { base: 'usd' })) as FxRate[]).map((r) => r.quote)).toEqual(['JPY'])
    expect(value(await backend.dispatch('fx.list', { quote: 'USD' }))).toHaveLength(2)
    expect(value(await backend.dispatch('fx.list', { base: 'GBP' }))).toEqual([])
  })

  it('refuses a second rate for the same pair and day as a CONFLICT on the date', async () => {
    const backend = await openTestBackend()
    value(await backend.dispatch('fx.add', { ...EUR_USD, rate: '1.08', effectiveDate: '2026-11-01' }))
    const again = await backend.dispatch('fx.add', { ...EUR_USD, rate: '1.10', effectiveDate: '2026-11-01' })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { effectiveDate: expect.stringContaining('already exists (1.08)') } },
    })
    // the reverse pair is a different rate, not a duplicate
    value(await backend.dispatch('fx.add', { base: 'USD', quote: 'EUR', rate: '0.92', effectiveDate: '2026-11-01' }))
    expect(value(await backend.dispatch('fx.list', undefined))).toHaveLength(2)
  })

  it.each([
    [{ ...EUR_USD, rate: '0', effectiveDate: '2026-11-01' }, { rate: 'Rate must be greater than 0' }],
    [{ ...EUR_USD, rate: '-1.2', effectiveDate: '2026-11-01' }, { rate: 'Rate must be greater than 0' }],
    [{ ...EUR_USD, rate: '1,08', effectiveDate: '2026-11-01' }, { rate: expect.stringContaining('comma') }],
    [{ ...EUR_USD, rate: '1.0000000001', effectiveDate: '2026-11-01' }, { rate: expect.stringContaining('at most 9') }],
    [{ ...EUR_USD, rate: 1.08, effectiveDate: '2026-11-01' }, { rate: expect.stringContaining('Rate is required') }],
    [{ ...EUR_USD, rate: '1.08', effectiveDate: '2026-02-30' }, { effectiveDate: 'Date is not a real calendar date' }],
    [
      { ...EUR_USD, rate: '1.08', effectiveDate: '1/11/2026' },
      { effectiveDate: expect.stringContaining('YYYY-MM-DD') },
    ],
    [
      { base: 'EUR', quote: 'eur', rate: '1', effectiveDate: '2026-11-01' },
      { quote: expect.stringContaining('differ') },
    ],
    [
      { base: 'EU', quote: 'USD', rate: '1', effectiveDate: '2026-11-01' },
      { base: expect.stringContaining('3-letter') },
    ],
  ])('rejects %j with field messages and writes nothing', async (input, fields) => {
    const backend = await openTestBackend()
    expect(await backend.dispatch('fx.add', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields } })
    expect(value(await backend.dispatch('fx.list', undefined))).toEqual([])
  })

  it('answers the latest rate on or before a date, with its date', async () => {
    const backend = await openTestBackend()
    for (const [rate, effectiveDate] of [
      ['1.05', '2026-01-01'],
      ['1.08', '2026-06-15'],
      ['1.1', '2026-11-01'],
    ] as const) {
      value(await backend.dispatch('fx.add', { ...EUR_USD, rate, effectiveDate }))
    }
    const on = async (date: string) => value(await backend.dispatch('fx.rateOn', { ...EUR_USD, date }))
    expect(await on('2026-06-15')).toEqual({ rate: '1.08', effectiveDate: '2026-06-15' })
    expect(await on('2026-06-14')).toEqual({ rate: '1.05', effectiveDate: '2026-01-01' })
    expect(await on('2026-10-31')).toEqual({ rate: '1.08', effectiveDate: '2026-06-15' })
    expect(await on('2030-01-01')).toEqual({ rate: '1.1', effectiveDate: '2026-11-01' })
  })

  it('says NOT_FOUND, never 1:1, before the first rate and for a pair without rates', async () => {
    const backend = await openTestBackend()
    value(await backend.dispatch('fx.add', { ...EUR_USD, rate: '1.08', effectiveDate: '2026-06-15' }))
    expect(await backend.dispatch('fx.rateOn', { ...EUR_USD, date: '2026-06-14' })).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'No EUR→USD rate on or before 2026-06-14; the first one is effective 2026-06-15',
      },
    })
    // the inverse is not derived silently either
    expect(await backend.dispatch('fx.rateOn', { base: 'USD', quote: 'EUR', date: '2026-07-01' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('No USD→EUR rate has been entered') },
    })
  })

  it('answers exactly 1 for a currency into itself, without any rate stored', async () => {
    const backend = await openTestBackend()
    expect(value(await backend.dispatch('fx.rateOn', { base: 'chf', quote: 'CHF', date: '2026-03-01' }))).toEqual({
      rate: '1',
      effectiveDate: '2026-03-01',
    })
    expect(await backend.dispatch('fx.rateOn', { base: 'CHF', quote: 'CHF', date: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { date: 'Date is not a real calendar date' } },
    })
  })
})
