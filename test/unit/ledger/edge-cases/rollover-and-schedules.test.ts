import { describe, expect, it } from 'vitest'
import type { ProgramFact, RolloverRule } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { at, counters, facts, local, program, use } from '../facts'
import { expectConserved, paidBy } from '../expect-ledger'

/** ledger-semantics §11, items 29–31 and 33: rollover arithmetic, banks, rolled expiries, cancelled schedules. */

const monthly = (id: string, overrides: Partial<ProgramFact>): ProgramFact =>
  program(id, { anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: 100, ...overrides })
const ids = (result: ReturnType<typeof replay>) => result.lots.map((l) => l.id)

describe('§11 #29: rollover of small and awkward remainders', () => {
  it.each([
    // R = what January leaves of 10; rolled + expired = R always, fractions round down (the expiring part absorbs it).
    ['R = 0, full', 0, { mode: 'full' }, 0, 0],
    ['R = 1, half: 0.5 rounds to 0', 1, { mode: 'fraction', numerator: 1, denominator: 2 }, 0, 1],
    ['R = 7, half: 3.5 → 3', 7, { mode: 'fraction', numerator: 1, denominator: 2 }, 3, 4],
    ['R = 7, two thirds: 4.67 → 4', 7, { mode: 'fraction', numerator: 2, denominator: 3 }, 4, 3],
    ['R = 7, capped at 5', 7, { mode: 'capped', cap: 5 }, 5, 2],
    ['R = 7, full', 7, { mode: 'full' }, 7, 0],
  ] as const)('%s → %i rolled, %i expired', (_case, remainder, rule: RolloverRule, rolled, expired) => {
    const plan = monthly('m', { amountPerPeriod: 10, rollover: rule, rolled: { periods: 1, priority: 5 } })
    const usage = [use('jan', 10 - remainder, '2026-01-10T00:00:00Z')]
    const result = replay(facts({ programs: [plan], usage }), { until: at('2026-02-02T00:00:00Z') })
    expect(counters(result, 'm#0')).toMatchObject({ rolledOut: rolled, expired, remaining: 0 })
    expect(ids(result).includes('m#0>rolled')).toBe(rolled > 0)
    expectConserved(result, usage)
  })
})

describe('§11 #30: capped banks', () => {
  it('refuses new credit while the bank is full', () => {
    // 100 a month, bank capped at 100, banked credits kept while the plan lives, spent first.
    // Feb 1: 100 roll (bank 100). Mar 1: bank full → 0 roll, February's 100 expire.
    // Mar 10: 30 from the bank (70). Apr 1: room 30 → 30 roll, 70 expire (bank 100 again).
    const plan = monthly('m', { rollover: { mode: 'capped', cap: 100 }, rolled: { periods: null, priority: 5 } })
    const usage = [use('mar10', 30, '2026-03-10T00:00:00Z')]
    const result = replay(facts({ programs: [plan], usage }), {
      until: at('2026-04-02T00:00:00Z'),
      collectAllocations: true,
    })
    expect(counters(result, 'm#0')).toMatchObject({ rolledOut: 100, expired: 0 })
    expect(counters(result, 'm#1')).toMatchObject({ rolledOut: 0, expired: 100 })
    expect(paidBy(result, 'mar10')).toEqual({ 'm#0>rolled': 30 })
    expect(counters(result, 'm#2')).toMatchObject({ rolledOut: 30, expired: 70 })
    expect(result.balance.balance).toBe(100 + 100)
    expectConserved(result, usage)
  })

  // A plan change on Mar 1 lowers the cap from 100 to 50. Banked credits live 6 periods and survive the change.
  // v1: Feb 1 → 100 banked; Mar 1 (v1's end) → bank full, v1#1's 100 expire. Mar 10: 30 from the bank (70 left).
  // v2 (replaces v1): Apr 1 → bank 70 ≥ 50 → nothing rolls. May 10: 40 from the bank (30 left).
  //   May 1 → bank 70 → nothing; Jun 1 → bank 30, room 20 → 20 roll, 80 expire.
  const v1 = monthly('v1', {
    rollover: { mode: 'capped', cap: 100 },
    rolled: { periods: 6, priority: 5 },
    endsAt: at('2026-03-01T00:00:00Z'),
  })
  const v2 = (replaces?: string) =>
    monthly('v2', {
      anchor: { local: local('2026-03-01'), zone: 'UTC' },
      rollover: { mode: 'capped', cap: 50 },
      rolled: { periods: 6, priority: 5 },
      ...(replaces === undefined ? {} : { replaces }),
    })
  const usage = [use('mar10', 30, '2026-03-10T00:00:00Z'), use('may10', 40, '2026-05-10T00:00:00Z')]

  it('holds a lowered cap across a plan change (replaces)', () => {
    const result = replay(facts({ programs: [v1, v2('v1')], usage }), { until: at('2026-06-02T00:00:00Z') })
    expect(counters(result, 'v1#1')).toMatchObject({ rolledOut: 0, expired: 100 })
    expect(counters(result, 'v1#0>rolled')).toMatchObject({ consumed: 70, remaining: 30 })
    expect(counters(result, 'v2#0')).toMatchObject({ rolledOut: 0, expired: 100 })
    expect(counters(result, 'v2#1')).toMatchObject({ rolledOut: 0, expired: 100 })
    expect(counters(result, 'v2#2')).toMatchObject({ rolledOut: 20, expired: 80 })
    expectConserved(result, usage)
  })

  it('without replaces the new plan starts an empty bank of its own', () => {
    const result = replay(facts({ programs: [v1, v2()], usage }), { until: at('2026-04-02T00:00:00Z') })
    expect(counters(result, 'v2#0')).toMatchObject({ rolledOut: 50, expired: 50 })
  })
})

