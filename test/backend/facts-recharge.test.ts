import { describe, expect, it } from 'vitest'
import type { RechargeRuleView } from '@shared/api/types/facts'
import { replay } from '@shared/ledger/replay'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { factsFixture, NOW } from './facts-helpers'

describe('auto-recharge rules', () => {
  it('adds a rule with exact amounts, a unit price and defaults, and lists it', async () => {
    const { call, credits } = await factsFixture()
    const rule = await call<RechargeRuleView>('recharge.add', {
      accountId: credits.id,
      threshold: '100',
      amount: '1000',
      monthlyMaxCount: 3,
      unitPrice: { amount: '0.012', currency: 'EUR' },
    })
    expect(rule).toMatchObject({
      ref: `R${rule.id}`,
      accountId: credits.id,
      threshold: { value: '100', minor: '100', unit: 'credits' },
      mode: 'fixed',
      amount: { value: '1000', minor: '1000' },
      monthlyMaxCount: 3,
      monthlyMaxAmount: null,
      enabledFrom: new Date(NOW).toISOString(),
      enabledUntil: null,
      lot: { priority: 20, expiry: { kind: 'never' } },
      unitPrice: { price: { value: '0.012', minor: '12000', unit: 'EUR' }, numerator: 12_000, denominator: 1 },
      confirmWithin: 'PT24H',
      source: 'manual',
    })
    expect(await call('recharge.list', { accountId: credits.id })).toEqual([rule])
  })

  it('buys when the balance falls to the threshold, priced at the unit price', async () => {
    const { call, sql, usd } = await factsFixture()
    await call('lots.add', { accountId: usd.id, amount: '10', effectiveAt: '2026-01-01T00:00Z' })
    await call('recharge.add', {
      accountId: usd.id,
      threshold: '5',
      amount: '20',
      enabledFrom: '2026-01-01T00:00Z',
      unitPrice: { amount: '1', currency: 'USD' },
    })
    await call('usage.add', { accountId: usd.id, amount: '6', occurredAt: '2026-01-05T00:00Z' })
    const facts = loadFacts(sql(), usd.id)
    if (facts === undefined) throw new Error('account not loaded')
    const result = replay(facts, { until: Date.UTC(2026, 1, 1) })
    const recharge = result.lots.find((lot) => lot.kind === 'auto_recharge')
    expect(recharge).toMatchObject({ granted: 20_000_000, cost: { amount: 20_000_000, currency: 'USD' } })
    expect(result.balance.balance).toBe(24_000_000)
  })

  it('edits in place and removes; refuses an end before the start and unknown ids', async () => {
    const { call, fail, usd } = await factsFixture()
    const rule = await call<RechargeRuleView>('recharge.add', {
      accountId: usd.id,
      threshold: '5',
      amount: '20',
      enabledFrom: '2026-01-01T00:00Z',
    })
    const edited = await call<RechargeRuleView>('recharge.update', {
      id: rule.id,
      mode: 'target',
      monthlyMaxAmount: '100.50',
      enabledUntil: '2026-06-01T00:00Z',
      lot: { expiry: { kind: 'after', duration: 'P1Y' } },
      confirmWithin: 'PT2H30M',
    })
    expect(edited).toMatchObject({
      mode: 'target',
      threshold: { value: '5.00' },
      monthlyMaxAmount: { value: '100.50' },
      enabledUntil: '2026-06-01T00:00:00.000Z',
      lot: { priority: 20, expiry: { kind: 'after', duration: 'P1Y' } },
      confirmWithin: 'PT2H30M',
    })
    expect(await fail('recharge.update', { id: rule.id, enabledUntil: '2025-01-01T00:00Z' })).toMatchObject({
      code: 'VALIDATION',
      fields: { enabledUntil: expect.stringContaining('after enabled from') },
    })
    expect(await fail('recharge.update', { id: rule.id, confirmWithin: 'P1M' })).toMatchObject({
      fields: { confirmWithin: expect.stringContaining('days or hours') },
    })
    expect(await fail('recharge.add', { accountId: usd.id, threshold: '-1', amount: '0' })).toMatchObject({
      fields: { threshold: 'Threshold cannot be negative', amount: 'Amount must be above 0' },
    })
    expect(await call('recharge.remove', { id: rule.id })).toEqual({ id: rule.id })
    expect(await call('recharge.list', undefined)).toEqual([])
    for (const [method, input] of [
      ['recharge.remove', { id: rule.id }],
      ['recharge.update', { id: rule.id, amount: '1' }],
    ] as const) {
      expect(await fail(method, input), method).toMatchObject({ code: 'NOT_FOUND', fields: { id: expect.any(String) } })
    }
    expect(await fail('recharge.add', { accountId: 77, threshold: '1', amount: '1' })).toMatchObject({
      code: 'NOT_FOUND',
      fields: { accountId: expect.any(String) },
    })
  })
})
