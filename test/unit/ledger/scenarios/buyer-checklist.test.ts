import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lot, lotOf, program, use } from '../facts'
import { balances, expectConserved, paidBy } from '../expect-ledger'

/**
 * The buyer checklist (seeds/000): daily free allowances, capped rollover banks lost on downgrade or cancel,
 * top-ups that need an active subscription, add-on subscriptions. (Team pools and enterprise commitments:
 * buyer-checklist-teams.test.ts.) Whole credits.
 */

describe('Buyer checklist: a daily free allowance', () => {
  // 10 free credits a day at local midnight in Europe/Berlin, spent before the monthly plan (priority 1 < 10).
  // CET = UTC+1 until Mar 29 02:00, then CEST = UTC+2: days start Mar 27 = 26th 23:00Z, Mar 28 = 27th 23:00Z,
  // Mar 29 = 28th 23:00Z, Mar 30 = 29th 22:00Z (Mar 29 lasts 23 hours). Monthly plan: 100 from Mar 1 (Feb 28 23:00Z).
  const zone = 'Europe/Berlin'
  const daily = program('daily', {
    kind: 'daily',
    anchor: { local: local('2026-03-27'), zone },
    interval: { years: 0, months: 0, weeks: 0, days: 1, hours: 0, minutes: 0, seconds: 0 },
    amountPerPeriod: 10,
    lot: { kind: 'daily', funding: 'promotional', priority: 1, tags: [], expiry: 'period' },
  })
  const monthly = program('monthly', { anchor: { local: local('2026-03-01'), zone }, amountPerPeriod: 100 })
  // Mar 27 13:00 CET: 4 → daily#0 6 left, lost at midnight (no rollover).
  // Mar 28 13:00 CET: 12 → daily#1 10 + monthly 2.
  // Mar 29 23:30 CEST (21:30Z): 3 → daily#2, the 23-hour day → 7 lost at Mar 30 00:00 CEST.
  // Mar 30 00:00 CEST (Mar 29 22:00Z): 5 → daily#3 (the new day already).
  const usage = [
    use('mar27', 4, '2026-03-27T12:00:00Z'),
    use('mar28', 12, '2026-03-28T12:00:00Z'),
    use('mar29', 3, '2026-03-29T21:30:00Z'),
    use('mar30', 5, '2026-03-29T22:00:00Z'),
  ]
  const result = replay(facts({ account: account({ zone }), programs: [daily, monthly], usage }), {
    until: at('2026-03-31T00:00:00Z'),
    collectAllocations: true,
  })

  it('resets at local midnight, unused daily credits are lost', () => {
    expect(counters(result, 'daily#0')).toEqual({ remaining: 0, consumed: 4, expired: 6, voided: 0, rolledOut: 0 })
    expect(lotOf(result, 'daily#2')).toMatchObject({
      effectiveAt: at('2026-03-28T23:00:00Z'),
      expiresAt: at('2026-03-29T22:00:00Z'),
      consumed: 3,
      expired: 7,
    })
  })

  it('spends the daily allowance before the plan, and the new day’s from its first instant', () => {
    expect(paidBy(result, 'mar28')).toEqual({ 'daily#1': 10, 'monthly#0': 2 })
    expect(paidBy(result, 'mar29')).toEqual({ 'daily#2': 3 })
    expect(paidBy(result, 'mar30')).toEqual({ 'daily#3': 5 })
    expectConserved(result, usage)
  })
})

describe('Buyer checklist: a capped rollover bank, lost on cancellation', () => {
  // 100 a month from Jan 1 (UTC); unused credits roll into a bank of at most 150, spent first, kept while the plan
  // lasts; cancelled Apr 15 → the plan ends May 1 and the bank is lost (rolledLostOnEnd).
  const plan = program('plan', {
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    amountPerPeriod: 100,
    rollover: { mode: 'capped', cap: 150 },
    rolled: { periods: null, priority: 5 },
    rolledLostOnEnd: true,
    endsAt: at('2026-04-15T00:00:00Z'),
  })
  // Jan 20: 20 → plan#0 80. Feb 1: 80 roll (bank 0 → 80).
  // Mar 1: plan#1 unused 100, room 150 − 80 = 70 → 70 roll, 30 expire (bank 150).
  // Mar 10: 50 → the older banked lot first (same priority and expiry, earlier effective) → 30 (bank 100).
  // Apr 1: plan#2 unused 100, room 50 → 50 roll, 50 expire (bank 150). April: 150 + 100 = 250.
  // May 1: the plan ends: plan#3's 100 expire, the 150 banked credits are lost, nothing rolls.
  const usage = [use('jan20', 20, '2026-01-20T00:00:00Z'), use('mar10', 50, '2026-03-10T00:00:00Z')]
  const result = replay(facts({ programs: [plan], usage }), {
    until: at('2026-06-01T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-03-01T00:00:00Z'), at('2026-04-30T00:00:00Z'), at('2026-05-01T00:00:00Z')],
  })

  it('fills the bank up to the cap, the rest expires', () => {
    expect(counters(result, 'plan#0')).toMatchObject({ rolledOut: 80, expired: 0 })
    expect(counters(result, 'plan#1')).toMatchObject({ rolledOut: 70, expired: 30 })
    expect(counters(result, 'plan#2')).toMatchObject({ rolledOut: 50, expired: 50 })
    expect(paidBy(result, 'mar10')).toEqual({ 'plan#0>rolled': 50 })
    expect(balances(result)).toMatchObject({
      '2026-03-01T00:00:00.000Z': 150 + 100,
      '2026-04-30T00:00:00.000Z': 150 + 100,
    })
  })

  it('loses the banked credits when the plan ends', () => {
    expect(counters(result, 'plan#0>rolled')).toMatchObject({ consumed: 50, expired: 30 })
    expect(counters(result, 'plan#1>rolled')).toMatchObject({ expired: 70 })
    expect(counters(result, 'plan#2>rolled')).toMatchObject({ expired: 50 })
    expect(counters(result, 'plan#3')).toMatchObject({ expired: 100, rolledOut: 0 })
    expect(result.lots.some((l) => l.id === 'plan#4' || l.id === 'plan#3>rolled')).toBe(false)
    expect(balances(result)['2026-05-01T00:00:00.000Z']).toBe(0)
    expectConserved(result, usage)
  })
})

