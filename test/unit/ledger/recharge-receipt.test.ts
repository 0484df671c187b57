import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import { at, counters, facts, lot, rechargeRule, use } from './facts'

describe('a receipt that confirms a projected recharge', () => {
  // Start lot 8. Rule: at or below 5, buy 10; a receipt within 1 h confirms. 10:00 use 4 → 4 left → projection
  // of 10 (balance 14). 10:05 use 5: the start lot pays 4, the projection 1.
  const ledger = (receiptTags: string[]) =>
    facts({
      lots: [
        lot('start', 8, '2026-03-01T00:00:00Z'),
        lot('receipt', 10, '2026-03-01T10:10:00Z', { kind: 'auto_recharge', tags: receiptTags }),
      ],
      usage: [use('u1', 4, '2026-03-01T10:00:00Z'), use('u2', 5, '2026-03-01T10:05:00Z')],
      rechargeRules: [rechargeRule('auto', { threshold: 5, amount: 10, confirmWithinMs: 3_600_000 })],
    })
  const until = at('2026-03-02T00:00:00Z')

  it('takes over what the projection paid for', () => {
    const result = replay(ledger([]), { until })
    expect(counters(result, 'receipt')).toMatchObject({ consumed: 1, remaining: 9 })
    expect(result.balance.balance).toBe(9)
  })

  it('restricted to some usage, does not pay for untagged usage: that part is owed instead', () => {
    const result = replay(ledger(['model:x']), { until })
    expect(counters(result, 'receipt')).toMatchObject({ consumed: 0, remaining: 10 })
    expect(result.balance).toMatchObject({ remaining: 10, debt: 1, balance: 9 })
  })
})
