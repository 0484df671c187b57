import { describe, expect, it } from 'vitest'
import type { AccountForecast, Expiring } from '@shared/api/types/views'
import { at, ledgerFixture, minor, type LedgerFixture } from './ledger-fixtures'

/** ledger.expiring and ledger.forecast: the 30-day pace run forward through the same drawdown. */

const DAY = 86_400_000
/** After the last recorded usage (an hour past midnight a day ago), so lots bought then are still whole now. */
const HOUR = 3_600_000
const NOW = at('2026-11-22T00:00:00Z')

/** $1.00 a day for the last 30 days, drawn from a never-expiring $100 lot bought before. */
const paced = async (f: LedgerFixture) => {
  const account = await f.account({ name: 'API' })
  const base = f.lot(account, {
    amount: minor('100'),
    cost: { amount: minor('100'), currency: 'USD' },
    effectiveAt: NOW - 60 * DAY,
  })
  for (let day = 1; day <= 30; day += 1) f.usage(account, NOW - day * DAY + 3_600_000, minor('1'))
  return { account, base }
}

describe('ledger.expiring', () => {
  it('lists what expires in the window with what the pace leaves unused, soonest first', async () => {
    const f = await ledgerFixture(NOW)
    const { account } = await paced(f)
    // Expiring lots are drawn first (soonest expiry): the pace takes $1 a day from C, then from A.
    const c = f.lot(account, { amount: minor('5'), effectiveAt: NOW - HOUR, expiry: { kind: 'at', at: NOW + 3 * DAY } })
    const a = f.lot(account, {
      amount: minor('50'),
      cost: { amount: minor('25'), currency: 'USD' },
      effectiveAt: NOW - HOUR,
      expiry: { kind: 'at', at: NOW + 10 * DAY },
    })
    const later = f.lot(account, {
      amount: minor('9'),
      effectiveAt: NOW - HOUR,
      expiry: { kind: 'at', at: NOW + 60 * DAY },
    })

    const view = await f.call<Expiring>('ledger.expiring', {})
    expect([view.at, view.until]).toEqual(['2026-11-22T00:00:00.000Z', '2026-12-22T00:00:00.000Z'])
    const rows = view.lots.map((lot) => [
      lot.lotId,
      lot.expiresAt.slice(0, 10),
      lot.remainingNow.value,
      lot.expectedUnused.value,
      lot.expectedValue?.value ?? null,
    ])
    expect(rows).toEqual([
      // days 0, 1 and 2 take $3 of C's $5; it expires with $2 (cost unknown: no value)
      [`L${c}`, '2026-11-25', '5.00', '2.00', null],
      // days 3 to 9 take $7 of A's $50: $43 expire, bought at half price: worth $21.50
      [`L${a}`, '2026-12-02', '50.00', '43.00', '21.50'],
    ])
    expect(view.lots.map((lot) => lot.lotId)).not.toContain(`L${later}`)
    expect(view.expectedValue).toEqual([{ value: '21.50', minor: '21500000', unit: 'USD' }])
    expect(view.home.value).toEqual({ value: '21.50', minor: '21500000', unit: 'USD' })

    const soon = await f.call<Expiring>('ledger.expiring', { within: 'P5D' })
    expect(soon.lots.map((lot) => lot.lotId)).toEqual([`L${c}`])
    expect(await f.backend.dispatch('ledger.expiring', { within: '30 days' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { within: expect.stringContaining('ISO 8601 duration') } },
    })
  })

  it('keeps a lot the pace uses up in the list, with nothing expected unused', async () => {
    const f = await ledgerFixture(NOW)
    const { account } = await paced(f)
    const small = f.lot(account, {
      amount: minor('2'),
      cost: { amount: minor('2'), currency: 'USD' },
      effectiveAt: NOW - HOUR,
      expiry: { kind: 'at', at: NOW + 5 * DAY },
    })
    const view = await f.call<Expiring>('ledger.expiring', { within: 'P7D' })
    expect(view.lots).toHaveLength(1)
    expect(view.lots[0]).toMatchObject({
      lotId: `L${small}`,
      remainingNow: { value: '2.00' },
      expectedUnused: { value: '0.00' },
      expectedValue: { value: '0.00', unit: 'USD' },
    })
  })
})

describe('ledger.forecast', () => {
  it('gives the pace, when the balance runs out, and the value at risk', async () => {
    const f = await ledgerFixture(NOW)
    const { account } = await paced(f)
    const promo = f.lot(account, {
      amount: minor('20'),
      kind: 'promo',
      funding: 'promotional',
      cost: { amount: 0, currency: 'USD' },
      effectiveAt: NOW - HOUR,
      expiry: { kind: 'at', at: NOW + 45 * DAY },
      tags: ['model:o1'], // restricted: the untagged pace never draws it
    })
    const [forecast] = await f.call<AccountForecast[]>('ledger.forecast', { accountId: account })
    expect(forecast?.rate).toMatchObject({
      windowStart: '2026-10-23T00:00:00.000Z',
      windowEnd: '2026-11-22T00:00:00.000Z',
      used: { value: '30.00' },
      count: 30,
      perDay: { value: '1.00' },
    })
    // $70 left of the base lot at $1 a day (days 0 to 69); the restricted promo is gone on day 45 anyway: the balance
    // reaches 0 with the 70th day's usage, drawn at the start of day 69
    expect(forecast?.balanceNow.value).toBe('90.00')
    expect(forecast?.depletedAt).toBe(new Date(NOW + 69 * DAY).toISOString())
    expect(forecast?.atRisk.within30Days.unused.value).toBe('0.00')
    expect(forecast?.atRisk.within90Days).toEqual({
      unused: { value: '20.00', minor: '20000000', unit: 'USD' },
      value: [{ value: '0.00', minor: '0', unit: 'USD' }],
      unknownCost: { value: '0.00', minor: '0', unit: 'USD' },
    })
    expect(forecast?.expiring.map((lot) => [lot.lotId, lot.expectedUnused.value, lot.restricted])).toEqual([
      [`L${promo}`, '20.00', true],
    ])
    const short = await f.call<AccountForecast[]>('ledger.forecast', {
      accountId: account,
      horizon: 'P30D',
      window: 'P10D',
    })
    expect(short[0]?.horizonEnd).toBe('2026-12-22T00:00:00.000Z')
    expect(short[0]?.rate.used.value).toBe('10.00')
    expect(short[0]?.depletedAt).toBeNull()
  })
})
