import { describe, expect, it } from 'vitest'
import type { ProgramFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { at, counters, facts, local, lot, lotOf, program, use } from '../facts'
import { balances, expectConserved, paidBy } from '../expect-ledger'

/**
 * Kreator (seeds/001): monthly credits are spent first, add-on credits (one-time top-ups) only when monthly is
 * empty and never expire; at renewal the monthly bucket is replaced (unused credits lost, not added on top);
 * annual plans release monthly chunks; after cancellation monthly credits last to the period end, add-ons stay.
 * Zone UTC, amounts in whole credits. Starter: 200 credits a month, renewing on the 10th at 00:00.
 */
const ZONE = 'UTC'
const starter = (overrides: Partial<ProgramFact> = {}) =>
  program('starter', {
    anchor: { local: local('2026-01-10'), zone: ZONE },
    amountPerPeriod: 200,
    lot: { kind: 'subscription', funding: 'paid', priority: 10, tags: [], expiry: 'period' },
    ...overrides,
  })
// 500 add-on credits bought on Jan 5 for $10 (10,000,000 micro-USD); priority 20 = after monthly.
const addon = lot('addon', 500, '2026-01-05T00:00:00Z', {
  kind: 'addon',
  priority: 20,
  cost: { amount: 10_000_000, currency: 'USD' },
})

describe('Kreator: monthly first, then add-on credits that never expire', () => {
  // Jan 12: 150 → starter#0 (200 → 50).
  // Jan 20: 120 → starter#0 pays its last 50, the add-on the other 70 (500 → 430).
  // Feb 10 00:00: renewal. starter#0 has 0 left (nothing expires); starter#1 = 200.
  // Feb 15: 80 → starter#1 (200 → 120); the add-on is not touched while monthly has credit.
  // Mar 10 00:00: starter#1 expires its 120 (lost, not added on top); starter#2 = 200, so 200 + 430 = 630, not 750.
  const usage = [
    use('jan12', 150, '2026-01-12T09:00:00Z'),
    use('jan20', 120, '2026-01-20T09:00:00Z'),
    use('feb15', 80, '2026-02-15T09:00:00Z'),
  ]
  const result = replay(facts({ programs: [starter()], lots: [addon], usage }), {
    until: at('2026-12-31T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-03-09T23:59:59Z'), at('2026-03-10T00:00:00Z'), at('2026-12-30T00:00:00Z')],
  })

  it('spends monthly credits before the add-on, even within one generation', () => {
    expect(paidBy(result, 'jan12')).toEqual({ 'starter#0': 150 })
    expect(paidBy(result, 'jan20')).toEqual({ 'starter#0': 50, addon: 70 })
    expect(paidBy(result, 'feb15')).toEqual({ 'starter#1': 80 })
  })

  it('replaces the monthly bucket at renewal: unused credits are lost, not added on top', () => {
    expect(counters(result, 'starter#1')).toEqual({ remaining: 0, consumed: 80, expired: 120, voided: 0, rolledOut: 0 })
    expect(lotOf(result, 'starter#1').closedAt).toBe(at('2026-03-10T00:00:00Z'))
    expect(balances(result)).toMatchObject({
      '2026-03-09T23:59:59.000Z': 120 + 430,
      '2026-03-10T00:00:00.000Z': 200 + 430,
    })
  })

  it('keeps the add-on credits month after month', () => {
    expect(lotOf(result, 'addon')).toMatchObject({ status: 'active', remaining: 430, expired: 0, expiresAt: null })
    // Dec 10 renewal: starter#11 = 200, untouched; add-on still 430.
    expect(balances(result)['2026-12-30T00:00:00.000Z']).toBe(630)
    expectConserved(result, usage)
  })
})

describe('Kreator: annual plan released in monthly chunks', () => {
  // $100 a year (100,000,000 micro-USD) for 12 chunks of 200 credits, anchored on Jan 31 so month ends clamp:
  // chunks start Jan 31, Feb 28, Mar 31, Apr 30, …, Dec 31 2026; the plan ends Jan 31 2027 (no 13th chunk).
  // Cost per chunk: 100,000,000 / 12 = 8,333,333 r 4 → eleven chunks of 8,333,333 and the last of 8,333,337.
  // Feb 10: 50 used from chunk 0 → at Feb 28 it resets: 150 expire, chunk 1 brings 200 (not 350).
  const annual = program('annual', {
    kind: 'annual_release',
    anchor: { local: local('2026-01-31'), zone: ZONE },
    amountPerPeriod: 200,
    periods: 12,
    totalCost: { amount: 100_000_000, currency: 'USD' },
  })
  const usage = [use('feb10', 50, '2026-02-10T00:00:00Z')]
  const result = replay(facts({ programs: [annual], usage }), {
    until: at('2027-06-01T00:00:00Z'),
    snapshots: [at('2026-02-27T23:59:59Z'), at('2026-02-28T00:00:00Z')],
  })
  const chunks = result.lots.filter((l) => l.programId === 'annual')

  it('releases exactly 12 chunks on clamped month ends, each replaced by the next', () => {
    expect(chunks.map((l) => new Date(l.effectiveAt).toISOString().slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
    ])
    expect(counters(result, 'annual#0')).toMatchObject({ consumed: 50, expired: 150 })
    expect(balances(result)).toEqual({ '2026-02-27T23:59:59.000Z': 150, '2026-02-28T00:00:00.000Z': 200 })
    // After Jan 31 2027 nothing is left and nothing new arrives.
    expect(result.balance.balance).toBe(0)
  })

  it('splits the annual price exactly over the chunks, remainder on the last', () => {
    const costs = chunks.map((l) => l.cost?.amount ?? Number.NaN)
    expect(costs.slice(0, 11)).toEqual(Array<number>(11).fill(8_333_333))
    expect(costs[11]).toBe(8_333_337)
    expect(costs.reduce((sum, c) => sum + c, 0)).toBe(100_000_000)
    expectConserved(result, usage)
  })
})

describe('Kreator: cancellation', () => {
  // Cancelled on Mar 20, inside the period [Mar 10, Apr 10): starter#2 stays usable until Apr 10, no Apr 10 chunk.
  // Apr 5: 30 → starter#2 (200 → 170). Apr 10: starter#2 expires 170; the plan ends.
  // Apr 12: 40 → the add-on (500 → 460), which outlives the plan.
  const usage = [use('apr5', 30, '2026-04-05T00:00:00Z'), use('apr12', 40, '2026-04-12T00:00:00Z')]
  const result = replay(facts({ programs: [starter({ endsAt: at('2026-03-20T00:00:00Z') })], lots: [addon], usage }), {
    until: at('2026-06-01T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-04-09T00:00:00Z')],
  })

  it('keeps monthly credits to the end of the paid period, then stops releasing', () => {
    expect(paidBy(result, 'apr5')).toEqual({ 'starter#2': 30 })
    expect(counters(result, 'starter#2')).toMatchObject({ consumed: 30, expired: 170 })
    expect(lotOf(result, 'starter#2').closedAt).toBe(at('2026-04-10T00:00:00Z'))
    expect(result.lots.filter((l) => l.programId === 'starter').map((l) => l.id)).toEqual([
      'starter#0',
      'starter#1',
      'starter#2',
    ])
    expect(balances(result)['2026-04-09T00:00:00.000Z']).toBe(170 + 500)
  })

  it('leaves the add-on credits usable after the plan ended', () => {
    expect(paidBy(result, 'apr12')).toEqual({ addon: 40 })
    expect(result.balance).toMatchObject({ balance: 460, debt: 0 })
    expectConserved(result, usage)
  })
})
