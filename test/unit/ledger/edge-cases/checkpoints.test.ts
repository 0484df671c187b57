import { describe, expect, it } from 'vitest'
import type { LedgerFacts } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, facts, local, lot, program, rechargeRule, use } from '../facts'

/**
 * Resuming from a checkpoint equals replaying from scratch (ledger-semantics §10 #6), for the rules the scenario
 * tests rely on that generic property tests do not generate: billed overage, top-ups tied to a plan (bought before
 * and after it ended), refunds with clawback, banks carried across a plan change, recharges confirmed by receipts.
 * Splits fall on boundaries, on usage instants and between them.
 */

const UTC = { zone: 'UTC' }
const monthly = (id: string, extra: Partial<Parameters<typeof program>[1]> = {}) =>
  program(id, { anchor: { local: local('2026-01-01'), ...UTC }, amountPerPeriod: 100, ...extra })

const ledgers: [string, LedgerFacts][] = [
  [
    'billed overage',
    facts({
      account: account({ overdraft: { mode: 'limit', limit: 50, billedWith: 'plan' } }),
      programs: [monthly('plan')],
      usage: [
        use('u1', 130, '2026-01-20T00:00:00Z'),
        use('u2', 40, '2026-02-10T00:00:00Z'),
        use('u3', 180, '2026-03-05T00:00:00Z'),
      ],
    }),
  ],
  [
    'top-ups tied to a plan, and a refund with clawback',
    facts({
      programs: [monthly('plan', { endsAt: at('2026-02-15T00:00:00Z') })],
      lots: [
        lot('t1', 50, '2026-01-10T00:00:00Z', { priority: 20, endsWithProgram: 'plan' }),
        lot('t2', 30, '2026-03-10T00:00:00Z', { priority: 20, endsWithProgram: 'plan' }),
        lot('p', 40, '2026-01-05T00:00:00Z', { priority: 30 }),
        lot('q', 60, '2026-01-05T00:00:00Z', { priority: 40, expiry: { kind: 'at', at: at('2026-04-01T00:00:00Z') } }),
      ],
      usage: [use('u1', 170, '2026-01-25T00:00:00Z'), use('u2', 10, '2026-03-20T00:00:00Z')],
      lotEvents: [{ kind: 'void', lotId: 'p', at: at('2026-02-20T00:00:00Z'), mode: 'clawback', createdSeq: 1 }],
    }),
  ],
  [
    'a bank carried across a plan change',
    facts({
      programs: [
        monthly('v1', {
          rollover: { mode: 'capped', cap: 100 },
          rolled: { periods: 6, priority: 5 },
          endsAt: at('2026-03-01T00:00:00Z'),
        }),
        program('v2', {
          anchor: { local: local('2026-03-01'), ...UTC },
          amountPerPeriod: 100,
          rollover: { mode: 'capped', cap: 50 },
          rolled: { periods: 6, priority: 5 },
          replaces: 'v1',
        }),
      ],
      usage: [use('u1', 30, '2026-03-10T00:00:00Z'), use('u2', 40, '2026-05-10T00:00:00Z')],
    }),
  ],
  [
    'recharges confirmed by receipts, then capped',
    facts({
      lots: [
        lot('start', 10, '2026-01-01T00:00:00Z'),
        lot('receipt', 10, '2026-01-10T00:30:00Z', { kind: 'auto_recharge' }),
      ],
      rechargeRules: [rechargeRule('r', { threshold: 5, amount: 10, monthlyMaxCount: 2, confirmWithinMs: 3_600_000 })],
      usage: [
        use('u1', 6, '2026-01-10T00:00:00Z'),
        use('u2', 12, '2026-01-20T00:00:00Z'),
        use('u3', 9, '2026-01-25T00:00:00Z'),
        use('u4', 3, '2026-02-02T00:00:00Z'),
      ],
    }),
  ],
]

const witnesses: Record<string, string[]> = {
  'billed overage': ['negative_balance', 'overage_billed', 'over_limit', 'overage_billed'],
  // The refund is paid back by February's credits at once, the late top-up expires on arrival: nothing to flag.
  'top-ups tied to a plan, and a refund with clawback': [],
  'a bank carried across a plan change': [],
  // Rule: at or below 5 buy 10, at most 2 a month, a receipt within 1 h confirms. Jan 10 00:00: 10 − 6 = 4 → projected
  // (January 1). 00:30: the receipt replaces it (still 1: the receipt instead of the projection); 14. Jan 20: 14 − 12
  // = 2 → projected (January 2) → 12. Jan 25: 12 − 9 = 3 → a third would break the cap: blocked until Feb 1.
  // Feb 2: 3 − 3 = 0 → projected (February 1). The splits at 00:00+1 and 00:15 resume with the projection open.
  'recharges confirmed by receipts, then capped': [
    'recharge_projected',
    'recharge_projected',
    'recharge_blocked',
    'recharge_projected',
  ],
}
const until = at('2026-07-01T00:00:00Z')
const splits = [
  ...[
    '01-01',
    '01-10',
    '01-20',
    '01-25',
    '02-01',
    '02-15',
    '02-20',
    '03-01',
    '03-05',
    '03-10',
    '04-01',
    '05-10',
    '06-01',
  ]
    .map((day) => at(`2026-${day}T00:00:00Z`))
    .flatMap((instant) => [instant, instant + 1]),
  at('2026-01-10T00:15:00Z'),
  at('2026-02-10T12:00:00Z'),
]
const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('checkpoints: resuming equals replaying from scratch', () => {
  it.each(ledgers)('%s', (name, ledger) => {
    const whole = replay(ledger, { until })
    // The ledgers do exercise their rules (checked by hand once, kept so they cannot silently become trivial).
    expect(whole.notices.map((n) => n.kind)).toEqual(witnesses[name])
    for (const split of splits) {
      const resumed = replay(ledger, { until, from: replay(ledger, { until: split }).state })
      const label = new Date(split).toISOString()
      expect({ label, lots: byId(resumed.lots) }).toEqual({ label, lots: byId(whole.lots) })
      expect({ label, notices: resumed.notices, balance: resumed.balance }).toEqual({
        label,
        notices: whole.notices,
        balance: whole.balance,
      })
    }
  })
})
