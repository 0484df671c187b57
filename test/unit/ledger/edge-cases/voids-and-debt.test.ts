import { describe, expect, it } from 'vitest'
import type { LotEvent, LotFact, UsageFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, lot, lotOf, use } from '../facts'
import { expectConserved, noticesOf, paidBy } from '../expect-ledger'

/** ledger-semantics §11, items 23–28: voids, refunds, retractions, debt and reversed charges. Whole credits, UTC. */

const voidOf = (lotId: string, when: string, mode: 'forward' | 'clawback'): LotEvent => ({
  kind: 'void',
  lotId,
  at: at(when),
  mode,
  createdSeq: 1,
})
const run = (
  lots: readonly LotFact[],
  usage: readonly UsageFact[],
  lotEvents: readonly LotEvent[] = [],
  until = '2026-06-01',
) => replay(facts({ lots, usage, lotEvents }), { until: at(`${until}T00:00:00Z`), collectAllocations: true })

describe('§11 #23: void of a partly used purchase, forward or with clawback', () => {
  // P: 100 (priority 10, drawn first); Q: 100 (priority 60) expiring Feb 1. Jan 10: 30 used → P.
  // Voided Jan 20.
  const lots = [
    lot('P', 100, '2026-01-01T00:00:00Z', { priority: 10 }),
    lot('Q', 100, '2026-01-01T00:00:00Z', { priority: 60, expiry: { kind: 'at', at: at('2026-02-01T00:00:00Z') } }),
  ]
  const usage = [use('jan10', 30, '2026-01-10T00:00:00Z')]

  it('forward: the 70 left are voided; the 30 already used stay paid by P', () => {
    const result = run(lots, usage, [voidOf('P', '2026-01-20T00:00:00Z', 'forward')], '2026-01-21')
    expect(counters(result, 'P')).toEqual({ remaining: 0, consumed: 30, expired: 0, voided: 70, rolledOut: 0 })
    expect(result.balance).toMatchObject({ balance: 100, debt: 0 })
    expectConserved(result, usage)
  })

  it('clawback (refund): all 100 are voided, and Q pays back the 30 at once, in drawdown order', () => {
    // Q: 100 − 30 = 70, then expires 70 on Feb 1. No debt, so no negative-balance notice.
    const result = run(lots, usage, [voidOf('P', '2026-01-20T00:00:00Z', 'clawback')])
    expect(counters(result, 'P')).toEqual({ remaining: 0, consumed: 0, expired: 0, voided: 100, rolledOut: 0 })
    expect(counters(result, 'Q')).toEqual({ remaining: 0, consumed: 30, expired: 70, voided: 0, rolledOut: 0 })
    expect(paidBy(result, 'refund:P')).toEqual({ Q: 30 })
    expect(result.balance).toMatchObject({ balance: 0, debt: 0 })
    expect(noticesOf(result, 'negative_balance')).toEqual([])
    expectConserved(result)
  })

  it('clawback with nothing else to pay: the 30 become debt until the next purchase', () => {
    // Only P. Jan 20 refund → debt 30 (balance −30, notice). Mar 1: R 50 → repays 30 → 20.
    const later = lot('R', 50, '2026-03-01T00:00:00Z')
    const result = run([lots[0] as LotFact, later], usage, [voidOf('P', '2026-01-20T00:00:00Z', 'clawback')])
    expect(noticesOf(result, 'negative_balance')).toEqual([
      { kind: 'negative_balance', at: at('2026-01-20T00:00:00Z'), debt: 30 },
    ])
    expect(paidBy(result, 'refund:P')).toEqual({ R: 30 })
    expect(result.balance).toMatchObject({ balance: 20, debt: 0 })
    expectConserved(result)
  })
})

