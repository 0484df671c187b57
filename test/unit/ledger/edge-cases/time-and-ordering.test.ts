import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAWDOWN, FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type { LotFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lot, lotOf, program, use } from '../facts'
import { expectConserved, paidBy } from '../expect-ledger'

/** ledger-semantics §11, items 7 and 11–15: half-open intervals, boundary instants and the drawdown order. */

const run = (lots: readonly LotFact[], usage: Parameters<typeof facts>[0] = {}) =>
  replay(facts({ lots, ...usage }), { until: at('2027-01-01T00:00:00Z'), collectAllocations: true })

describe('§11 #7: lots are usable on [effective_at, expires_at)', () => {
  const l = lot('l', 100, '2026-01-10T00:00:00Z', { expiry: { kind: 'at', at: at('2026-02-10T00:00:00Z') } })

  it.each([
    // Usage before the lot is debt, which the lot repays the moment it becomes effective.
    ['one ms before it is effective', '2026-01-09T23:59:59.999Z', { debt: 5, l: 5 }, 95],
    ['exactly when it becomes effective', '2026-01-10T00:00:00Z', { l: 5 }, 95],
    ['one ms before it expires', '2026-02-09T23:59:59.999Z', { l: 5 }, 95],
    // The lot expired in the same instant, before the usage: nothing can pay it.
    ['exactly when it expires', '2026-02-10T00:00:00Z', { debt: 5 }, 100],
  ])('usage %s', (_when, instant, expected, expired) => {
    const usage = [use('u', 5, instant)]
    const result = run([l], { usage })
    expect(paidBy(result, 'u')).toEqual(expected)
    // What the lot loses at Feb 10: 95 when it paid the 5, all 100 when it could not.
    expect(counters(result, 'l').expired).toBe(expired)
    expectConserved(result, usage)
  })

  it('expires a purchase exactly at a period boundary before the new period pays', () => {
    // Monthly 100 from Jan 1; a purchase of 50 expiring exactly at the Feb 1 reset. Feb 1 00:00 usage of 30 is
    // paid by the new period only; the purchase expires untouched, as does January's unused allowance.
    const monthly = program('m', { anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: 100 })
    const p = lot('p', 50, '2026-01-15T00:00:00Z', { expiry: { kind: 'at', at: at('2026-02-01T00:00:00Z') } })
    const usage = [use('reset', 30, '2026-02-01T00:00:00Z')]
    const result = replay(facts({ programs: [monthly], lots: [p], usage }), {
      until: at('2026-02-02T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'reset')).toEqual({ 'm#1': 30 })
    expect(counters(result, 'p')).toMatchObject({ expired: 50, consumed: 0 })
    expect(counters(result, 'm#0')).toMatchObject({ expired: 100 })
  })

  it('uses a grant issued exactly at a reset from that instant on', () => {
    // A promo of 20 effective at the Feb 1 reset, drawn first (priority 5): Feb 1 00:00 usage of 30 → promo 20,
    // then m#1 10. January's allowance still expires in full: the grant neither extends nor rolls it.
    const monthly = program('m', { anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: 100 })
    const promo = lot('promo', 20, '2026-02-01T00:00:00Z', { kind: 'promo', priority: 5 })
    const usage = [use('reset', 30, '2026-02-01T00:00:00Z')]
    const result = replay(facts({ programs: [monthly], lots: [promo], usage }), {
      until: at('2026-02-02T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'reset')).toEqual({ promo: 20, 'm#1': 10 })
    expect(counters(result, 'm#0')).toMatchObject({ expired: 100 })
  })
})

describe('§11 #11: ties at equal priority and expiry break on cost, effective time, creation, id', () => {
  const base = { priority: 50, expiry: { kind: 'at', at: at('2026-12-01T00:00:00Z') } } as const
  it.each([
    [
      'cheaper per unit first',
      lot('a', 10, '2026-01-01T00:00:00Z', { ...base, cost: { amount: 20, currency: 'USD' }, createdSeq: 1 }),
      lot('b', 10, '2026-01-01T00:00:00Z', { ...base, cost: { amount: 10, currency: 'USD' }, createdSeq: 2 }),
      'b',
    ],
    [
      'earlier effective first',
      lot('a', 10, '2026-01-02T00:00:00Z', { ...base, createdSeq: 1 }),
      lot('b', 10, '2026-01-01T00:00:00Z', { ...base, createdSeq: 2 }),
      'b',
    ],
    [
      'earlier created first',
      lot('a', 10, '2026-01-01T00:00:00Z', { ...base, createdSeq: 2 }),
      lot('b', 10, '2026-01-01T00:00:00Z', { ...base, createdSeq: 1 }),
      'b',
    ],
    [
      'then by id',
      lot('b', 10, '2026-01-01T00:00:00Z', { ...base, createdSeq: 1 }),
      lot('a', 10, '2026-01-01T00:00:00Z', { ...base, createdSeq: 1 }),
      'a',
    ],
  ])('%s, whatever the import order', (_rule, first, second, winner) => {
    const usage = [use('u', 10, '2026-02-01T00:00:00Z')]
    expect(paidBy(run([first, second], { usage }), 'u')).toEqual({ [winner]: 10 })
    expect(paidBy(run([second, first], { usage }), 'u')).toEqual({ [winner]: 10 })
  })
})

describe('§11 #12: restricted lots before unrestricted ones', () => {
  // R: 50 only for model:gpt-4o (priority 50); U: 50 for anything (priority 10), same expiry.
  const expiry = { kind: 'at', at: at('2026-12-01T00:00:00Z') } as const
  const lots = [
    lot('R', 50, '2026-01-01T00:00:00Z', { tags: ['model:gpt-4o'], expiry }),
    lot('U', 50, '2026-01-01T00:00:00Z', { priority: 10, expiry }),
  ]
  it.each([
    ['gpt-4o usage takes the restricted lot first, despite its lower priority', ['model:gpt-4o'], 60, { R: 50, U: 10 }],
    ['other usage never touches it', ['model:o3'], 60, { U: 50, debt: 10 }],
    ['untagged usage never touches it', [], 20, { U: 20 }],
  ])('%s', (_case, tags, amount, expected) => {
    expect(paidBy(run(lots, { usage: [use('u', amount, '2026-02-01T00:00:00Z', { tags })] }), 'u')).toEqual(expected)
  })
})

describe('§11 #13: a non-expiring paid lot against an expiring free one at equal priority', () => {
  const free = (expiry: LotFact['expiry']) =>
    lot('free', 10, '2026-01-01T00:00:00Z', { funding: 'promotional', cost: { amount: 0, currency: 'USD' }, expiry })
  const paid = (expiry: LotFact['expiry']) =>
    lot('paid', 10, '2026-01-01T00:00:00Z', { cost: { amount: 10, currency: 'USD' }, expiry })
  const soon = { kind: 'at', at: at('2026-06-01T00:00:00Z') } as const
  const never = { kind: 'never' } as const
  it.each([
    ['expiring free vs non-expiring paid, default', free(soon), paid(never), DEFAULT_DRAWDOWN, 'free'],
    ['expiring free vs non-expiring paid, free first', free(soon), paid(never), FREE_FIRST_DRAWDOWN, 'free'],
    [
      'non-expiring free vs expiring paid, default: use it or lose it',
      free(never),
      paid(soon),
      DEFAULT_DRAWDOWN,
      'paid',
    ],
    ['non-expiring free vs expiring paid, free first (OpenAI)', free(never), paid(soon), FREE_FIRST_DRAWDOWN, 'free'],
  ])('%s → %s', (_case, a, b, drawdown, winner) => {
    const usage = [use('u', 10, '2026-02-01T00:00:00Z')]
    const result = replay(facts({ account: account({ drawdown }), lots: [a, b], usage }), {
      until: at('2026-03-01T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'u')).toEqual({ [winner]: 10 })
  })
})

describe('§11 #14: a rolled-over lot and the new period lot at the same boundary', () => {
  // 100 a month, full rollover for one period. Jan: 60 used → 40 roll at Feb 1. Feb 1 00:00: 50 used.
  it.each([
    ['rolled credits first (priority 5)', 5, { 'm#0>rolled': 40, 'm#1': 10 }],
    ['new period first (rolled priority 20)', 20, { 'm#1': 50 }],
  ])('%s', (_case, rolledPriority, expected) => {
    const monthly = program('m', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 100,
      rollover: { mode: 'full' },
      rolled: { periods: 1, priority: rolledPriority },
    })
    const usage = [use('jan', 60, '2026-01-10T00:00:00Z'), use('feb', 50, '2026-02-01T00:00:00Z')]
    const result = replay(facts({ programs: [monthly], usage }), {
      until: at('2026-02-02T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'feb')).toEqual(expected)
    expect(lotOf(result, 'm#0>rolled')).toMatchObject({ granted: 40, effectiveAt: at('2026-02-01T00:00:00Z') })
  })
})

describe('§11 #15: one usage spanning several lots', () => {
  it('takes one slice per lot in drawdown order, each recorded once', () => {
    // a 10 (priority 1), b 20 (priority 2), c 30 (priority 3): 45 → a 10, b 20, c 15.
    const lots = [
      lot('a', 10, '2026-01-01T00:00:00Z', { priority: 1 }),
      lot('b', 20, '2026-01-01T00:00:00Z', { priority: 2 }),
      lot('c', 30, '2026-01-01T00:00:00Z', { priority: 3 }),
    ]
    const usage = [use('u', 45, '2026-02-01T00:00:00Z')]
    const result = run(lots, { usage })
    expect(result.allocations?.map((s) => [s.lotId, s.amount])).toEqual([
      ['a', 10],
      ['b', 20],
      ['c', 15],
    ])
    expect(lotOf(result, 'c').history.filter((h) => h.type === 'consume')).toEqual([
      { at: at('2026-02-01T00:00:00Z'), type: 'consume', amount: 15, count: 1 },
    ])
    expect(result.balance.balance).toBe(15)
    expectConserved(result, usage)
  })
})
