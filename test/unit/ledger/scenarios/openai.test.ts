import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAWDOWN, FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type { LotFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, duration, facts, lot, lotOf, rechargeRule, use } from '../facts'
import { balances, expectConserved, noticesOf, paidBy } from '../expect-ledger'

/**
 * OpenAI API prepaid billing (seeds/004). Balance in micro-USD ($1 = 1,000,000); vendor zone America/Los_Angeles
 * (PST = UTC−8 until Mar 8 2025 / Mar 8 2026, PDT = UTC−7 after). Every purchase expires 1 year after its own
 * purchase date; free/grant credits are used before paid ones; auto-recharge has a threshold, an amount and a
 * monthly limit that manual purchases do not count toward; delayed cutoff leaves a negative balance that the next
 * purchase pays off. Business credits are valid 12 months.
 */
const ZONE = 'America/Los_Angeles'
const USD = 1_000_000
const openai = account({ zone: ZONE, drawdown: FREE_FIRST_DRAWDOWN })
/** A paid purchase: $1 buys $1 of balance, expiring one year after purchase. */
const purchase = (id: string, dollars: number, when: string, overrides: Partial<LotFact> = {}) =>
  lot(id, dollars * USD, when, {
    cost: { amount: dollars * USD, currency: 'USD' },
    expiry: { kind: 'after', duration: duration('P1Y') },
    ...overrides,
  })

