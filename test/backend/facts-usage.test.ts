import { describe, expect, it } from 'vitest'
import type { ObservationView, RateView, UsageAdded, UsagePage } from '@shared/api/types/facts'
import { factsFixture, NOW } from './facts-helpers'

describe('usage.add', () => {
  it('keeps decimal amounts exact: 0.1 + 0.2 USD is 0.300000 USD, not a float', async () => {
    const { call, usd } = await factsFixture()
    const a = await call<UsageAdded>('usage.add', { accountId: usd.id, amount: '0.1', occurredAt: '2026-01-01T00:00Z' })
    const b = await call<UsageAdded>('usage.add', { accountId: usd.id, amount: '0.2', occurredAt: '2026-01-02T00:00Z' })
    expect(a).toMatchObject({ amount: { value: '0.10', minor: '100000', unit: 'USD' }, rounded: false, rate: null })
    expect(Number(a.amount.minor) + Number(b.amount.minor)).toBe(300_000)
    const page = await call<UsagePage>('usage.list', { accountId: usd.id })
    expect(page.items.map((row) => row.amount.minor)).toEqual(['200000', '100000'])
  })

  it('rounds digits beyond the unit half-even and says so', async () => {
    const { call, usd } = await factsFixture()
    const half = await call<UsageAdded>('usage.add', { accountId: usd.id, amount: '0.0000015' })
    const tiny = await call<UsageAdded>('usage.add', { accountId: usd.id, amount: '0.0000005' })
    expect(half).toMatchObject({ amount: { minor: '2' }, rounded: true })
    expect(tiny).toMatchObject({ amount: { minor: '0' }, rounded: true })
    expect(half).toMatchObject({ occurredAt: new Date(NOW).toISOString(), billable: true, tags: [], source: 'manual' })
  })

  it('prices an action by the rate in force when it occurred, and never re-prices older rows', async () => {
    const { call, fail, credits } = await factsFixture()
    await call('rates.add', { accountId: credits.id, key: 'image', effectiveFrom: '2026-01-01T00:00Z', amount: '25' })
    const first = await call<UsageAdded>('usage.add', {
      accountId: credits.id,
      action: 'image',
      quantity: 3,
      occurredAt: '2026-02-01T00:00Z',
      tags: ['project:site'],
    })
    const cheaper = await call<RateView>('rates.add', {
      accountId: credits.id,
      key: 'image',
      effectiveFrom: '2026-03-01T00:00Z',
      amount: '0.5',
    })
    expect(cheaper).toMatchObject({ amount: { value: '5', minor: '5' }, per: 10 })
    const second = await call<UsageAdded>('usage.add', {
      accountId: credits.id,
      action: 'image',
      quantity: 3,
      occurredAt: '2026-03-02T00:00Z',
    })
    expect(first).toMatchObject({
      amount: { minor: '75' },
      action: 'image',
      quantity: 3,
      rounded: false,
      rate: { effectiveFrom: '2026-01-01T00:00:00.000Z', amount: { minor: '25' }, per: 1 },
      tags: ['project:site'],
    })
    // 3 × 0.5 = 1.5 credits at scale 0: rounded half-even to 2, reported.
    expect(second).toMatchObject({ amount: { minor: '2' }, rounded: true, rate: { id: cheaper.id } })
    const page = await call<UsagePage>('usage.list', { accountId: credits.id })
    expect(page.items.map((row) => row.amount.minor)).toEqual(['2', '75'])
    expect(
      await fail('usage.add', { accountId: credits.id, action: 'image', quantity: 1, occurredAt: '2025-12-01T00:00Z' }),
    ).toMatchObject({ code: 'VALIDATION', fields: { action: expect.stringContaining('the first one starts') } })
    expect(await fail('usage.add', { accountId: credits.id, action: 'video', quantity: 1 })).toMatchObject({
      fields: { action: expect.stringContaining('no rate for "video"') },
    })
  })

  it('refuses an amount and an action together, neither, negative amounts, unknown accounts', async () => {
    const { fail, usd } = await factsFixture()
    expect(await fail('usage.add', { accountId: usd.id, amount: '1', action: 'x', quantity: 1 })).toMatchObject({
      fields: { amount: expect.stringContaining('not both') },
    })
    expect(await fail('usage.add', { accountId: usd.id })).toMatchObject({ fields: { amount: expect.any(String) } })
    expect(await fail('usage.add', { accountId: usd.id, action: 'x' })).toMatchObject({
      fields: { quantity: expect.any(String) },
    })
    expect(await fail('usage.add', { accountId: usd.id, amount: '-1' })).toMatchObject({
      fields: { amount: 'Amount cannot be negative' },
    })
    expect(await fail('usage.add', { accountId: 5, amount: '1' })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { accountId: 'No account with id 5' },
    })
  })
})

