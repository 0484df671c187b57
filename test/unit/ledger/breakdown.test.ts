import { describe, expect, it } from 'vitest'
import { balanceBreakdown, periodAllowance, reachedThresholds, usageByTagPrefix } from '@shared/ledger/breakdown'
import { replay } from '@shared/ledger/replay'
import { at, facts, local, lot, program, rechargeRule, use } from './facts'

/** Read-outs on top of a replay: balance by bucket, usage by tag, allowance used in a period. */

describe('balanceBreakdown', () => {
  it('splits the balance by bucket kind and funding', () => {
    // Plan 100 (Jan 1), add-on 50, promo 20 (free). Jan 10: 30 used → plan 70. Total 140.
    const result = replay(
      facts({
        programs: [program('plan', { anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: 100 })],
        lots: [
          lot('addon', 50, '2026-01-01T00:00:00Z', { kind: 'addon', priority: 20 }),
          lot('promo', 20, '2026-01-01T00:00:00Z', { kind: 'promo', funding: 'promotional', priority: 30 }),
        ],
        usage: [use('u', 30, '2026-01-10T00:00:00Z')],
      }),
      { until: at('2026-01-20T00:00:00Z') },
    )
    const breakdown = balanceBreakdown(result)
    expect(breakdown.byKind).toMatchObject({ subscription: 70, addon: 50, promo: 20, purchase: 0, rollover: 0 })
    expect(Object.keys(breakdown.byKind)).toHaveLength(11)
    expect(breakdown.byFunding).toEqual({ paid: 120, promotional: 20, postpaid: 0 })
    expect(breakdown).toMatchObject({ projected: 0, remaining: 140, debt: 0, balance: 140 })
  })

  it('shows projected recharges and nets debt', () => {
    // 8 on hand; 4 used → 4 ≤ 5 → a projected recharge of 10 → 14 (10 of it projected).
    const withRecharge = replay(
      facts({
        lots: [lot('p', 8, '2026-01-01T00:00:00Z')],
        usage: [use('u', 4, '2026-01-10T00:00:00Z')],
        rechargeRules: [rechargeRule('r', { threshold: 5, amount: 10 })],
      }),
      { until: at('2026-01-20T00:00:00Z') },
    )
    expect(balanceBreakdown(withRecharge)).toMatchObject({ byKind: { auto_recharge: 10, purchase: 4 }, projected: 10 })
    // 8 on hand, a restricted 5 for model:x, 12 untagged used → 4 owed; the restricted lot still counts.
    const inDebt = replay(
      facts({
        lots: [lot('p', 8, '2026-01-01T00:00:00Z'), lot('x', 5, '2026-01-01T00:00:00Z', { tags: ['model:x'] })],
        usage: [use('u', 12, '2026-01-10T00:00:00Z')],
      }),
      { until: at('2026-01-20T00:00:00Z') },
    )
    expect(balanceBreakdown(inDebt)).toMatchObject({ remaining: 5, debt: 4, balance: 1 })
  })
})

describe('usageByTagPrefix', () => {
  const usage = [
    use('a', 5, '2026-01-01T00:00:00Z', { tags: ['project:web', 'model:gpt-4o'] }),
    use('b', 7, '2026-01-02T00:00:00Z', { tags: ['model:o3'] }),
    use('c', 5, '2026-01-03T00:00:00Z', { tags: ['model:claude', 'model:gpt-4o'] }),
    use('d', 3, '2026-01-04T00:00:00Z'),
    use('e', 9, '2026-01-05T00:00:00Z', { tags: ['model:o3'], billable: false }),
  ]

  it('counts each record once under its first matching tag, largest first, untagged last', () => {
    // 20 billable in all: o3 7, claude 5 and gpt-4o 5 (tie → by name), untagged 3; the failed 9 is left out.
    expect(usageByTagPrefix(usage, 'model:')).toEqual([
      { value: 'o3', amount: 7, count: 1 },
      { value: 'claude', amount: 5, count: 1 },
      { value: 'gpt-4o', amount: 5, count: 1 },
      { value: null, amount: 3, count: 1 },
    ])
  })

  it('limits to a half-open window', () => {
    const window = { from: at('2026-01-02T00:00:00Z'), until: at('2026-01-04T00:00:00Z') }
    expect(usageByTagPrefix(usage, 'project:', window)).toEqual([{ value: null, amount: 12, count: 2 }])
  })
})

describe('periodAllowance', () => {
  // 100 a month from Jan 1, full rollover for one period, ending Apr 1. Jan: 60 used → 40 roll into February.
  // Feb 10: 120 used → 40 rolled + 80 of February's, whose last 20 roll into March.
  // Mar 5: 130 → the rolled 20 + March's 100 + 10 owed (overage, never repaid: the plan ends Apr 1).
  const plan = program('plan', {
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    amountPerPeriod: 100,
    rollover: { mode: 'full' },
    rolled: { periods: 1, priority: 5 },
    endsAt: at('2026-04-01T00:00:00Z'),
  })
  const ledger = facts({
    programs: [plan],
    usage: [
      use('jan', 60, '2026-01-10T00:00:00Z'),
      use('feb', 120, '2026-02-10T00:00:00Z'),
      use('mar', 130, '2026-03-05T00:00:00Z'),
    ],
  })
  const result = replay(ledger, { until: at('2026-05-01T00:00:00Z') })

  it.each([
    ['January', '2026-01-20T00:00:00Z', 0, 100, 60, 0, false],
    ['February, with the rolled 40', '2026-02-20T00:00:00Z', 1, 140, 120, 0, false],
    ['March, 10 beyond the allowance', '2026-03-20T00:00:00Z', 2, 120, 120, 10, true],
  ])('%s', (_case, when, periodIndex, granted, consumed, overage, exceeded) => {
    expect(periodAllowance(result, plan, at(when))).toMatchObject({
      periodIndex,
      granted,
      consumed,
      overage,
      exceeded,
      fraction: { numerator: consumed + overage, denominator: granted },
    })
  })

  it('has nothing to say before the plan, after it, or beyond the replay', () => {
    expect(periodAllowance(result, plan, at('2025-12-31T00:00:00Z'))).toBeNull()
    expect(periodAllowance(result, plan, at('2026-04-10T00:00:00Z'))).toBeNull()
    const early = replay(ledger, { until: at('2026-01-15T00:00:00Z') })
    expect(periodAllowance(early, plan, at('2026-01-20T00:00:00Z'))).toBeNull()
  })
})

describe('reachedThresholds', () => {
  it.each([
    [749, 1000, []],
    [750, 1000, [75]],
    [899, 1000, [75, 85]],
    [1000, 1000, [75, 85, 90, 100]],
    [1, 3, []], // 33.3 %
    [3, 4, [75]],
  ])('%i / %i → %j', (numerator, denominator, reached) => {
    expect(reachedThresholds({ numerator, denominator }, [75, 85, 90, 100])).toEqual(reached)
  })

  it('takes whole percentages only', () => {
    expect(() => reachedThresholds({ numerator: 1, denominator: 2 }, [87.5])).toThrow(RangeError)
  })
})
