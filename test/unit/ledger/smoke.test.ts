import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import { at, counters, facts, local, lot, program, use } from './facts'

describe('ledger smoke', () => {
  it('draws monthly credits first, then the add-on that never expires; monthly resets at renewal', () => {
    const result = replay(
      facts({
        programs: [program('monthly', { anchor: { local: local('2026-01-15'), zone: 'UTC' }, amountPerPeriod: 100 })],
        lots: [lot('addon', 50, '2026-01-16T00:00:00Z', { kind: 'addon', priority: 20 })],
        usage: [
          use('u1', 80, '2026-01-20T00:00:00Z'),
          use('u2', 30, '2026-02-10T00:00:00Z'),
          use('u3', 10, '2026-02-20T00:00:00Z'),
        ],
      }),
      { until: at('2026-03-16T00:00:00Z'), snapshots: [at('2026-03-15T00:00:00Z')] },
    )
    expect(counters(result, 'monthly#0')).toEqual({ remaining: 0, consumed: 100, expired: 0, voided: 0, rolledOut: 0 })
    expect(counters(result, 'addon')).toMatchObject({ remaining: 40, consumed: 10 })
    expect(counters(result, 'monthly#1')).toMatchObject({ consumed: 10, expired: 90, remaining: 0 })
    expect(counters(result, 'monthly#2')).toMatchObject({ remaining: 100 })
    expect(result.snapshots[0]?.balance).toBe(140)
  })
})
