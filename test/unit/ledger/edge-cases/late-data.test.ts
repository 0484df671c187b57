import { describe, expect, it } from 'vitest'
import type { LotFact, UsageFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { at, counters, facts, lot, lotOf, use } from '../facts'
import { expectConserved, noticesOf, paidBy } from '../expect-ledger'

/**
 * ledger-semantics §11, items 16–17: facts that arrive late. Balances are a function of the facts, so a late fact
 * is simply replayed in its place: what expired shrinks, debt appears (or is repaid) at the fact's own time.
 */

const run = (lots: readonly LotFact[], usage: readonly UsageFact[]) =>
  replay(facts({ lots, usage }), {
    until: at('2026-04-01T00:00:00Z'),
    collectAllocations: true,
    snapshots: [at('2026-02-25T00:00:00Z'), at('2026-03-10T00:00:00Z'), at('2026-03-20T00:00:00Z')],
  })

describe('§11 #16: backdated usage after an expiry was posted', () => {
  // L: 100 from Jan 1, expires Mar 1. M: 50 from Mar 15. Jan 15: 40 used.
  const lots = [
    lot('L', 100, '2026-01-01T00:00:00Z', { expiry: { kind: 'at', at: at('2026-03-01T00:00:00Z') } }),
    lot('M', 50, '2026-03-15T00:00:00Z'),
  ]
  const known = [use('jan15', 40, '2026-01-15T00:00:00Z')]
  // Imported in April: 80 used on Feb 20, before L expired.
  const backdated = use('feb20', 80, '2026-02-20T00:00:00Z')

  it('before the import: 60 expired on Mar 1', () => {
    const result = run(lots, known)
    expect(counters(result, 'L')).toMatchObject({ consumed: 40, expired: 60 })
    expect(result.snapshots.map((s) => s.balance)).toEqual([60, 0, 50])
  })

  it('after it: the expiry shrinks to 0, 20 become debt on Feb 20, M repays them on Mar 15', () => {
    // L pays 60 of the 80 (40 + 60 = 100 consumed, nothing left to expire); 20 are owed from Feb 20.
    const usage = [...known, backdated]
    const result = run(lots, usage)
    expect(counters(result, 'L')).toMatchObject({ consumed: 100, expired: 0 })
    expect(paidBy(result, 'feb20')).toEqual({ L: 60, debt: 20, M: 20 })
    expect(noticesOf(result, 'negative_balance')).toEqual([
      { kind: 'negative_balance', at: at('2026-02-20T00:00:00Z'), debt: 20 },
    ])
    // Later balances shift: Feb 25 −20 (was 60), Mar 10 −20 (was 0), Mar 20 30 (was 50).
    expect(result.snapshots.map((s) => s.balance)).toEqual([-20, -20, 30])
    expectConserved(result, usage)
  })
})

describe('§11 #17: a backdated lot (late receipt)', () => {
  // Jan 10: 50 used with nothing recorded to pay it → debt 50.
  const usage = [use('jan10', 50, '2026-01-10T00:00:00Z')]

  it('effective after the usage: repays the debt at its own effective time', () => {
    const receipt = lot('R', 80, '2026-01-15T00:00:00Z')
    const result = run([receipt], usage)
    expect(lotOf(result, 'R').history.map((h) => [h.type, new Date(h.at).toISOString(), h.amount])).toEqual([
      ['grant', '2026-01-15T00:00:00.000Z', 80],
      ['repay', '2026-01-15T00:00:00.000Z', 50],
    ])
    expect(result.balance).toMatchObject({ balance: 30, debt: 0 })
    expectConserved(result, usage)
  })

  it('effective before the usage: pays it directly, and no debt ever existed', () => {
    const receipt = lot('R', 80, '2026-01-05T00:00:00Z')
    const result = run([receipt], usage)
    expect(paidBy(result, 'jan10')).toEqual({ R: 50 })
    expect(result.notices).toEqual([])
    expect(result.balance).toMatchObject({ balance: 30, debt: 0 })
  })
})
