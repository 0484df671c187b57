import { describe, expect, it } from 'vitest'
import type { PlanView } from '@shared/api/types/facts'
import { factsFixture, NOW } from './facts-helpers'

describe('plans.add / plans.list', () => {
  it('stores a monthly allowance with the account’s zone and the defaults of an allowance', async () => {
    const { call, credits } = await factsFixture()
    const plan = await call<PlanView>('plans.add', {
      accountId: credits.id,
      name: 'Pro',
      kind: 'allowance',
      start: '2026-01-31T09:00:00Z',
      amount: '1000',
      price: { amount: '20', currency: 'eur' },
    })
    expect(plan).toMatchObject({
      ref: `P${plan.id}`,
      accountId: credits.id,
      name: 'Pro',
      kind: 'allowance',
      // 09:00Z is 10:00 in Berlin: the wall-clock anchor periods are computed from.
      anchor: '2026-01-31T09:00:00.000Z',
      anchorLocal: '2026-01-31T10:00:00.000',
      zone: 'Europe/Berlin',
      interval: 'P1M',
      amountPerPeriod: { value: '1000', minor: '1000', unit: 'credits' },
      price: { value: '20.00', minor: '20000000', unit: 'EUR' },
      priceBasis: 'per_period',
      periods: null,
      endsAt: null,
      lot: { kind: 'subscription', funding: 'paid', priority: 10, tags: [], expiry: { kind: 'period' } },
      rollover: { mode: 'none' },
      rolled: { periods: null, priority: 5 },
      rolledLostOnEnd: true,
      replaces: null,
      source: 'manual',
      recordedAt: new Date(NOW).toISOString(),
    })
    expect(await call('plans.list', { accountId: credits.id })).toEqual([plan])
  })

  it('annual plans released monthly: 12 periods, the price is the total; daily plans default to P1D', async () => {
    const { call, usd, credits } = await factsFixture()
    const annual = await call<PlanView>('plans.add', {
      accountId: credits.id,
      name: 'Yearly',
      kind: 'annual_release',
      anchor: '2026-01-01',
      amount: '500',
      price: { amount: '200', currency: 'EUR' },
      rollover: { mode: 'capped', cap: '1000' },
    })
    expect(annual).toMatchObject({
      anchor: '2025-12-31T23:00:00.000Z',
      periods: 12,
      priceBasis: 'total',
      price: { value: '200.00' },
      rollover: { mode: 'capped', cap: { value: '1000', minor: '1000', unit: 'credits' } },
    })
    const daily = await call<PlanView>('plans.add', {
      accountId: usd.id,
      name: 'Free daily',
      kind: 'daily',
      anchor: '2026-01-01T00:00',
      amount: '0.50',
      price: { amount: '0', currency: 'USD' },
    })
    expect(daily).toMatchObject({
      interval: 'P1D',
      zone: 'America/Los_Angeles',
      anchor: '2026-01-01T08:00:00.000Z',
      lot: { kind: 'daily', funding: 'promotional', priority: 5 },
    })
  })

  it('refuses bad terms on the field at fault', async () => {
    const { fail, credits } = await factsFixture()
    const base = { accountId: credits.id, name: 'Pro', kind: 'allowance', amount: '100', start: '2026-01-01T00:00Z' }
    const cases: [object, string, string][] = [
      [{ anchor: '2026-01-01' }, 'anchor', 'not both'],
      [{ start: undefined }, 'start', 'Start is required'],
      [{ start: undefined, anchor: '2026-01-01T00:00Z' }, 'anchor', 'without an offset'],
      [{ interval: 'PT0S' }, 'interval', 'Interval'],
      [{ interval: 'monthly' }, 'interval', 'ISO 8601 duration'],
      [{ priceBasis: 'total', price: { amount: '10', currency: 'EUR' } }, 'periods', 'periods'],
      [{ rollover: { mode: 'capped', cap: '1.5' } }, 'rollover.cap', 'decimal places'],
      [{ rollover: { mode: 'fraction', numerator: 3, denominator: 2 } }, 'rollover.numerator', 'at most all'],
      [{ amount: '2.5' }, 'amount', 'decimal places'],
      [{ zone: 'Mars/Olympus' }, 'zone', 'Unknown time zone'],
      [{ kind: 'weekly' }, 'kind', 'allowance'],
      [{ lot: { priority: 1.5 } }, 'lot.priority', 'whole number'],
    ]
    for (const [patch, field, message] of cases) {
      const error = await fail('plans.add', { ...base, ...patch })
      expect(error.code, JSON.stringify(patch)).toBe('VALIDATION')
      expect(error.fields?.[field], JSON.stringify(patch)).toContain(message)
    }
    expect(await fail('plans.add', { ...base, accountId: 42 })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { accountId: 'No account with id 42' },
    })
  })
})