describe('§11 #31: rolled credit that would expire no later than the boundary it rolls at', () => {
  it('rolls nothing when rolled lots live 0 periods', () => {
    const plan = monthly('m', { amountPerPeriod: 10, rollover: { mode: 'full' }, rolled: { periods: 0, priority: 5 } })
    const result = replay(facts({ programs: [plan] }), { until: at('2026-02-02T00:00:00Z') })
    expect(counters(result, 'm#0')).toEqual({ remaining: 0, consumed: 0, expired: 10, voided: 0, rolledOut: 0 })
    expect(ids(result)).toEqual(['m#0', 'm#1'])
    expectConserved(result)
  })

  it('rolls "until the plan ends" only while there is a period left', () => {
    // Two periods (Jan, Feb). Feb 1: January's 10 roll, usable until the plan ends Mar 1.
    // Mar 1: February's 10 would roll into a lot ending that same instant → they expire instead.
    const plan = monthly('m', {
      amountPerPeriod: 10,
      periods: 2,
      rollover: { mode: 'full' },
      rolled: { periods: null, priority: 5 },
    })
    const result = replay(facts({ programs: [plan] }), { until: at('2026-04-01T00:00:00Z') })
    expect(counters(result, 'm#0')).toMatchObject({ rolledOut: 10, expired: 0 })
    expect(counters(result, 'm#0>rolled')).toMatchObject({ expired: 10 })
    expect(counters(result, 'm#1')).toEqual({ remaining: 0, consumed: 0, expired: 10, voided: 0, rolledOut: 0 })
    expect(ids(result)).toEqual(['m#0', 'm#0>rolled', 'm#1'])
    expectConserved(result)
  })
})

describe('§11 #33: an annual plan cancelled mid-year', () => {
  // $120 for 12 monthly releases of 100 from Jan 1; cancelled Jun 15 → June's release lasts to Jul 1, no more.
  // Jun 20: 40 → June's release (60 expire Jul 1).
  const annual = monthly('annual', {
    kind: 'annual_release',
    periods: 12,
    totalCost: { amount: 120_000_000, currency: 'USD' },
    endsAt: at('2026-06-15T00:00:00Z'),
  })
  const usage = [use('jun20', 40, '2026-06-20T00:00:00Z')]
  const result = replay(facts({ programs: [annual], usage }), { until: at('2027-02-01T00:00:00Z') })

  it('never grants the remaining monthly releases', () => {
    expect(ids(result)).toEqual(['annual#0', 'annual#1', 'annual#2', 'annual#3', 'annual#4', 'annual#5'])
    expect(counters(result, 'annual#5')).toMatchObject({ consumed: 40, expired: 60 })
    expect(result.lots.map((l) => l.cost?.amount)).toEqual(Array<number>(6).fill(10_000_000))
    expect(result.balance.balance).toBe(0)
    expectConserved(result, usage)
  })
})
