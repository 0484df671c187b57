import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAWDOWN, FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import { replay } from '@shared/ledger/replay'
import { account, at, facts, lot, use } from './facts'

describe('a checkpoint belongs to one drawdown policy', () => {
  const ledger = (drawdown = DEFAULT_DRAWDOWN) =>
    facts({
      account: account({ drawdown }),
      lots: [
        lot('paid', 100, '2026-01-01T00:00:00Z'),
        lot('free', 100, '2026-01-01T00:00:00Z', { funding: 'promotional' }),
      ],
      usage: [use('u', 10, '2026-01-02T00:00:00Z')],
    })

  it('refuses to resume under a policy with the same version but another key order', () => {
    expect(DEFAULT_DRAWDOWN.version).toBe(FREE_FIRST_DRAWDOWN.version)
    const checkpoint = replay(ledger(), { until: at('2026-01-03T00:00:00Z') }).state
    expect(() => replay(ledger(FREE_FIRST_DRAWDOWN), { until: at('2026-02-01T00:00:00Z'), from: checkpoint })).toThrow(
      /another drawdown policy/,
    )
    expect(replay(ledger(), { until: at('2026-02-01T00:00:00Z'), from: checkpoint }).balance.balance).toBe(190)
  })
})