describe('§11 #24: voiding a lot that is no longer live is a no-op, said so', () => {
  const expiring = lot('L', 100, '2026-01-01T00:00:00Z', { expiry: { kind: 'at', at: at('2026-02-01T00:00:00Z') } })
  const usedUp = lot('L', 100, '2026-01-01T00:00:00Z')

  it.each([
    ['already expired', expiring, [], 'forward', 'the lot is no longer live', { expired: 100, voided: 0 }],
    ['already expired, clawback', expiring, [], 'clawback', 'the lot is no longer live', { expired: 100, voided: 0 }],
    [
      'fully consumed',
      usedUp,
      [use('all', 100, '2026-01-10T00:00:00Z')],
      'forward',
      'nothing left to void',
      { consumed: 100, voided: 0 },
    ],
  ] as const)('%s (%s)', (_case, l, usage, mode, reason, expected) => {
    const result = run([l], usage, [voidOf('L', '2026-02-10T00:00:00Z', mode)])
    expect(counters(result, 'L')).toMatchObject(expected)
    expect(noticesOf(result, 'event_ignored')).toEqual([
      { kind: 'event_ignored', at: at('2026-02-10T00:00:00Z'), lotId: 'L', reason },
    ])
    expect(lotOf(result, 'L').history.some((h) => h.type === 'void')).toBe(false)
  })

  it('but a refund (clawback) of a fully consumed lot is not a no-op: what it paid is owed again', () => {
    const usage = [use('all', 100, '2026-01-10T00:00:00Z')]
    const result = run([usedUp], usage, [voidOf('L', '2026-02-10T00:00:00Z', 'clawback')])
    expect(counters(result, 'L')).toMatchObject({ consumed: 0, voided: 100 })
    expect(result.balance).toMatchObject({ balance: -100, debt: 100 })
  })

  it('voiding a lot before it is effective: it is never granted', () => {
    const future = lot('F', 100, '2026-03-01T00:00:00Z')
    const result = run([future], [], [voidOf('F', '2026-02-10T00:00:00Z', 'forward')])
    expect(lotOf(result, 'F')).toMatchObject({ granted: 0, remaining: 0, voided: 0, status: 'closed' })
    expect(result.balance.balance).toBe(0)
    expectConserved(result)
  })
})

describe('§11 #25: retracting a lot that repaid debt', () => {
  // Jan 10: 50 used, nothing to pay → debt 50. A: 100 on Feb 1 repays it → 50. B: 30 on Mar 1.
  const usage = [use('jan10', 50, '2026-01-10T00:00:00Z')]
  const lots = [lot('A', 100, '2026-02-01T00:00:00Z'), lot('B', 30, '2026-03-01T00:00:00Z')]

  it('as recorded: A repays, balance 50 + 30', () => {
    const result = run(lots, usage)
    expect(paidBy(result, 'jan10')).toEqual({ debt: 50, A: 50 })
    expect(result.balance).toMatchObject({ balance: 80, debt: 0 })
  })

  it('retracted (A was a data-entry error): the debt stays until B, which pays 30 of it', () => {
    const result = run(lots, usage, [{ kind: 'retract', lotId: 'A', createdSeq: 1 }])
    expect(result.lots.map((l) => l.id)).toEqual(['B'])
    expect(paidBy(result, 'jan10')).toEqual({ debt: 50, B: 30 })
    expect(result.balance).toMatchObject({ balance: -20, debt: 20 })
    expectConserved(result, usage)
  })
})

describe('§11 #26: a negative balance, then purchases', () => {
  // Jan 10: 30 untagged usage → debt 30. Jan 15: R 100 only for model:x → cannot repay it (balance 100 − 30 = 70).
  // Jan 20: U 20 for anything → repays 20 of it (debt 10; balance 100 − 10 = 90). Jan 25: 10 model:x usage → R.
  const usage = [
    use('jan10', 30, '2026-01-10T00:00:00Z'),
    use('jan25', 10, '2026-01-25T00:00:00Z', { tags: ['model:x'] }),
  ]
  const lots = [lot('R', 100, '2026-01-15T00:00:00Z', { tags: ['model:x'] }), lot('U', 20, '2026-01-20T00:00:00Z')]
  const result = replay(facts({ lots, usage }), {
    until: at('2026-02-01T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-01-16T00:00:00Z'), at('2026-01-21T00:00:00Z')],
  })

  it('repays the debt from the next eligible purchase and shows the net balance', () => {
    expect(result.snapshots.map((s) => [s.balance, s.debt])).toEqual([
      [70, 30],
      [90, 10],
    ])
    expect(paidBy(result, 'jan10')).toEqual({ debt: 30, U: 20 })
    expect(lotOf(result, 'U').history.map((h) => h.type)).toEqual(['grant', 'repay'])
  })

  it('never lets a restricted lot repay unrelated debt', () => {
    expect(counters(result, 'R')).toMatchObject({ consumed: 10, remaining: 90 })
    expect(result.balance).toMatchObject({ balance: 80, debt: 10 })
    expectConserved(result, usage)
  })
})

