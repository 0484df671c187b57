import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DRAWDOWN,
  DRAWDOWN_KEYS,
  drawdownComparator,
  FREE_FIRST_DRAWDOWN,
  type DrawdownKey,
  type DrawdownPolicy,
  type LotSortKey,
} from '@shared/ledger/drawdown-order'
import { runs } from './oracle'
import { timeout } from './scenario-arbitraries'

/** Invariant 18 of ledger-semantics §10: the drawdown order of every policy is a total order on lots. */

const MAX = Number.MAX_SAFE_INTEGER
/** Small pools of values so that ties (where the later keys decide) are common; extremes included. */
const keyArb: fc.Arbitrary<LotSortKey> = fc.record({
  id: fc.oneof(
    fc.constantFrom('a', 'b', 'l1', 'l10', 'l2', 'p0#1', 'p0#1>rolled', 'r0@5', ''),
    fc.string({ maxLength: 3 }),
  ),
  restricted: fc.boolean(),
  priority: fc.oneof(fc.constantFrom(0, 10, 20, -1), fc.integer({ min: -MAX, max: MAX })),
  expiresAt: fc.oneof(fc.constant(null), fc.constantFrom(0, 1, 1_767_225_600_000), fc.integer({ min: -MAX, max: MAX })),
  free: fc.boolean(),
  cost: fc.option(
    fc.record({
      amount: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: MAX })),
      units: fc.oneof(fc.constantFrom(0, 1, 2, 3, 6), fc.integer({ min: 0, max: MAX })),
    }),
    { nil: null },
  ),
  effectiveAt: fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: -MAX, max: MAX })),
  createdSeq: fc.oneof(fc.constantFrom(1, 2), fc.nat()),
})

const policyArb: fc.Arbitrary<DrawdownPolicy> = fc.oneof(
  fc.constant(DEFAULT_DRAWDOWN),
  fc.constant(FREE_FIRST_DRAWDOWN),
  fc.array(fc.constantFrom(...DRAWDOWN_KEYS), { maxLength: 8 }).map((keys) => ({ version: 1, keys })),
)

const sign = (value: number): number => (value < 0 ? -1 : value > 0 ? 1 : 0)

/**
 * Reference order written from the spec (§9.5), as tuples compared lexicographically: restricted first, lower
 * priority, sooner expiry (never last), free before paid then cheaper per unit (unknown cost last), earlier
 * effective, earlier created, then id.
 */
const reference = (policy: DrawdownPolicy) => {
  const cost = (key: LotSortKey): [number, bigint, bigint] =>
    key.cost === null ? [1, 0n, 1n] : [0, BigInt(key.cost.amount), BigInt(Math.max(key.cost.units, 1))]
  const compareKey = (k: DrawdownKey, a: LotSortKey, b: LotSortKey): number => {
    switch (k) {
      case 'restricted_first':
        return sign(Number(b.restricted) - Number(a.restricted))
      case 'priority':
        return sign(a.priority - b.priority)
      case 'soonest_expiry':
        return a.expiresAt === b.expiresAt ? 0 : sign((a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
      case 'free_first': {
        if (a.free !== b.free) return a.free ? -1 : 1
        const [na, pa, qa] = cost(a)
        const [nb, pb, qb] = cost(b)
        if (na !== nb) return sign(na - nb)
        const left = pa * qb
        const right = pb * qa
        return left === right ? 0 : left < right ? -1 : 1
      }
      case 'effective_at':
        return sign(a.effectiveAt - b.effectiveAt)
      case 'created_seq':
        return sign(a.createdSeq - b.createdSeq)
    }
  }
  return (a: LotSortKey, b: LotSortKey): number => {
    for (const k of policy.keys) {
      const order = compareKey(k, a, b)
      if (order !== 0) return order
    }
    return a.id === b.id ? 0 : a.id < b.id ? -1 : 1
  }
}

describe('ledger properties: drawdown comparator', () => {
  it(
    'P8 comparator totality: antisymmetric, transitive, 0 only for the same id (default, free-first, random key orders)',
    () => {
      fc.assert(
        fc.property(policyArb, keyArb, keyArb, keyArb, (policy, a, b, c) => {
          const compare = drawdownComparator(policy)
          expect(compare(a, a), 'reflexive').toBe(0)
          expect(sign(compare(a, b)), 'antisymmetric').toBe(0 - sign(compare(b, a)))
          if (compare(a, b) === 0) expect(a.id, '0 only for the same lot id').toBe(b.id)
          if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c), 'transitive').toBeLessThanOrEqual(0)
          if (compare(a, b) < 0 && compare(b, c) < 0) expect(compare(a, c), 'strictly transitive').toBeLessThan(0)
          expect(sign(compare(a, b)), 'agrees with the spec order').toBe(reference(policy)(a, b))
        }),
        runs(40),
      )
    },
    timeout,
  )

  it(
    'P8b sorting with the comparator gives one order whatever the input order',
    () => {
      fc.assert(
        fc.property(
          policyArb,
          fc.uniqueArray(keyArb, { selector: (key) => key.id, maxLength: 12 }),
          fc.integer(),
          (policy, keys, seed) => {
            const compare = drawdownComparator(policy)
            const sorted = [...keys].sort(compare)
            const shuffled = [...keys].sort((x, y) =>
              sign(((x.id.length * 31 + seed) % 7) - ((y.id.length * 31 + seed) % 7)),
            )
            expect(shuffled.sort(compare).map((key) => key.id)).toEqual(sorted.map((key) => key.id))
            for (let i = 1; i < sorted.length; i += 1) {
              expect(compare(sorted[i - 1] as LotSortKey, sorted[i] as LotSortKey)).toBeLessThan(0)
            }
          },
        ),
        runs(10),
      )
    },
    timeout,
  )
})
