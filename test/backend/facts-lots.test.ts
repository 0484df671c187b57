import { describe, expect, it } from 'vitest'
import type { LotView } from '@shared/api/types/facts'
import { factsFixture, NOW } from './facts-helpers'

describe('lots.add / lots.list', () => {
  it('stores a purchase exactly in the account unit, with its cost and its resolved expiry', async () => {
    const { call, usd } = await factsFixture()
    const lot = await call<LotView>('lots.add', {
      accountId: usd.id,
      amount: '41.20',
      cost: { amount: '41.2', currency: 'usd' },
      effectiveAt: '2024-02-29T12:00:00Z',
      expiry: { kind: 'after', duration: 'P1Y' },
      tags: ['model:gpt-4o'],
      note: 'first top-up',
    })
    expect(lot).toMatchObject({
      ref: `L${lot.id}`,
      accountId: usd.id,
      kind: 'purchase',
      funding: 'paid',
      amount: { value: '41.20', minor: '41200000', unit: 'USD' },
      cost: { value: '41.20', minor: '41200000', unit: 'USD' },
      effectiveAt: '2024-02-29T12:00:00.000Z',
      expiry: { kind: 'after', duration: 'P1Y' },
      // Feb 29 + 1 year is Feb 28 on the account's (Los Angeles) calendar.
      expiresAt: '2025-02-28T12:00:00.000Z',
      priority: 20,
      tags: ['model:gpt-4o'],
      planId: null,
      note: 'first top-up',
      retracted: false,
      events: [],
      source: 'manual',
      recordedAt: new Date(NOW).toISOString(),
    })
    expect(lot.batchId).toEqual(expect.any(Number))
    expect(await call<LotView[]>('lots.list', { accountId: usd.id })).toEqual([lot])
  })

  it('defaults: effective now, never expires; free kinds are promotional at a cost of 0 in the billing currency', async () => {
    const { call, credits } = await factsFixture()
    const promo = await call<LotView>('lots.add', { accountId: credits.id, kind: 'promo', amount: '500' })
    expect(promo).toMatchObject({
      funding: 'promotional',
      cost: { value: '0.00', minor: '0', unit: 'EUR' },
      effectiveAt: new Date(NOW).toISOString(),
      expiry: { kind: 'never' },
      expiresAt: null,
      amount: { value: '500', minor: '500', unit: 'credits' },
    })
    const paid = await call<LotView>('lots.add', { accountId: credits.id, amount: '100' })
    expect(paid.cost).toBeNull()
  })

  it('reads an instant without an offset in the user’s zone setting', async () => {
    const { call, usd } = await factsFixture()
    await call('settings.set', { timeZone: 'Asia/Tokyo' })
    const lot = await call<LotView>('lots.add', {
      accountId: usd.id,
      amount: '5',
      effectiveAt: '2026-03-01T09:00',
      expiry: { kind: 'at', at: '2026-04-01' },
    })
    expect(lot.effectiveAt).toBe('2026-03-01T00:00:00.000Z')
    expect(lot.expiresAt).toBe('2026-03-31T15:00:00.000Z')
  })

  it('refuses bad input on the field at fault and writes nothing', async () => {
    const { call, fail, usd, credits } = await factsFixture()
    expect(await fail('lots.add', { accountId: credits.id, amount: '1.5' })).toMatchObject({
      code: 'VALIDATION',
      fields: { amount: expect.stringContaining('no decimal places are allowed') },
    })
    expect(await fail('lots.add', { accountId: 99, amount: '1' })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { accountId: 'No account with id 99' },
    })
    expect(
      await fail('lots.add', { accountId: usd.id, amount: '-1', cost: { amount: '1', currency: 'US' } }),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { amount: 'Amount must be above 0', 'cost.currency': expect.any(String) },
    })
    expect(await fail('lots.add', { accountId: usd.id, amount: 1 })).toMatchObject({
      fields: { amount: expect.stringContaining('decimal string') },
    })
    expect(
      await fail('lots.add', {
        accountId: usd.id,
        amount: '1',
        effectiveAt: '2026-03-01T00:00Z',
        expiry: { kind: 'at', at: '2026-02-01T00:00Z' },
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { 'expiry.at': expect.stringContaining('before it takes effect') } })
    expect(await fail('lots.add', { accountId: usd.id, amount: '1', expiry: { kind: 'soon' } })).toMatchObject({
      fields: { 'expiry.kind': expect.stringContaining('never, at, after') },
    })
    expect(await fail('lots.add', { accountId: usd.id, amount: '1', planId: 7 })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { planId: 'No plan with id 7' },
    })
    expect(await call('lots.list', undefined)).toEqual([])
  })

  it('ties a lot to a plan of the same account only', async () => {
    const { call, fail, usd, credits } = await factsFixture()
    const plan = await call<{ id: number }>('plans.add', {
      accountId: credits.id,
      name: 'Pro',
      kind: 'allowance',
      start: '2026-01-01T00:00Z',
      amount: '1000',
    })
    const lot = await call<LotView>('lots.add', { accountId: credits.id, kind: 'addon', amount: '50', planId: plan.id })
    expect(lot.planId).toBe(plan.id)
    expect(await fail('lots.add', { accountId: usd.id, amount: '1', planId: plan.id })).toMatchObject({
      code: 'VALIDATION',
      fields: { planId: expect.stringContaining('another account') },
    })
  })
})