describe('§11 #27: debt when the account forbids overdraft', () => {
  it('is still recorded, and flagged once per overrun', () => {
    // 50 credits; Jan 10: 80 → 30 over → over_limit (not a silent drop). Jan 12: 5 more → 35 owed, no second flag.
    // Feb 1: 100 bought → repays 35 → 65; Feb 5: 70 → 5 over again → flagged again.
    const usage = [
      use('jan10', 80, '2026-01-10T00:00:00Z'),
      use('jan12', 5, '2026-01-12T00:00:00Z'),
      use('feb5', 70, '2026-02-05T00:00:00Z'),
    ]
    const lots = [lot('a', 50, '2026-01-01T00:00:00Z'), lot('b', 100, '2026-02-01T00:00:00Z')]
    const result = replay(facts({ account: account({ overdraft: { mode: 'none', limit: 0 } }), lots, usage }), {
      until: at('2026-03-01T00:00:00Z'),
    })
    expect(result.notices).toEqual([
      { kind: 'over_limit', at: at('2026-01-10T00:00:00Z'), debt: 30, usageId: 'jan10' },
      { kind: 'over_limit', at: at('2026-02-05T00:00:00Z'), debt: 5, usageId: 'feb5' },
    ])
    expect(result.balance).toMatchObject({ balance: -5, debt: 5 })
    expectConserved(result, usage)
  })
})

describe('§11 #28: a vendor reverses a charge that had consumed credits', () => {
  // The model has no "reversal" fact that returns credit to the lot that paid (that needs each usage's allocation
  // kept, which big replays do not). Expressible today, Lago-style: re-credit as a new lot effective at the reversal,
  // with the paying lot's expiry, price and priority. P: 100 for $100 (expires Jun 1); Jan 10: 40 used → P.
  // Feb 1: the vendor reverses those 40 → R: 40, same expiry and price. Mar 1: 70 used → P 60, then R 10 (same
  // priority, expiry and price; P is older). Jun 1: R's 30 expire with P's date, as P's would have.
  const expiry = { kind: 'at', at: at('2026-06-01T00:00:00Z') } as const
  const paid = lot('P', 100, '2026-01-01T00:00:00Z', { cost: { amount: 100, currency: 'USD' }, expiry })
  const reinstated = (expiresAt = expiry) =>
    lot('R', 40, '2026-02-01T00:00:00Z', {
      kind: 'adjustment',
      cost: { amount: 40, currency: 'USD' },
      expiry: expiresAt,
    })
  const usage = [use('jan10', 40, '2026-01-10T00:00:00Z'), use('mar1', 70, '2026-03-01T00:00:00Z')]

  it('reinstates the credit with the original expiry and cost basis', () => {
    const result = run([paid, reinstated()], usage, [], '2026-07-01')
    expect(paidBy(result, 'mar1')).toEqual({ P: 60, R: 10 })
    expect(counters(result, 'R')).toMatchObject({ consumed: 10, expired: 30 })
    expect(lotOf(result, 'R').expiresAt).toBe(lotOf(result, 'P').expiresAt)
    expectConserved(result, usage)
  })

  it('loses a reinstated credit whose original expiry has already passed (never usable)', () => {
    const gone = reinstated({ kind: 'at', at: at('2026-01-20T00:00:00Z') })
    const result = run([paid, gone], usage, [], '2026-07-01')
    expect(lotOf(result, 'R')).toMatchObject({ granted: 0, consumed: 0, status: 'closed' })
    expect(paidBy(result, 'mar1')).toEqual({ P: 60, debt: 10 })
    expectConserved(result, usage)
  })
})