describe('OpenAI: each purchase expires one year after its own purchase date, in the vendor zone', () => {
  it.each([
    // purchase instant (UTC)       local purchase (LA)    rule    expires (UTC)               local expiry
    ['2024-02-29T20:00:00Z', 'Feb 29 12:00 PST', 'P1Y', '2025-02-28T20:00:00Z', 'Feb 28 12:00 PST'],
    // Feb 29 in UTC but still Feb 28 in LA: a year later is Feb 28 19:00 PST = Mar 1 03:00Z (UTC would say Feb 28).
    ['2024-02-29T03:00:00Z', 'Feb 28 19:00 PST', 'P1Y', '2025-03-01T03:00:00Z', 'Feb 28 19:00 PST'],
    // Business credits "valid 12 months": the same clamp.
    ['2024-02-29T20:00:00Z', 'Feb 29 12:00 PST', 'P12M', '2025-02-28T20:00:00Z', 'Feb 28 12:00 PST'],
    // Bought in PST, expires in PDT at the same wall-clock time: 10:00 PST = 18:00Z, 10:00 PDT = 17:00Z.
    ['2025-01-15T18:00:00Z', 'Jan 15 10:00 PST', 'P1Y', '2026-01-15T18:00:00Z', 'Jan 15 10:00 PST'],
    ['2025-03-01T18:00:00Z', 'Mar 1 10:00 PST', 'P1Y', '2026-03-01T18:00:00Z', 'Mar 1 10:00 PST'],
    ['2025-06-10T17:00:00Z', 'Jun 10 10:00 PDT', 'P1Y', '2026-06-10T17:00:00Z', 'Jun 10 10:00 PDT'],
  ])('bought %s (%s) + %s → expires %s (%s)', (bought, _local, rule, expires) => {
    const result = replay(
      facts({
        account: openai,
        lots: [purchase('p', 10, bought, { expiry: { kind: 'after', duration: duration(rule) } })],
      }),
      {
        until: at('2027-01-01T00:00:00Z'),
      },
    )
    expect(lotOf(result, 'p')).toMatchObject({ expiresAt: at(expires), expired: 10 * USD, closedAt: at(expires) })
  })

  it('draws a Feb 29 purchase until Feb 28 12:00 PST the next year, then expires what is left', () => {
    // $10 bought Feb 29 2024 12:00 PST; $4 used Jun 1. $1 used one millisecond before expiry is still drawn from it;
    // $1 used at the expiry instant is not (half-open), so it becomes debt. $5 expire.
    const usage = [
      use('jun', 4 * USD, '2024-06-01T00:00:00Z'),
      use('last', 1 * USD, '2025-02-28T19:59:59.999Z'),
      use('late', 1 * USD, '2025-02-28T20:00:00Z'),
    ]
    const result = replay(facts({ account: openai, lots: [purchase('feb29', 10, '2024-02-29T20:00:00Z')], usage }), {
      until: at('2025-04-01T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'last')).toEqual({ feb29: 1 * USD })
    expect(paidBy(result, 'late')).toEqual({ debt: 1 * USD })
    expect(counters(result, 'feb29')).toEqual({
      remaining: 0,
      consumed: 5 * USD,
      expired: 5 * USD,
      voided: 0,
      rolledOut: 0,
    })
    expectConserved(result, usage)
  })

  it('manages each purchase by its own date: the older one goes first and expires first', () => {
    // P1 $10 Jan 15 2025 (expires Jan 15 2026), P2 $20 Jun 10 2025 (expires Jun 10 2026). Same price per dollar,
    // so the sooner expiry is drawn first: Jul 1 $3 → P1 (10 → 7). Jan 15 2026: P1 expires $7; P2 still $20.
    const lots = [purchase('p1', 10, '2025-01-15T18:00:00Z'), purchase('p2', 20, '2025-06-10T17:00:00Z')]
    const usage = [use('jul', 3 * USD, '2025-07-01T00:00:00Z')]
    const result = replay(facts({ account: openai, lots, usage }), {
      until: at('2026-07-01T00:00:00Z'),
      snapshots: [at('2026-01-15T17:59:59Z'), at('2026-01-15T18:00:00Z'), at('2026-06-10T17:00:00Z')],
    })
    expect(counters(result, 'p1')).toMatchObject({ consumed: 3 * USD, expired: 7 * USD })
    expect(counters(result, 'p2')).toMatchObject({ consumed: 0, expired: 20 * USD })
    expect(balances(result)).toEqual({
      '2026-01-15T17:59:59.000Z': 27 * USD,
      '2026-01-15T18:00:00.000Z': 20 * USD,
      '2026-06-10T17:00:00.000Z': 0,
    })
  })
})

describe('OpenAI: free and grant credits are consumed before paid ones, even when they expire later', () => {
  // Grant $5 free (cost 0) on Jan 1 2025, expiring Jun 1 2026; purchase $10 on Feb 1 2025, expiring Feb 1 2026.
  // Mar 1: $7 used. Free first: grant $5, then paid $2. By soonest expiry (the default policy) the paid lot
  // would pay all $7 and the grant would survive.
  const lots = [
    lot('grant', 5 * USD, '2025-01-01T08:00:00Z', {
      kind: 'grant',
      funding: 'promotional',
      cost: { amount: 0, currency: 'USD' },
      expiry: { kind: 'at', at: at('2026-06-01T07:00:00Z') },
    }),
    purchase('paid', 10, '2025-02-01T08:00:00Z'),
  ]
  const usage = [use('mar', 7 * USD, '2025-03-01T08:00:00Z')]

  it.each([
    ['FREE_FIRST (OpenAI)', FREE_FIRST_DRAWDOWN, { grant: 5 * USD, paid: 2 * USD }],
    ['DEFAULT (soonest expiry first)', DEFAULT_DRAWDOWN, { paid: 7 * USD }],
  ])('%s', (_name, drawdown, expected) => {
    const result = replay(facts({ account: { ...openai, drawdown }, lots, usage }), {
      until: at('2025-04-01T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'mar')).toEqual(expected)
    expect(result.balance.balance).toBe(8 * USD)
  })
})

describe('OpenAI: auto-recharge with a threshold, an amount and a monthly limit', () => {
  // Rule: when the balance is at or below $5, buy $10; at most 2 auto-recharges per calendar month (LA time).
  // Every trigger projects a $10 lot at once; a recorded auto_recharge purchase at most 1 h after a trigger is the
  // vendor's real charge and replaces that projection (ledger-semantics §9.9; the month counts it once).
  const rule = rechargeRule('auto', {
    threshold: 5 * USD,
    amount: 10 * USD,
    monthlyMaxCount: 2,
    lot: {
      priority: 50,
      expiry: { kind: 'after', duration: duration('P1Y') },
      costPerUnit: { numerator: 1, denominator: 1, currency: 'USD' },
    },
    confirmWithinMs: 3_600_000,
  })
  const lots = [
    purchase('p0', 10, '2025-03-01T08:00:00Z'), // manual
    purchase('p1', 20, '2025-03-05T08:00:00Z'), // manual: does not count toward the limit
    purchase('a2', 10, '2025-03-10T08:05:00Z', { kind: 'auto_recharge' }), // the receipt of the 2nd trigger
  ]
  // Mar 3: $6 → balance $4 ≤ $5 → trigger 1 (March count 0 → 1): projected $10 → $14.
  // Mar 5: manual $20 → $34 (count stays 1).
  // Mar 10 08:00: $30 → p0 $4, projected $10, p1 $16 (soonest expiry first) → $4 → trigger 2 (count 1 + 1 ≤ 2):
  //   projected $10 → $14 (the balance at 08:00 does not depend on the receipt recorded for 08:05).
  // Mar 10 08:05: the receipt a2 ($10, 5 min later) replaces the 08:00 projection, which paid nothing: its $10 are
  //   voided, a2 adds $10 → still $14; March counts a2 instead of it (still 2). The Mar 3 projection has no receipt
  //   within the hour: it stays projected (and waits for one).
  // Mar 20: $12 → p1 $4, a2 $8 → $2 → trigger 3: 2 + 1 > 2 → blocked (recharge_blocked, until Apr 1 PDT).
  // Mar 25: $1 → $1: still blocked, no second notice.
  // Apr 2: $1 → $0 (a2 used up) → new month, count 0: projected $10 → $10.
  const usage = [
    use('mar3', 6 * USD, '2025-03-03T08:00:00Z'),
    use('mar10', 30 * USD, '2025-03-10T08:00:00Z'),
    use('mar20', 12 * USD, '2025-03-20T08:00:00Z'),
    use('mar25', 1 * USD, '2025-03-25T08:00:00Z'),
    use('apr2', 1 * USD, '2025-04-02T08:00:00Z'),
  ]
  const result = replay(facts({ account: openai, lots, usage, rechargeRules: [rule] }), {
    until: at('2025-05-01T00:00:00Z'),
    snapshots: [
      '2025-03-03T08:00:00Z',
      '2025-03-10T08:00:00Z',
      '2025-03-10T08:05:00Z',
      '2025-03-20T08:00:00Z',
      '2025-03-25T08:00:00Z',
      '2025-04-02T08:00:00Z',
    ].map(at),
  })

  it('recharges at the threshold, confirms by receipt, and blocks the third recharge of the month', () => {
    expect(balances(result)).toEqual({
      '2025-03-03T08:00:00.000Z': 14 * USD,
      '2025-03-10T08:00:00.000Z': 14 * USD,
      '2025-03-10T08:05:00.000Z': 14 * USD,
      '2025-03-20T08:00:00.000Z': 2 * USD,
      '2025-03-25T08:00:00.000Z': 1 * USD,
      '2025-04-02T08:00:00.000Z': 10 * USD,
    })
    expect(noticesOf(result, 'recharge_projected').map((n) => n.at)).toEqual([
      at('2025-03-03T08:00:00Z'),
      at('2025-03-10T08:00:00Z'),
      at('2025-04-02T08:00:00Z'),
    ])
    expect(noticesOf(result, 'recharge_blocked')).toEqual([
      {
        kind: 'recharge_blocked',
        at: at('2025-03-20T08:00:00Z'),
        ruleId: 'auto',
        month: '2025-03',
        reason: 'max_count',
      },
    ])
  })

  it('shows which recharges are projected and which are recorded', () => {
    const projected = result.lots.filter((l) => l.projected)
    expect(projected.map((l) => [new Date(l.effectiveAt).toISOString(), l.granted, l.cost?.amount])).toEqual([
      ['2025-03-03T08:00:00.000Z', 10 * USD, 10 * USD],
      ['2025-03-10T08:00:00.000Z', 10 * USD, 10 * USD],
      ['2025-04-02T08:00:00.000Z', 10 * USD, 10 * USD],
    ])
    // The Mar 3 projection paid $10 on Mar 10 and is still waiting for a receipt; so is Apr 2's, untouched.
    const [mar3, mar10, apr2] = projected.map((l) => l.id)
    expect(counters(result, mar3 ?? '')).toMatchObject({ consumed: 10 * USD, remaining: 0, voided: 0 })
    expect(counters(result, apr2 ?? '')).toMatchObject({ consumed: 0, remaining: 10 * USD, voided: 0 })
    // Mar 3's projection is no longer waiting: its 1-hour confirmation window passed, so the Apr 2 evaluation
    // dropped it from the list (it stays a projected lot; only a receipt within the window could replace it).
    expect(result.state.recharge['auto']?.open).toEqual([apr2])
    // The Mar 10 projection is replaced by a2 at 08:05 before paying anything: all $10 voided, nothing to take over.
    expect(lotOf(result, mar10 ?? '')).toMatchObject({
      status: 'closed',
      closedAt: at('2025-03-10T08:05:00Z'),
      consumed: 0,
      voided: 10 * USD,
    })
    expect(lotOf(result, mar10 ?? '').history.map((h) => [h.type, h.amount, h.note])).toEqual([
      ['grant', 10 * USD, undefined],
      ['void', 10 * USD, 'confirmed by a2'],
    ])
    // a2 paid $8 on Mar 20, $1 on Mar 25 and its last $1 on Apr 2.
    expect(lotOf(result, 'a2')).toMatchObject({ projected: false, consumed: 10 * USD, remaining: 0 })
    // March counts Mar 3's projection and a2 (not the projection a2 replaced); April its own projection.
    expect(result.state.rechargeMonths).toEqual({
      '2025-03': { count: 2, amount: 20 * USD },
      '2025-04': { count: 1, amount: 10 * USD },
    })
    expectConserved(result, usage)
  })

  it('blocks on the monthly amount too', () => {
    // Max $25 a month, no count limit: $10 + $10 fit, a third $10 would make $30 > $25 → blocked (max_amount).
    const capped = { ...rule, monthlyMaxCount: null, monthlyMaxAmount: 25 * USD, confirmWithinMs: 0 }
    const burn = [1, 2, 3].map((day) => use(`d${day}`, 10 * USD, `2025-03-0${day}T08:00:00Z`))
    const run = replay(
      facts({
        account: openai,
        lots: [purchase('p', 10, '2025-03-01T07:00:00Z')],
        usage: burn,
        rechargeRules: [capped],
      }),
      {
        until: at('2025-03-31T00:00:00Z'),
      },
    )
    // Mar 1: $10 → $0 → +$10. Mar 2: → $0 → +$10 ($20 this month). Mar 3: → $0 → $30 > $25: blocked.
    expect(noticesOf(run, 'recharge_projected')).toHaveLength(2)
    expect(noticesOf(run, 'recharge_blocked')).toMatchObject([{ month: '2025-03', reason: 'max_amount' }])
    expect(run.balance.balance).toBe(0)
  })
})

describe('OpenAI: usage beyond the balance is a negative balance the next purchase pays off', () => {
  // $10 bought Jan 10; Jan 20: $12 used (delayed cutoff) → $10 consumed, $2 debt, balance −$2, one notice.
  // Feb 1: $20 bought → pays the $2 first → $18 left; balance $18.
  const lots = [purchase('p1', 10, '2025-01-10T08:00:00Z'), purchase('p2', 20, '2025-02-01T08:00:00Z')]
  const usage = [use('over', 12 * USD, '2025-01-20T08:00:00Z')]
  const result = replay(facts({ account: openai, lots, usage }), {
    until: at('2025-03-01T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2025-01-31T00:00:00Z')],
  })

  it('records the debt with a notice and shows the net balance', () => {
    expect(balances(result)).toEqual({ '2025-01-31T00:00:00.000Z': -2 * USD })
    expect(noticesOf(result, 'negative_balance')).toEqual([
      { kind: 'negative_balance', at: at('2025-01-20T08:00:00Z'), debt: 2 * USD },
    ])
  })

  it('deducts the debt from the next purchase', () => {
    // The uncovered slice stays in the allocation history; p2's repayment of it is a slice of the same usage.
    expect(paidBy(result, 'over')).toEqual({ p1: 10 * USD, debt: 2 * USD, p2: 2 * USD })
    expect(lotOf(result, 'p2').history.map((h) => [h.type, h.amount])).toEqual([
      ['grant', 20 * USD],
      ['repay', 2 * USD],
    ])
    expect(result.balance).toMatchObject({ balance: 18 * USD, debt: 0 })
    expectConserved(result, usage)
  })
})