describe('plans.update / plans.cancel / a plan change', () => {
  const running = async () => {
    const fixture = await factsFixture()
    const plan = await fixture.call<PlanView>('plans.add', {
      accountId: fixture.credits.id,
      name: 'Pro',
      kind: 'allowance',
      start: '2026-01-01T00:00Z',
      amount: '1000',
    })
    return { ...fixture, plan }
  }

  it('renames freely, but refuses to rewrite the terms of a running plan unless it is a correction', async () => {
    const { call, fail, plan } = await running()
    expect(await call<PlanView>('plans.update', { id: plan.id, name: 'Pro (old)' })).toMatchObject({
      name: 'Pro (old)',
    })
    const refused = await fail('plans.update', { id: plan.id, amount: '1200' })
    expect(refused).toMatchObject({ code: 'CONFLICT', fields: { correction: expect.stringContaining('replaces') } })
    expect((await call<PlanView[]>('plans.list', undefined))[0]?.amountPerPeriod.value).toBe('1000')
    const corrected = await call<PlanView>('plans.update', {
      id: plan.id,
      amount: '1200',
      rollover: { mode: 'full' },
      correction: true,
    })
    expect(corrected).toMatchObject({
      amountPerPeriod: { value: '1200' },
      rollover: { mode: 'full' },
      name: 'Pro (old)',
    })
  })

  it('edits a plan that has not started yet without a correction flag', async () => {
    const { call, credits } = await factsFixture()
    const future = await call<PlanView>('plans.add', {
      accountId: credits.id,
      name: 'Next year',
      kind: 'allowance',
      start: '2027-01-01T00:00Z',
      amount: '100',
    })
    const edited = await call<PlanView>('plans.update', {
      id: future.id,
      amount: '150',
      lot: { priority: 15, tags: ['team:a'] },
    })
    expect(edited).toMatchObject({ amountPerPeriod: { value: '150' }, lot: { priority: 15, tags: ['team:a'] } })
    expect(await call<PlanView>('plans.update', { id: future.id, anchor: '2027-02-01' })).toMatchObject({
      anchorLocal: '2027-02-01T00:00:00.000',
    })
  })

  it('cancels at an instant and resumes with null; NOT_FOUND for an unknown plan', async () => {
    const { call, fail, plan } = await running()
    const cancelled = await call<PlanView>('plans.cancel', { id: plan.id, at: '2026-03-15T00:00Z' })
    expect(cancelled.endsAt).toBe('2026-03-15T00:00:00.000Z')
    expect((await call<PlanView>('plans.cancel', { id: plan.id, at: null })).endsAt).toBeNull()
    expect(await fail('plans.cancel', { id: 99, at: null })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { id: expect.any(String) },
    })
    expect(await fail('plans.update', { id: 99, name: 'x' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a plan change ends the old plan where the new one starts, in the same account only', async () => {
    const { call, fail, plan, usd } = await running()
    const next = await call<PlanView>('plans.add', {
      accountId: plan.accountId,
      name: 'Max',
      kind: 'allowance',
      start: '2026-04-01T00:00Z',
      amount: '5000',
      replaces: plan.id,
    })
    expect(next.replaces).toBe(plan.id)
    const [old] = await call<PlanView[]>('plans.list', { accountId: plan.accountId })
    expect(old).toMatchObject({ id: plan.id, endsAt: '2026-04-01T00:00:00.000Z' })
    expect(
      await fail('plans.add', {
        accountId: usd.id,
        name: 'X',
        kind: 'addon',
        start: '2026-04-01',
        amount: '1',
        replaces: plan.id,
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { replaces: expect.stringContaining('another account') } })
  })
})
