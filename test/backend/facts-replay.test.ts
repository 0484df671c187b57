import { describe, expect, it } from 'vitest'
import type { LotView, PlanView, UsageAdded } from '@shared/api/types/facts'
import { replay } from '@shared/ledger/replay'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { factsFixture } from './facts-helpers'

/** What the fact methods store is what the engine replays: the write side checked through load-facts + replay. */

const END = Date.UTC(2027, 0, 1)

describe('stored facts replay as written', () => {
  it('a lot and exact decimal usage leave 9.70 USD of 10', async () => {
    const { call, sql, usd } = await factsFixture()
    const lot = await call<LotView>('lots.add', { accountId: usd.id, amount: '10', effectiveAt: '2026-01-01T00:00Z' })
    await call('usage.add', { accountId: usd.id, amount: '0.1', occurredAt: '2026-01-02T00:00Z' })
    await call('usage.add', { accountId: usd.id, amount: '0.2', occurredAt: '2026-01-03T00:00Z' })
    const facts = loadFacts(sql(), usd.id)
    if (facts === undefined) throw new Error('account not loaded')
    const result = replay(facts, { until: END })
    expect(result.lots.find((one) => one.id === lot.ref)).toMatchObject({
      granted: 10_000_000,
      consumed: 300_000,
      remaining: 9_700_000,
    })
    expect(result.balance).toMatchObject({ balance: 9_700_000, debt: 0 })
  })

  it('a monthly plan releases its allowance per period and banks what is left up to the cap', async () => {
    const { call, sql, credits } = await factsFixture()
    const plan = await call<PlanView>('plans.add', {
      accountId: credits.id,
      name: 'Pro',
      kind: 'allowance',
      anchor: '2026-01-01T00:00',
      amount: '1000',
      rollover: { mode: 'capped', cap: '500' },
    })
    await call<UsageAdded>('usage.add', { accountId: credits.id, amount: '300', occurredAt: '2026-01-15T12:00Z' })
    const facts = loadFacts(sql(), credits.id)
    if (facts === undefined) throw new Error('account not loaded')
    const until = Date.UTC(2026, 1, 10)
    const result = replay(facts, { until })
    const january = result.lots.find((one) => one.id === `${plan.ref}#0`)
    const february = result.lots.find((one) => one.id === `${plan.ref}#1`)
    // 700 left in January: 500 roll into the bank (the cap), 200 expire.
    expect(january).toMatchObject({ consumed: 300, rolledOut: 500, expired: 200, remaining: 0 })
    expect(february).toMatchObject({ remaining: 1000, effectiveAt: Date.UTC(2026, 0, 31, 23) })
    expect(result.balance.balance).toBe(1500)
  })

  it('a retracted lot replays as if it never was; a void stops what remains', async () => {
    const { call, sql, usd } = await factsFixture()
    const wrong = await call<LotView>('lots.add', {
      accountId: usd.id,
      amount: '100',
      effectiveAt: '2026-01-01T00:00Z',
    })
    const right = await call<LotView>('lots.add', { accountId: usd.id, amount: '10', effectiveAt: '2026-01-01T00:00Z' })
    await call('usage.add', { accountId: usd.id, amount: '4', occurredAt: '2026-01-05T00:00Z' })
    await call('lots.retract', { id: wrong.id })
    await call('lots.void', { id: right.id, at: '2026-02-01T00:00Z' })
    const facts = loadFacts(sql(), usd.id)
    if (facts === undefined) throw new Error('account not loaded')
    const result = replay(facts, { until: END })
    expect(result.lots.find((one) => one.id === right.ref)).toMatchObject({ consumed: 4_000_000, voided: 6_000_000 })
    expect(result.balance.balance).toBe(0)
  })
})

describe('undo of a fact method', () => {
  it('undoes a lot add as one batch: the lot is gone and the balance is back', async () => {
    const { backend, call, sql, usd } = await factsFixture()
    await call('lots.add', { accountId: usd.id, amount: '5', effectiveAt: '2026-01-01T00:00Z' })
    const second = await call<LotView>('lots.add', {
      accountId: usd.id,
      amount: '7.5',
      effectiveAt: '2026-01-02T00:00Z',
    })
    expect((await call<LotView[]>('lots.list', { accountId: usd.id })).map((lot) => lot.id)).toContain(second.id)

    const undone = await backend.dispatch('history.undo', {})
    expect(undone).toMatchObject({ ok: true, value: { state: 'undone', method: 'lots.add' } })
    expect((await call<LotView[]>('lots.list', { accountId: usd.id })).map((lot) => lot.amount.value)).toEqual(['5.00'])
    const facts = loadFacts(sql(), usd.id)
    if (facts === undefined) throw new Error('account not loaded')
    expect(replay(facts, { until: END }).balance.balance).toBe(5_000_000)

    await backend.dispatch('history.redo', {})
    expect(await call<LotView[]>('lots.list', { accountId: usd.id })).toContainEqual(second)
  })
})
