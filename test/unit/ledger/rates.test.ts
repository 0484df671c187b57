import { describe, expect, it } from 'vitest'
import { rateAt, resolveUsageAmount, type RateEntry } from '@shared/ledger/rates'
import { at } from './facts'

/** Rate tables: exact pricing of actions and tokens, with effective dates. */

const JAN = at('2026-01-01T00:00:00Z')
const MAR = at('2026-03-01T00:00:00Z')
const rate = (
  key: string,
  effectiveFrom: number,
  numerator: number,
  denominator: number,
  accountId = 'a',
): RateEntry => ({
  accountId,
  key,
  effectiveFrom,
  numerator,
  denominator,
})
// Credits per action (Schematic) and micro-USD per 1,000,000 tokens ($2.50 / 1M input tokens, $10 / 1M output).
const rates = [
  rate('image', JAN, 25, 1),
  rate('text', JAN, 1, 1),
  rate('image', MAR, 30, 1),
  rate('gpt-4o:input', JAN, 2_500_000, 1_000_000),
  rate('gpt-4o:output', JAN, 10_000_000, 1_000_000),
]
const price = (key: string, quantity: number, occurredAt = MAR) =>
  resolveUsageAmount({ accountId: 'a', key, quantity, occurredAt }, rates)

describe('resolveUsageAmount', () => {
  it.each([
    ['image', 3, JAN, 75, false],
    ['image', 3, MAR - 1, 75, false], // the old rate up to the change
    ['image', 3, MAR, 90, false], // the new one from its first instant
    ['text', 0, MAR, 0, false],
    ['gpt-4o:input', 1234, MAR, 3085, false], // 1234 × 2.5
    ['gpt-4o:input', 1, MAR, 2, true], // 2.5 → 2 (half-even)
    ['gpt-4o:input', 3, MAR, 8, true], // 7.5 → 8
    ['gpt-4o:input', 5, MAR, 12, true], // 12.5 → 12
    ['gpt-4o:output', 7, MAR, 70, false],
    // 10^12 tokens: the product 2.5 × 10^18 is beyond 2^53, the quotient 2.5 × 10^12 is not → exact.
    ['gpt-4o:input', 1_000_000_000_000, MAR, 2_500_000_000_000, false],
  ])('%s × %i at %i → %i (rounded: %s)', (key, quantity, when, amount, rounded) => {
    expect(price(key, quantity, when)).toMatchObject({ ok: true, amount, rounded })
  })

  it('names the rate it used', () => {
    const resolved = price('image', 1)
    expect(resolved.ok && resolved.rate).toEqual(rate('image', MAR, 30, 1))
  })

  it.each([
    ['an unknown action', 'video', 1, MAR, /no rate for "video"/],
    ['usage before the first rate', 'image', 1, JAN - 1, /the first one starts 2026-01-01/],
    ['a negative quantity', 'image', -1, MAR, /non-negative whole number/],
    ['a fractional quantity', 'image', 1.5, MAR, /non-negative whole number/],
    ['a result beyond safe integers', 'gpt-4o:output', Number.MAX_SAFE_INTEGER, MAR, /out of range/],
  ])('refuses %s', (_case, key, quantity, when, reason) => {
    const resolved = price(key, quantity, when)
    expect(resolved.ok).toBe(false)
    if (!resolved.ok) expect(resolved.reason).toMatch(reason)
  })

  it('keeps accounts apart', () => {
    expect(resolveUsageAmount({ accountId: 'b', key: 'image', quantity: 1, occurredAt: MAR }, rates).ok).toBe(false)
  })
})

describe('rateAt', () => {
  it('reports two different rates starting at the same instant instead of guessing', () => {
    const found = rateAt([rate('image', MAR, 30, 1), rate('image', MAR, 31, 1)], 'a', 'image', MAR)
    expect(found).toMatchObject({ ok: false, reason: expect.stringMatching(/two different rates/) })
  })

  it('accepts the same rate recorded twice, even written differently', () => {
    expect(rateAt([rate('image', MAR, 30, 1), rate('image', MAR, 60, 2)], 'a', 'image', MAR).ok).toBe(true)
  })

  it('a later entry supersedes a conflict of earlier ones', () => {
    const table = [rate('image', JAN, 25, 1), rate('image', JAN, 26, 1), rate('image', MAR, 30, 1)]
    expect(rateAt(table, 'a', 'image', MAR)).toMatchObject({ ok: true, rate: { numerator: 30 } })
    expect(rateAt(table, 'a', 'image', JAN).ok).toBe(false)
  })

  it('refuses a broken rate (zero divisor, negative or fractional numerator)', () => {
    for (const broken of [rate('x', JAN, 1, 0), rate('x', JAN, -1, 1), rate('x', JAN, 0.5, 1)]) {
      expect(rateAt([broken], 'a', 'x', MAR).ok).toBe(false)
    }
  })
})