describe('Buyer checklist: top-ups that need an active subscription', () => {
  // Plan 100/month from Jan 1, cancelled Mar 15 → ends Apr 1. T1: 300 bought Feb 10, usable only while the plan is
  // active (endsWithProgram). T3: 100 bought Feb 10, independent of the plan. T2: 50 bought Apr 5, after the end.
  const sub = program('sub', {
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    amountPerPeriod: 100,
    endsAt: at('2026-03-15T00:00:00Z'),
  })
  const lots = [
    lot('t1', 300, '2026-02-10T00:00:00Z', { priority: 20, endsWithProgram: 'sub' }),
    lot('t3', 100, '2026-02-10T00:00:00Z', { priority: 30 }),
    lot('t2', 50, '2026-04-05T00:00:00Z', { priority: 20, endsWithProgram: 'sub' }),
  ]
  // Mar 20: 150 → sub#2 100, then T1 50 (250 left). Apr 1: the plan ends → T1's 250 are lost.
  // Apr 5: T2 arrives with no plan → lost at once (visible as expired, not silently dropped).
  // Apr 6: 10 → only T3 can pay → 90.
  const usage = [use('mar20', 150, '2026-03-20T00:00:00Z'), use('apr6', 10, '2026-04-06T00:00:00Z')]
  const result = replay(facts({ programs: [sub], lots, usage }), {
    until: at('2026-05-01T00:00:00Z'),
    collectAllocations: true,
  })

  it('loses the top-up when the plan ends, keeps the independent one', () => {
    expect(paidBy(result, 'mar20')).toEqual({ 'sub#2': 100, t1: 50 })
    expect(lotOf(result, 't1')).toMatchObject({ consumed: 50, expired: 250, closedAt: at('2026-04-01T00:00:00Z') })
    expect(lotOf(result, 't1').history.at(-1)).toMatchObject({ type: 'expire', amount: 250, note: 'program ended' })
    expect(paidBy(result, 'apr6')).toEqual({ t3: 10 })
    expect(result.balance).toMatchObject({ balance: 90, debt: 0 })
  })

  it('shows a top-up bought after the plan ended as granted and expired at once', () => {
    expect(lotOf(result, 't2')).toMatchObject({
      granted: 50,
      expired: 50,
      remaining: 0,
      closedAt: at('2026-04-05T00:00:00Z'),
    })
    expectConserved(result, usage)
  })
})

describe('Buyer checklist: an add-on subscription', () => {
  // Base plan 100/month (priority 10) and an add-on subscription of 50/month whose credits never expire
  // (priority 20: after monthly), both from Jan 1 (UTC).
  const base = program('base', { anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: 100 })
  const extra = program('extra', {
    kind: 'addon',
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    amountPerPeriod: 50,
    lot: { kind: 'addon', funding: 'paid', priority: 20, tags: [], expiry: { kind: 'never' } },
  })
  // Jan 20: 120 → base#0 100 + extra#0 20 (30 left). Feb 1: base resets, extra#1 +50, extra#0 keeps 30.
  // Feb 20: 130 → base#1 100 + extra#0 30 (the older add-on lot first). Mar 1: base 100 + extra#1 50 + extra#2 50.
  const usage = [use('jan20', 120, '2026-01-20T00:00:00Z'), use('feb20', 130, '2026-02-20T00:00:00Z')]
  const result = replay(facts({ programs: [base, extra], usage }), {
    until: at('2026-03-02T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-03-01T00:00:00Z')],
  })

  it('spends the monthly credits first and keeps add-on credits across resets', () => {
    expect(paidBy(result, 'jan20')).toEqual({ 'base#0': 100, 'extra#0': 20 })
    expect(paidBy(result, 'feb20')).toEqual({ 'base#1': 100, 'extra#0': 30 })
    expect(lotOf(result, 'extra#1')).toMatchObject({ expiresAt: null, remaining: 50, status: 'active' })
    expect(balances(result)['2026-03-01T00:00:00.000Z']).toBe(200)
    expectConserved(result, usage)
  })
})
