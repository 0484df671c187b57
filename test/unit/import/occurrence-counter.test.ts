import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OccurrenceCounter } from '@shared/import/occurrence-counter'

/** The occurrence index behind row identities ("#0", "#1"…): what a Map of counts would answer, at any size. */

const numRuns = Number(process.env.FC_RUNS ?? 50)

describe('OccurrenceCounter', () => {
  it('counts each 64-bit hash on its own, through every growth of the table', () => {
    const word = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(59), { maxLength: 12_000 }),
        (hashes, picks) => {
          const counter = new OccurrenceCounter()
          const expected = new Map<string, number>()
          for (const pick of picks) {
            const [hi, lo] = hashes[pick % hashes.length] ?? [0, 0]
            const key = `${hi}:${lo}`
            const before = expected.get(key) ?? 0
            expected.set(key, before + 1)
            expect(counter.next(hi, lo)).toBe(before)
          }
        },
      ),
      { numRuns },
    )
  })

  it('keeps 200,000 distinct hashes apart, including ones that differ in one word only', () => {
    const counter = new OccurrenceCounter()
    for (let i = 0; i < 100_000; i += 1) {
      expect(counter.next(i, 7)).toBe(0)
      expect(counter.next(7, i)).toBe(i === 7 ? 1 : 0)
    }
    expect(counter.next(99_999, 7)).toBe(1)
  })
})
