import { describe, expect, it } from 'vitest'
import { periodAllowance, reachedThresholds } from '@shared/ledger/breakdown'
import type { AccountSpec } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lotOf, program, use } from '../facts'
import { balances, expectConserved, noticesOf } from '../expect-ledger'

/**
 * HubSpot Credits (seeds/003): monthly credits expire at the end of each usage period and do not roll over; usage
 * notifications at 75 %, 85 %, 90 % and exceeded; pay-as-you-go overage with a maximum monthly limit.
 * 1,000 credits a month from Jan 1 2026 00:00 America/New_York (EST = UTC−5: periods start Jan 1 05:00Z,
 * Feb 1 05:00Z, Mar 1 05:00Z; EDT from Mar 8: Apr 1 04:00Z). Overage up to 500 credits a month, billed in money
 * with the period (account.overdraft.billedWith), never taken from next month's credits.
 */
const ZONE = 'America/New_York'
const credits = program('credits', { anchor: { local: local('2026-01-01'), zone: ZONE }, amountPerPeriod: 1000 })
const hubspot: AccountSpec = account({ zone: ZONE, overdraft: { mode: 'limit', limit: 500, billedWith: 'credits' } })
const THRESHOLDS = [75, 85, 90, 100]

// January: 600 + 150 + 100 + 50 + 99 + 1 = 1000 (all included credits), then 300 + 300 of overage.
// February: 200 used, 800 expire at Mar 1 05:00Z. March: 1400 → 400 overage, under the 500 maximum.
const usage = [
  use('jan5', 600, '2026-01-05T15:00:00Z'),
  use('jan10', 150, '2026-01-10T15:00:00Z'),
  use('jan15', 100, '2026-01-15T15:00:00Z'),
  use('jan20', 50, '2026-01-20T15:00:00Z'),
  use('jan25', 99, '2026-01-25T15:00:00Z'),
  use('jan26', 1, '2026-01-26T15:00:00Z'),
  use('jan28', 300, '2026-01-28T15:00:00Z'),
  use('jan30', 300, '2026-01-30T15:00:00Z'),
  use('feb10', 200, '2026-02-10T15:00:00Z'),
  use('mar20', 1400, '2026-03-20T15:00:00Z'),
]
const ledger = facts({ account: hubspot, programs: [credits], usage })

describe('HubSpot: usage thresholds read through the breakdown helper', () => {
  it.each([
    // after          used/granted   reached                 exceeded
    ['jan5', 600, [], false],
    ['jan10', 750, [75], false],
    ['jan15', 850, [75, 85], false],
    ['jan20', 900, [75, 85, 90], false],
    ['jan25', 999, [75, 85, 90], false], // 99.9 % is not 100 %
    ['jan26', 1000, [75, 85, 90, 100], false],
    ['jan28', 1300, [75, 85, 90, 100], true], // 1000 consumed + 300 overage
    ['feb10', 200, [], false], // a new period: February's own 1000
  ] as const)('after %s: %i of 1000 → %j', (usageId, used, reached, exceeded) => {
    const when = usage.find((u) => u.id === usageId)?.occurredAt ?? Number.NaN
    const result = replay(ledger, { until: when + 1 })
    const allowance = periodAllowance(result, credits, when)
    expect(allowance).toMatchObject({ granted: 1000, fraction: { numerator: used, denominator: 1000 }, exceeded })
    expect(reachedThresholds(allowance?.fraction ?? { numerator: 0, denominator: 1 }, THRESHOLDS)).toEqual(reached)
  })
})

describe('HubSpot: monthly credits expire at period end and never roll over', () => {
  const result = replay(ledger, {
    until: at('2026-05-01T00:00:00Z'),
    snapshots: [at('2026-02-01T05:00:00Z'), at('2026-02-28T00:00:00Z'), at('2026-03-01T05:00:00Z')],
  })

  it('expires February’s 800 unused credits at Mar 1 00:00 New York time', () => {
    expect(counters(result, 'credits#1')).toEqual({
      remaining: 0,
      consumed: 200,
      expired: 800,
      voided: 0,
      rolledOut: 0,
    })
    expect(lotOf(result, 'credits#1').closedAt).toBe(at('2026-03-01T05:00:00Z'))
    expect(result.lots.some((l) => l.kind === 'rollover')).toBe(false)
    // Feb 28: 800. Mar 1 00:00 EST: 1000, not 1800.
    expect(balances(result)).toMatchObject({ '2026-02-28T00:00:00.000Z': 800, '2026-03-01T05:00:00.000Z': 1000 })
  })
})

describe('HubSpot: pay-as-you-go overage with a monthly maximum', () => {
  const result = replay(ledger, {
    until: at('2026-05-01T00:00:00Z'),
    snapshots: [at('2026-01-31T00:00:00Z'), at('2026-02-01T05:00:00Z')],
  })

  it('flags the overage, then over_limit once it passes the monthly maximum', () => {
    // Jan 28: 300 beyond the allowance (≤ 500) → negative_balance; Jan 30: 600 > 500 → over_limit.
    // Mar 20: a new period, 400 ≤ 500 → negative_balance only.
    expect(result.notices.filter((n) => n.kind !== 'overage_billed')).toEqual([
      { kind: 'negative_balance', at: at('2026-01-28T15:00:00Z'), debt: 300 },
      { kind: 'over_limit', at: at('2026-01-30T15:00:00Z'), debt: 600, usageId: 'jan30' },
      { kind: 'negative_balance', at: at('2026-03-20T15:00:00Z'), debt: 400 },
    ])
    expect(balances(result)['2026-01-31T00:00:00.000Z']).toBe(-600)
  })

  it('bills the overage with the period instead of taking it from next month’s credits', () => {
    expect(noticesOf(result, 'overage_billed')).toEqual([
      { kind: 'overage_billed', at: at('2026-02-01T05:00:00Z'), programId: 'credits', amount: 600 },
      { kind: 'overage_billed', at: at('2026-04-01T04:00:00Z'), programId: 'credits', amount: 400 },
    ])
    expect(balances(result)['2026-02-01T05:00:00.000Z']).toBe(1000)
    expect(counters(result, 'credits#1')).toMatchObject({ consumed: 200 })
    expect(result.balance).toMatchObject({ balance: 1000, debt: 0 })
    expectConserved(result)
  })

  it('would repay the overage from February’s credits without billedWith (the OpenAI-style negative balance)', () => {
    const repaid = replay(
      { ...ledger, account: { ...hubspot, overdraft: { mode: 'limit', limit: 500 } } },
      { until: at('2026-02-02T00:00:00Z'), snapshots: [at('2026-02-01T05:00:00Z')] },
    )
    expect(balances(repaid)['2026-02-01T05:00:00.000Z']).toBe(400)
    expect(noticesOf(repaid, 'overage_billed')).toEqual([])
  })
})
