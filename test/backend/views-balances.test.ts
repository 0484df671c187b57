import { describe, expect, it } from 'vitest'
import type { Balances } from '@shared/api/types/views'
import { value } from './helpers'
import { at, ledgerFixture, minor } from './ledger-fixtures'

/** ledger.balances: the numbers a user checks against their own arithmetic and the vendor's dashboard. */

describe('ledger.balances', () => {
  it('a $100 purchase with $30 used leaves 70.00, and the lot says so', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ name: 'API' })
    const lot = f.lot(account, {
      amount: minor('100'),
      cost: { amount: minor('100'), currency: 'USD' },
      effectiveAt: at('2026-10-01T00:00:00Z'),
    })
    f.usage(account, at('2026-10-05T12:00:00Z'), minor('12.50'))
    f.usage(account, at('2026-11-20T08:00:00Z'), minor('17.50'))

    const result = await f.call<Balances>('ledger.balances', { accountId: account })
    const [row] = result.accounts
    expect(row?.balance).toEqual({ value: '70.00', minor: '70000000', unit: 'USD' })
    expect(row?.remaining.value).toBe('70.00')
    expect(row?.debt.value).toBe('0.00')
    expect(row?.lots).toHaveLength(1)
    expect(row?.lots[0]).toMatchObject({
      id: `L${lot}`,
      storedId: lot,
      status: 'active',
      granted: { value: '100.00' },
      consumed: { value: '30.00' },
      remaining: { value: '70.00' },
      cost: { value: '100.00', unit: 'USD' },
      effectiveAt: '2026-10-01T00:00:00.000Z',
      expiresAt: null,
    })
    // A USD balance is money: it is its own value, and the home currency (USD by default) needs no rate.
    expect(row?.value).toEqual({
      basis: 'balance',
      value: [{ value: '70.00', minor: '70000000', unit: 'USD' }],
      unvalued: { value: '0.00', minor: '0', unit: 'USD' },
    })
    expect(result.totals.home).toMatchObject({ currency: 'USD', value: { value: '70.00' }, missingRates: [] })
    expect(result.totals.byUnit).toEqual([
      {
        unit: 'USD',
        balance: { value: '70.00', minor: '70000000', unit: 'USD' },
        remaining: { value: '70.00', minor: '70000000', unit: 'USD' },
        debt: { value: '0.00', minor: '0', unit: 'USD' },
      },
    ])
  })

  it('answers as of a past instant, counting usage at that very instant', async () => {
    const f = await ledgerFixture()
    const account = await f.account()
    f.lot(account, { amount: minor('50'), effectiveAt: at('2026-09-01T00:00:00Z') })
    f.usage(account, at('2026-09-10T00:00:00Z'), minor('5'))
    f.usage(account, at('2026-10-10T00:00:00Z'), minor('20'))
    const asOf = async (iso: string) =>
      (await f.call<Balances>('ledger.balances', { accountId: account, at: iso })).accounts[0]?.balance.value
    expect(await asOf('2026-08-31T23:59:59Z')).toBe('0.00')
    expect(await asOf('2026-09-10T00:00:00Z')).toBe('45.00')
    expect(await asOf('2026-09-30T00:00:00Z')).toBe('45.00')
    expect(await asOf('2026-10-10T00:00:00Z')).toBe('25.00')
  })

  it('shows an expired promo as expired, out of the balance, and lists it only with lots: all', async () => {
    const f = await ledgerFixture()
    const account = await f.account()
    const promo = f.lot(account, {
      amount: minor('20'),
      kind: 'promo',
      funding: 'promotional',
      cost: { amount: 0, currency: 'USD' },
      effectiveAt: at('2026-08-01T00:00:00Z'),
      expiry: { kind: 'at', at: at('2026-11-01T00:00:00Z') },
    })
    f.lot(account, { amount: minor('10'), effectiveAt: at('2026-08-01T00:00:00Z') })
    f.usage(account, at('2026-09-01T00:00:00Z'), minor('4'))

    const live = await f.call<Balances>('ledger.balances', { accountId: account })
    expect(live.accounts[0]?.balance.value).toBe('10.00')
    expect(live.accounts[0]?.lots.map((lot) => lot.id)).not.toContain(`L${promo}`)

    const all = await f.call<Balances>('ledger.balances', { accountId: account, lots: 'all' })
    expect(all.accounts[0]?.lots.find((lot) => lot.id === `L${promo}`)).toMatchObject({
      kind: 'promo',
      status: 'closed',
      consumed: { value: '4.00' },
      expired: { value: '16.00' },
      remaining: { value: '0.00' },
      closedAt: '2026-11-01T00:00:00.000Z',
    })
  })

  it('values credits at what was paid for them: 750 of 1,000 credits bought for $10 are worth $7.50', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ vendor: 'Kreator', unitId: 'credits' })
    f.lot(account, {
      amount: 1000,
      cost: { amount: minor('10'), currency: 'USD' },
      effectiveAt: at('2026-11-01T00:00:00Z'),
    })
    f.lot(account, { amount: 40, kind: 'grant', effectiveAt: at('2026-11-01T00:00:00Z'), priority: 60 })
    f.usage(account, at('2026-11-02T00:00:00Z'), 250)
    const result = await f.call<Balances>('ledger.balances', { accountId: account })
    expect(result.accounts[0]?.balance).toEqual({ value: '790', minor: '790', unit: 'credits' })
    expect(result.accounts[0]?.value).toEqual({
      basis: 'cost',
      value: [{ value: '7.50', minor: '7500000', unit: 'USD' }],
      // the 40 granted credits have no recorded cost: not guessed, listed
      unvalued: { value: '40', minor: '40', unit: 'credits' },
    })
    expect(result.totals.unvalued).toEqual([{ value: '40', minor: '40', unit: 'credits' }])
    expect(result.totals.byCurrency).toEqual([{ value: '7.50', minor: '7500000', unit: 'USD' }])
  })

  it('converts to the home currency at the latest rate on or before the day, and says which', async () => {
    const f = await ledgerFixture()
    value(await f.backend.dispatch('settings.set', { homeCurrency: 'EUR' }))
    const usd = await f.account({ name: 'US' })
    const gbp = await f.account({ name: 'UK', unitId: 'GBP', currency: 'GBP' })
    f.lot(usd, { amount: minor('100'), effectiveAt: at('2026-10-01T00:00:00Z') })
    f.lot(gbp, { amount: minor('10'), effectiveAt: at('2026-10-01T00:00:00Z') })
    await f.fx('USD', 'EUR', '0.90', '2026-11-01')
    await f.fx('USD', 'EUR', '0.92', '2026-11-20')
    await f.fx('USD', 'EUR', '0.95', '2026-11-25') // after the day asked: not used

    const withoutGbp = await f.call<Balances>('ledger.balances', { at: '2026-11-22T09:00:00Z' })
    expect(withoutGbp.totals.byCurrency.map((amount) => `${amount.value} ${amount.unit}`)).toEqual([
      '10.00 GBP',
      '100.00 USD',
    ])
    // never 1:1: the GBP part cannot be converted, so there is no full total, only the part that could be
    expect(withoutGbp.totals.home).toEqual({
      currency: 'EUR',
      value: null,
      converted: { value: '92.00', minor: '92000000', unit: 'EUR' },
      rates: [{ base: 'USD', quote: 'EUR', rate: '0.92', effectiveDate: '2026-11-20', inverted: false }],
      missingRates: [{ base: 'GBP', quote: 'EUR', firstDate: '2026-11-22', lastDate: '2026-11-22', count: 1 }],
    })

    // A rate entered the other way round (1 EUR = 0.85 GBP) is used inverted: 10 / 0.85 = 11.764706 EUR.
    await f.fx('EUR', 'GBP', '0.85', '2026-11-01')
    const full = await f.call<Balances>('ledger.balances', { at: '2026-11-22T09:00:00Z' })
    expect(full.totals.home.value).toEqual({ value: '103.764706', minor: '103764706', unit: 'EUR' })
    expect(full.totals.home.rates).toContainEqual({
      base: 'EUR',
      quote: 'GBP',
      rate: '0.85',
      effectiveDate: '2026-11-01',
      inverted: true,
    })
    expect(full.totals.home.missingRates).toEqual([])
  })

  it('shows debt when usage outruns the credit, and the next purchase repays it', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ overdraft: { mode: 'unlimited' } })
    f.lot(account, { amount: minor('10'), effectiveAt: at('2026-11-01T00:00:00Z') })
    f.usage(account, at('2026-11-02T00:00:00Z'), minor('13'))
    const before = (await f.call<Balances>('ledger.balances', { accountId: account })).accounts[0]
    expect([before?.balance.value, before?.remaining.value, before?.debt.value]).toEqual(['-3.00', '0.00', '3.00'])
    f.lot(account, { amount: minor('20'), effectiveAt: at('2026-11-21T00:00:00Z') })
    const after = (await f.call<Balances>('ledger.balances', { accountId: account })).accounts[0]
    expect([after?.balance.value, after?.remaining.value, after?.debt.value]).toEqual(['17.00', '17.00', '0.00'])
  })

  it('filters by vendor, and refuses an unknown account or vendor with NOT_FOUND on the field', async () => {
    const f = await ledgerFixture()
    await f.account({ vendor: 'OpenAI', name: 'A' })
    const other = await f.account({ vendor: 'Anthropic', name: 'B' })
    const vendorId = await f.vendor('Anthropic')
    const filtered = await f.call<Balances>('ledger.balances', { vendorId })
    expect(filtered.accounts.map((row) => row.account.id)).toEqual([other])
    expect(filtered.accounts[0]?.account).toMatchObject({ name: 'B', vendorName: 'Anthropic', unitId: 'USD' })
    expect(await f.backend.dispatch('ledger.balances', { accountId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { accountId: 'No account with id 999' } },
    })
    expect(await f.backend.dispatch('ledger.balances', { vendorId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { vendorId: 'No vendor with id 999' } },
    })
    expect(await f.backend.dispatch('ledger.balances', { at: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { at: expect.stringContaining('ISO 8601') } },
    })
  })
})
