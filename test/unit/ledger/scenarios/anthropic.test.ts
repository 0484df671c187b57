import { describe, expect, it } from 'vitest'
import { usageByTagPrefix } from '@shared/ledger/breakdown'
import type { LotEvent } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, duration, facts, lot, lotOf, rechargeRule, use } from '../facts'
import { balances, expectConserved, noticesOf, paidBy } from '../expect-ledger'

/**
 * Anthropic API prepaid usage credits (seeds/003): purchased credits expire one year after purchase and the expiry
 * "cannot be extended"; auto-reload when the balance falls below a threshold; failed requests are not charged.
 * Zone UTC, micro-USD.
 */
const USD = 1_000_000
const anthropic = account({ zone: 'UTC' })
const credits = lot('c1', 50 * USD, '2025-05-10T12:00:00Z', {
  cost: { amount: 50 * USD, currency: 'USD' },
  expiry: { kind: 'after', duration: duration('P1Y') },
})

describe('Anthropic: purchased credits expire one year after purchase', () => {
  // $50 bought May 10 2025 12:00Z, $20 used → $30 expire May 10 2026 12:00Z.
  const usage = [use('u1', 20 * USD, '2025-08-01T00:00:00Z')]

  it('expires what is left exactly a year later', () => {
    const result = replay(facts({ account: anthropic, lots: [credits], usage }), {
      until: at('2026-12-31T00:00:00Z'),
      snapshots: [at('2026-05-10T11:59:59Z'), at('2026-05-10T12:00:00Z')],
    })
    expect(counters(result, 'c1')).toEqual({
      remaining: 0,
      consumed: 20 * USD,
      expired: 30 * USD,
      voided: 0,
      rolledOut: 0,
    })
    expect(balances(result)).toEqual({ '2026-05-10T11:59:59.000Z': 30 * USD, '2026-05-10T12:00:00.000Z': 0 })
  })

  it('can represent an extension the vendor granted (expiry_change), which no preset would ever emit', () => {
    // Anthropic says the date cannot be extended, so presets never create this event; a user can still record a
    // support exception. Extension recorded May 1 2026 → Nov 10 2026: Jun 1 $5 is drawn, $25 expire on Nov 10.
    const extend: LotEvent = {
      kind: 'expiry_change',
      lotId: 'c1',
      at: at('2026-05-01T00:00:00Z'),
      expiresAt: at('2026-11-10T12:00:00Z'),
      createdSeq: 1,
    }
    const later = [...usage, use('jun', 5 * USD, '2026-06-01T00:00:00Z')]
    const result = replay(facts({ account: anthropic, lots: [credits], usage: later, lotEvents: [extend] }), {
      until: at('2026-12-31T00:00:00Z'),
      collectAllocations: true,
    })
    expect(paidBy(result, 'jun')).toEqual({ c1: 5 * USD })
    expect(lotOf(result, 'c1')).toMatchObject({ expiresAt: at('2026-11-10T12:00:00Z'), expired: 25 * USD })
    expect(lotOf(result, 'c1').closedAt).toBe(at('2026-11-10T12:00:00Z'))
  })

  it('ignores an extension recorded after the credits already expired, and says so', () => {
    const tooLate: LotEvent = {
      kind: 'expiry_change',
      lotId: 'c1',
      at: at('2026-05-11T00:00:00Z'),
      expiresAt: at('2026-11-10T12:00:00Z'),
      createdSeq: 1,
    }
    const result = replay(facts({ account: anthropic, lots: [credits], usage, lotEvents: [tooLate] }), {
      until: at('2026-12-31T00:00:00Z'),
    })
    expect(lotOf(result, 'c1')).toMatchObject({ expiresAt: at('2026-05-10T12:00:00Z'), expired: 30 * USD })
    expect(noticesOf(result, 'event_ignored')).toMatchObject([{ lotId: 'c1', at: at('2026-05-11T00:00:00Z') }])
  })
})

describe('Anthropic: auto-reload when the balance falls below a threshold', () => {
  // "Below $10" is strict: with integer micro-USD it is "at or below $9.999999", the engine's at-or-below rule.
  // Reload $25 each time, no monthly cap.
  const rule = rechargeRule('reload', {
    threshold: 10 * USD - 1,
    amount: 25 * USD,
    lot: {
      priority: 50,
      expiry: { kind: 'after', duration: duration('P1Y') },
      costPerUnit: { numerator: 1, denominator: 1, currency: 'USD' },
    },
  })
  // $50 credits; Jun 1: $40 → exactly $10 left: not below → no reload.
  // Jun 2: $0.01 → $9.99 → below → reload $25 → $34.99.
  const usage = [use('jun1', 40 * USD, '2025-06-01T00:00:00Z'), use('jun2', 10_000, '2025-06-02T00:00:00Z')]
  const result = replay(facts({ account: anthropic, lots: [credits], usage, rechargeRules: [rule] }), {
    until: at('2025-07-01T00:00:00Z'),
    snapshots: [at('2025-06-01T00:00:00Z'), at('2025-06-02T00:00:00Z')],
  })

  it('does not reload at exactly the threshold, reloads once just below it', () => {
    expect(balances(result)).toEqual({
      '2025-06-01T00:00:00.000Z': 10 * USD,
      '2025-06-02T00:00:00.000Z': 34_990_000,
    })
    expect(noticesOf(result, 'recharge_projected')).toMatchObject([{ at: at('2025-06-02T00:00:00Z') }])
    const reload = result.lots.find((l) => l.kind === 'auto_recharge')
    // The reload is a purchase like any other: it expires a year after its own date.
    expect(reload).toMatchObject({ granted: 25 * USD, expiresAt: at('2026-06-02T00:00:00Z'), projected: true })
    expectConserved(result, usage)
  })
})

describe('Anthropic: failed requests are not charged', () => {
  // Three requests on Jun 1: $2 ok, $3 failed (billable: false), $1 ok → $3 drawn, $47 left.
  const usage = [
    use('ok1', 2 * USD, '2025-06-01T10:00:00Z', { tags: ['model:claude-sonnet'] }),
    use('failed', 3 * USD, '2025-06-01T10:01:00Z', { tags: ['model:claude-opus'], billable: false }),
    use('ok2', 1 * USD, '2025-06-01T10:02:00Z', { tags: ['model:claude-opus'] }),
  ]
  const result = replay(facts({ account: anthropic, lots: [credits], usage }), {
    until: at('2025-07-01T00:00:00Z'),
    collectAllocations: true,
  })

  it('records the failed request but never draws it', () => {
    expect(paidBy(result, 'failed')).toEqual({})
    expect(counters(result, 'c1')).toMatchObject({ consumed: 3 * USD, remaining: 47 * USD })
    expect(result.balance.balance).toBe(47 * USD)
    expectConserved(result, usage)
  })

  it('leaves it out of the usage breakdown', () => {
    expect(usageByTagPrefix(usage, 'model:')).toEqual([
      { value: 'claude-sonnet', amount: 2 * USD, count: 1 },
      { value: 'claude-opus', amount: 1 * USD, count: 1 },
    ])
  })
})
