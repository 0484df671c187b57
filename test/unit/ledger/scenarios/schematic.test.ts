import { describe, expect, it } from 'vitest'
import { balanceBreakdown, usageByTagPrefix } from '@shared/ledger/breakdown'
import { resolveUsageAmount, type RateEntry } from '@shared/ledger/rates'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lot, lotOf, program, use } from '../facts'
import { balances, expectConserved, paidBy } from '../expect-ledger'

/**
 * Schematic-style AI credits (seeds/002): credits per action from a per-account rate table (an image 25 credits,
 * a text request 1; images cost 30 from Mar 1 2026), monthly credits with "up to one extra month" of rollover,
 * promotional grants, trials, and usage broken down by subject. Zone UTC, whole credits.
 */
const ACCOUNT = 'workspace'
const rates: RateEntry[] = [
  { accountId: ACCOUNT, key: 'image', effectiveFrom: at('2025-12-01T00:00:00Z'), numerator: 25, denominator: 1 },
  { accountId: ACCOUNT, key: 'text', effectiveFrom: at('2025-12-01T00:00:00Z'), numerator: 1, denominator: 1 },
  { accountId: ACCOUNT, key: 'image', effectiveFrom: at('2026-03-01T00:00:00Z'), numerator: 30, denominator: 1 },
]
/** A usage record priced through the rate table in force when it happened. */
const metered = (id: string, key: string, quantity: number, when: string, subject: string) => {
  const resolved = resolveUsageAmount({ accountId: ACCOUNT, key, quantity, occurredAt: at(when) }, rates)
  if (!resolved.ok) throw new Error(resolved.reason)
  return use(id, resolved.amount, when, { accountId: ACCOUNT, tags: [`subject:${subject}`, `action:${key}`] })
}

// Trial: 300 credits from Dec 18 2025 until the trial ends Jan 1 2026.
const trial = lot('trial', 300, '2025-12-18T00:00:00Z', {
  kind: 'trial',
  funding: 'promotional',
  cost: { amount: 0, currency: 'USD' },
  expiry: { kind: 'at', at: at('2026-01-01T00:00:00Z') },
  priority: 10,
})
// Growth plan: 1000 a month from Jan 1; unused credits roll into the next month only (cap = one month's
// allowance, rolled lots live one more period) and are spent first (priority 5).
const growth = program('growth', {
  anchor: { local: local('2026-01-01'), zone: 'UTC' },
  amountPerPeriod: 1000,
  rollover: { mode: 'capped', cap: 1000 },
  rolled: { periods: 1, priority: 5 },
})
// A promotional grant of 200 on Feb 1, valid until Apr 15, spent after the monthly credits.
const promo = lot('promo', 200, '2026-02-01T00:00:00Z', {
  kind: 'promo',
  funding: 'promotional',
  cost: { amount: 0, currency: 'USD' },
  expiry: { kind: 'at', at: at('2026-04-15T00:00:00Z') },
})

// Dec 20: 10 images × 25 = 250 (trial 300 → 50; 50 expire Jan 1).
// Jan 10: 20 images × 25 = 500; Jan 15: 100 texts × 1 = 100 → growth#0 1000 → 400.
// Feb 1: 400 roll (bank 0, cap 1000) into growth#0>rolled, usable until Mar 1; growth#1 = 1000.
// Feb 10: 10 images = 250; Feb 20: 50 texts = 50 → from the rolled 400 first → 100.
// Mar 1: the rolled 100 expire (one extra month only); growth#1's 1000 roll (the old rolled lot expires at this
//   very boundary, so the bank is 0) → 1000 rolled + 1000 new + 200 promo = 2200.
// Mar 5: 10 images × 30 (new rate) = 300 → rolled 1000 → 700. Apr 1: 700 expire; growth#2's 1000 roll.
// Apr 15: the promo expires unused (200): monthly credits always came first.
const usage = [
  metered('dec20', 'image', 10, '2025-12-20T12:00:00Z', 'design'),
  metered('jan10', 'image', 20, '2026-01-10T12:00:00Z', 'design'),
  metered('jan15', 'text', 100, '2026-01-15T12:00:00Z', 'research'),
  metered('feb10', 'image', 10, '2026-02-10T12:00:00Z', 'marketing'),
  metered('feb20', 'text', 50, '2026-02-20T12:00:00Z', 'design'),
  metered('mar5', 'image', 10, '2026-03-05T12:00:00Z', 'design'),
]
const result = replay(facts({ account: account({ id: ACCOUNT }), programs: [growth], lots: [trial, promo], usage }), {
  until: at('2026-05-01T00:00:00Z'),
  collectAllocations: true,
  snapshots: ['2026-01-31T23:59:59Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-15T00:00:00Z'].map(at),
})