describe('usage.list / usage.remove', () => {
  it('pages newest first with a cursor and a total, filtered by time', async () => {
    const { call, fail, usd, credits } = await factsFixture()
    for (const day of [1, 2, 3, 4, 5]) {
      await call('usage.add', { accountId: usd.id, amount: String(day), occurredAt: `2026-01-0${day}T00:00Z` })
    }
    await call('usage.add', { accountId: credits.id, amount: '7', occurredAt: '2026-01-03T00:00Z' })
    const first = await call<UsagePage>('usage.list', { accountId: usd.id, limit: 2 })
    expect(first.total).toBe(5)
    expect(first.items.map((row) => row.amount.value)).toEqual(['5.00', '4.00'])
    const second = await call<UsagePage>('usage.list', { accountId: usd.id, limit: 2, cursor: first.nextCursor })
    const third = await call<UsagePage>('usage.list', { accountId: usd.id, limit: 2, cursor: second.nextCursor })
    expect(second.items.map((row) => row.amount.value)).toEqual(['3.00', '2.00'])
    expect(third).toMatchObject({ items: [{ amount: { value: '1.00' } }], nextCursor: null, total: 5 })
    const window = await call<UsagePage>('usage.list', { from: '2026-01-02T00:00Z', to: '2026-01-04T00:00Z' })
    expect(window.total).toBe(3)
    expect(window.items.map((row) => `${row.accountId}:${row.amount.value}`)).toEqual([
      `${credits.id}:7`,
      `${usd.id}:3.00`,
      `${usd.id}:2.00`,
    ])
    expect(await fail('usage.list', { cursor: 'page-2' })).toMatchObject({ fields: { cursor: expect.any(String) } })
  })

  it('removes a row by id; NOT_FOUND when it is gone', async () => {
    const { call, fail, usd } = await factsFixture()
    const row = await call<UsageAdded>('usage.add', { accountId: usd.id, amount: '1' })
    expect(await call('usage.remove', { id: row.id })).toEqual({ id: row.id })
    expect((await call<UsagePage>('usage.list', undefined)).total).toBe(0)
    expect(await fail('usage.remove', { id: row.id })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { id: expect.any(String) },
    })
  })
})

describe('observations and rates', () => {
  it('records an observed balance (negative allowed) with a tolerance, exactly', async () => {
    const { call, fail, usd } = await factsFixture()
    const seen = await call<ObservationView>('observations.add', {
      accountId: usd.id,
      at: '2026-01-10T00:00Z',
      balance: '-3.25',
      tolerance: '0.01',
      note: 'dashboard',
    })
    expect(seen).toMatchObject({
      ref: `O${seen.id}`,
      at: '2026-01-10T00:00:00.000Z',
      balance: { value: '-3.25', minor: '-3250000', unit: 'USD' },
      tolerance: { value: '0.01', minor: '10000' },
      note: 'dashboard',
    })
    expect(await call('observations.list', { accountId: usd.id })).toEqual([seen])
    expect(await fail('observations.add', { accountId: usd.id, balance: '1.0000001' })).toMatchObject({
      fields: { balance: expect.stringContaining('decimal places') },
    })
    expect(await fail('observations.add', { accountId: usd.id, balance: '1', tolerance: '-1' })).toMatchObject({
      fields: { tolerance: 'Tolerance cannot be negative' },
    })
  })

  it('stores rates as exact fractions, refuses a second rate at the same instant, lists by key', async () => {
    const { call, fail, usd } = await factsFixture()
    const perMillion = await call<RateView>('rates.add', {
      accountId: usd.id,
      key: 'gpt-4o:input',
      effectiveFrom: '2026-01-01T00:00Z',
      amount: '2.50',
      per: 1_000_000,
    })
    expect(perMillion).toMatchObject({ amount: { value: '2.50', minor: '2500000' }, per: 1_000_000 })
    const fraction = await call<RateView>('rates.add', {
      accountId: usd.id,
      key: 'gpt-4o:output',
      effectiveFrom: '2026-01-01T00:00Z',
      numerator: 10_000_000,
      denominator: 1_000_000,
    })
    expect(fraction).toMatchObject({ amount: { value: '10.00' }, per: 1_000_000 })
    expect(
      await fail('rates.add', {
        accountId: usd.id,
        key: 'gpt-4o:input',
        effectiveFrom: '2026-01-01T00:00Z',
        amount: '3',
      }),
    ).toMatchObject({ code: 'CONFLICT', fields: { effectiveFrom: expect.stringContaining('already starts') } })
    expect(
      await fail('rates.add', { accountId: usd.id, key: 'k', effectiveFrom: '2026-01-01', numerator: 1, per: 2 }),
    ).toMatchObject({ code: 'VALIDATION', fields: { per: expect.stringContaining('goes with amount') } })
    expect(await call<RateView[]>('rates.list', { accountId: usd.id, key: 'gpt-4o:output' })).toEqual([fraction])
    expect(await call<RateView[]>('rates.list', undefined)).toHaveLength(2)
    const usage = await call<UsageAdded>('usage.add', {
      accountId: usd.id,
      action: 'gpt-4o:input',
      quantity: 1234,
      occurredAt: '2026-02-01T00:00Z',
    })
    // 1234 tokens × 2.50 USD / 1M = 0.003085 USD exactly.
    expect(usage).toMatchObject({ amount: { minor: '3085' }, rounded: false })
  })
})