describe('lot events: void, retract, expiry change', () => {
  const setup = async () => {
    const fixture = await factsFixture()
    const lot = await fixture.call<LotView>('lots.add', {
      accountId: fixture.usd.id,
      amount: '10',
      effectiveAt: '2026-01-01T00:00Z',
    })
    return { ...fixture, lot }
  }

  it('voids from an instant, once; refuses a void before the lot takes effect', async () => {
    const { call, fail, lot } = await setup()
    expect(await fail('lots.void', { id: lot.id, at: '2025-12-31T00:00Z' })).toMatchObject({
      code: 'VALIDATION',
      fields: { at: expect.stringContaining('before the lot takes effect') },
    })
    const voided = await call<LotView>('lots.void', { id: lot.id, at: '2026-02-01T00:00Z', mode: 'clawback' })
    expect(voided.events).toMatchObject([
      { kind: 'void', at: '2026-02-01T00:00:00.000Z', mode: 'clawback', lotId: lot.id },
    ])
    expect(await fail('lots.void', { id: lot.id })).toMatchObject({
      code: 'CONFLICT',
      fields: { id: expect.any(String) },
    })
  })

  it('moves the expiry (null = never) and keeps every change as an event', async () => {
    const { call, fail, lot } = await setup()
    const moved = await call<LotView>('lots.changeExpiry', {
      id: lot.id,
      at: '2026-02-01T00:00Z',
      expiresAt: '2026-06-01T00:00Z',
    })
    const never = await call<LotView>('lots.changeExpiry', { id: lot.id, expiresAt: null, note: 'vendor extended' })
    expect(moved.events).toHaveLength(1)
    expect(never.events).toMatchObject([
      { kind: 'expiry_change', at: '2026-02-01T00:00:00.000Z', expiresAt: '2026-06-01T00:00:00.000Z' },
      { kind: 'expiry_change', at: new Date(NOW).toISOString(), expiresAt: null, note: 'vendor extended' },
    ])
    expect(await fail('lots.changeExpiry', { id: lot.id, expiresAt: '2025-01-01T00:00Z' })).toMatchObject({
      code: 'VALIDATION',
      fields: { expiresAt: expect.any(String) },
    })
  })

  it('retracts once; a retracted lot takes no further events and leaves the default list', async () => {
    const { call, fail, lot, usd } = await setup()
    const retracted = await call<LotView>('lots.retract', { id: lot.id, note: 'typo' })
    expect(retracted).toMatchObject({ retracted: true, events: [{ kind: 'retract', note: 'typo' }] })
    expect(await fail('lots.retract', { id: lot.id })).toMatchObject({
      code: 'CONFLICT',
      fields: { id: expect.any(String) },
    })
    expect(await fail('lots.void', { id: lot.id })).toMatchObject({ code: 'CONFLICT' })
    expect(await fail('lots.changeExpiry', { id: lot.id, expiresAt: null })).toMatchObject({ code: 'CONFLICT' })
    expect(await call('lots.list', { accountId: usd.id })).toEqual([])
    expect(await call('lots.list', { accountId: usd.id, includeRetracted: true })).toMatchObject([{ id: lot.id }])
  })

  it('answers NOT_FOUND for events on an unknown lot, and for lists of an unknown account', async () => {
    const { fail } = await setup()
    for (const [method, input] of [
      ['lots.void', { id: 404 }],
      ['lots.retract', { id: 404 }],
      ['lots.changeExpiry', { id: 404, expiresAt: null }],
    ] as const) {
      expect(await fail(method, input), method).toMatchObject({
        code: 'NOT_FOUND',
        fields: { id: 'No lot with id 404' },
      })
    }
    expect(await fail('lots.list', { accountId: 404 })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { accountId: expect.any(String) },
    })
  })
})