describe('Schematic: credits per action through a rate table', () => {
  it.each([
    ['image', 10, '2026-02-28T23:59:59.999Z', 250], // 25 each until the change
    ['image', 10, '2026-03-01T00:00:00Z', 300], // 30 each from Mar 1 on
    ['text', 100, '2026-03-01T00:00:00Z', 100],
  ])('%s × %i at %s = %i credits', (key, quantity, when, amount) => {
    expect(resolveUsageAmount({ accountId: ACCOUNT, key, quantity, occurredAt: at(when) }, rates)).toMatchObject({
      ok: true,
      amount,
      rounded: false,
    })
  })

  it('refuses to price an action without a rate, or before its first rate', () => {
    expect(
      resolveUsageAmount(
        { accountId: ACCOUNT, key: 'video', quantity: 1, occurredAt: at('2026-03-01T00:00:00Z') },
        rates,
      ),
    ).toMatchObject({ ok: false })
    expect(
      resolveUsageAmount(
        { accountId: ACCOUNT, key: 'image', quantity: 1, occurredAt: at('2025-11-30T00:00:00Z') },
        rates,
      ),
    ).toMatchObject({ ok: false })
    expect(
      resolveUsageAmount(
        { accountId: 'other', key: 'image', quantity: 1, occurredAt: at('2026-03-01T00:00:00Z') },
        rates,
      ),
    ).toMatchObject({ ok: false })
  })

  it('draws the priced amounts', () => {
    expect(usage.map((u) => u.amount)).toEqual([250, 500, 100, 250, 50, 300])
    expect(paidBy(result, 'mar5')).toEqual({ 'growth#1>rolled': 300 })
  })
})

describe('Schematic: rollover of up to one extra month', () => {
  it('rolls the unused part into the next month only, spent first', () => {
    expect(counters(result, 'growth#0')).toEqual({ remaining: 0, consumed: 600, expired: 0, voided: 0, rolledOut: 400 })
    expect(lotOf(result, 'growth#0>rolled')).toMatchObject({
      granted: 400,
      consumed: 300,
      expired: 100,
      expiresAt: at('2026-03-01T00:00:00Z'),
    })
    expect(paidBy(result, 'feb10')).toEqual({ 'growth#0>rolled': 250 })
    expect(counters(result, 'growth#1')).toMatchObject({ consumed: 0, rolledOut: 1000, expired: 0 })
    expect(lotOf(result, 'growth#1>rolled')).toMatchObject({
      consumed: 300,
      expired: 700,
      expiresAt: at('2026-04-01T00:00:00Z'),
    })
  })

  it('never holds more than two months of credits (plus grants)', () => {
    expect(balances(result)).toEqual({
      '2026-01-31T23:59:59.000Z': 400,
      '2026-02-01T00:00:00.000Z': 400 + 1000 + 200,
      '2026-03-01T00:00:00.000Z': 1000 + 1000 + 200,
      '2026-04-15T00:00:00.000Z': 1000 + 1000,
    })
    expectConserved(result, usage)
  })
})

describe('Schematic: trials and promotional grants', () => {
  it('expires the trial credits at the trial end', () => {
    expect(counters(result, 'trial')).toEqual({ remaining: 0, consumed: 250, expired: 50, voided: 0, rolledOut: 0 })
    expect(lotOf(result, 'trial').closedAt).toBe(at('2026-01-01T00:00:00Z'))
  })

  it('keeps the promotional grant behind the monthly credits; it expires unused', () => {
    expect(counters(result, 'promo')).toMatchObject({ consumed: 0, expired: 200 })
    // End of April: growth#3 (1000) and the rollover made on Apr 1 (1000); nothing promotional or trial left.
    expect(balanceBreakdown(result)).toMatchObject({
      byKind: { subscription: 1000, rollover: 1000, promo: 0, trial: 0 },
      byFunding: { paid: 2000, promotional: 0 },
      balance: 2000,
    })
  })
})

describe('Schematic: usage by subject', () => {
  it('sums credits per subject, largest first', () => {
    // design 250 + 500 + 50 + 300 = 1100 (4 records); marketing 250; research 100.
    expect(usageByTagPrefix(usage, 'subject:')).toEqual([
      { value: 'design', amount: 1100, count: 4 },
      { value: 'marketing', amount: 250, count: 1 },
      { value: 'research', amount: 100, count: 1 },
    ])
  })

  it('limits the breakdown to a window (the paid plan, without the trial)', () => {
    expect(
      usageByTagPrefix(usage, 'subject:', { from: at('2026-01-01T00:00:00Z'), until: at('2026-04-01T00:00:00Z') }),
    ).toEqual([
      { value: 'design', amount: 850, count: 3 },
      { value: 'marketing', amount: 250, count: 1 },
      { value: 'research', amount: 100, count: 1 },
    ])
  })
})
