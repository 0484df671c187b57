import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMinor,
  checkSafe,
  maxMinor,
  minMinor,
  mulDiv,
  mulMinor,
  splitEvenly,
  subMinor,
  sumMinor,
  type Rounding,
} from '@shared/money/amount'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const MAX = Number.MAX_SAFE_INTEGER
const safe = fc.maxSafeInteger()

/** Reference rounding of n / d (d > 0) written independently of mulDiv: via floor and the remainder. */
const referenceDiv = (n: bigint, d: bigint, rounding: Rounding): bigint => {
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d)
  const rest = n - floor * d // 0 ≤ rest < d
  if (rest === 0n) return floor
  switch (rounding) {
    case 'floor':
      return floor
    case 'ceil':
      return floor + 1n
    case 'trunc':
      return n < 0n ? floor + 1n : floor
    case 'half-even':
      if (2n * rest < d) return floor
      if (2n * rest > d) return floor + 1n
      return floor % 2n === 0n ? floor : floor + 1n
  }
}

describe('guards', () => {
  it.each([
    [0.5, 'fee'],
    [Number.NaN, 'fee'],
    [Infinity, 'fee'],
    [MAX + 1, 'fee'],
    [-(MAX + 1), 'fee'],
  ])('checkSafe(%s) throws a RangeError naming the value', (value, what) => {
    expect(() => checkSafe(value, what)).toThrow(RangeError)
    expect(() => checkSafe(value, what)).toThrow(/fee/)
  })

  it('passes safe integers through and normalizes -0', () => {
    expect(checkSafe(MAX, 'x')).toBe(MAX)
    expect(checkSafe(-MAX, 'x')).toBe(-MAX)
    expect(Object.is(checkSafe(-0, 'x'), 0)).toBe(true)
  })

  it('add, sub and mul throw at the edge instead of rounding', () => {
    expect(addMinor(MAX - 1, 1)).toBe(MAX)
    expect(() => addMinor(MAX, 1)).toThrow(RangeError)
    expect(() => addMinor(MAX, MAX)).toThrow(RangeError)
    expect(subMinor(-MAX + 1, 1)).toBe(-MAX)
    expect(() => subMinor(-MAX, 1)).toThrow(RangeError)
    expect(() => addMinor(1.5, 1)).toThrow(/addMinor: a/)
    expect(() => subMinor(1, Number.NaN)).toThrow(/subMinor: b/)
    expect(mulMinor(94_906_265, 94_906_265)).toBe(9_007_199_136_250_225)
    expect(() => mulMinor(94_906_267, 94_906_267)).toThrow(RangeError)
  })

  it('min and max are guarded conveniences', () => {
    expect(minMinor(3, -2, 7)).toBe(-2)
    expect(maxMinor(3, -2, 7)).toBe(7)
    expect(maxMinor(5)).toBe(5)
    expect(() => minMinor(1, 0.5)).toThrow(/minMinor: value #1/)
  })

  it('addMinor is exact or throws (property)', () => {
    fc.assert(
      fc.property(safe, safe, (a, b) => {
        const exact = BigInt(a) + BigInt(b)
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(() => addMinor(a, b)).toThrow(RangeError)
        else expect(BigInt(addMinor(a, b))).toBe(exact)
      }),
      { numRuns },
    )
  })
})

describe('sumMinor', () => {
  it('sums exactly, survives an intermediate overflow and throws on a final one', () => {
    expect(sumMinor([])).toBe(0)
    expect(sumMinor([1, 2, 3])).toBe(6)
    expect(sumMinor(new Set([10, -4]))).toBe(6)
    expect(sumMinor([MAX, MAX, -MAX, -MAX, 5])).toBe(5)
    expect(() => sumMinor([MAX, 1])).toThrow(/sumMinor: total/)
    expect(() => sumMinor([1, 0.1])).toThrow(/sumMinor: value #1/)
  })

  it('equals the bigint sum (property)', () => {
    fc.assert(
      fc.property(fc.array(safe, { maxLength: 20 }), (values) => {
        const exact = values.reduce((total, value) => total + BigInt(value), 0n)
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(() => sumMinor(values)).toThrow(RangeError)
        else expect(BigInt(sumMinor(values))).toBe(exact)
      }),
      { numRuns },
    )
  })
})

describe('mulDiv', () => {
  it.each<[number, number, number, Rounding, number]>([
    [7, 1, 2, 'floor', 3],
    [-7, 1, 2, 'floor', -4],
    [7, 1, 2, 'ceil', 4],
    [-7, 1, 2, 'trunc', -3],
    [5, 1, 2, 'half-even', 2],
    [7, 1, 2, 'half-even', 4],
    [-5, 1, 2, 'half-even', -2],
    [-7, 1, 2, 'half-even', -4],
    [11, 1, 4, 'half-even', 3],
    [9, 1, 4, 'half-even', 2],
    // rollover floor(R × f), f = 2/3
    [1_000_001, 2, 3, 'floor', 666_667],
    // a product far beyond 2^53 whose quotient is safe: 9e15 × 1e6 / 1e6
    [9_000_000_000_000_000, 1_000_000, 1_000_000, 'floor', 9_000_000_000_000_000],
    [MAX, MAX, MAX, 'floor', MAX],
  ])('mulDiv(%s, %s, %s, %s) = %s', (a, b, c, rounding, expected) => {
    expect(mulDiv(a, b, c, rounding)).toBe(expected)
  })

  it('defaults to floor and refuses bad input', () => {
    expect(mulDiv(10, 1, 3)).toBe(3)
    expect(() => mulDiv(1, 1, 0)).toThrow(/divisor must be positive/)
    expect(() => mulDiv(1, 1, -2)).toThrow(RangeError)
    expect(() => mulDiv(0.5, 1, 1)).toThrow(/mulDiv: a/)
    expect(() => mulDiv(MAX, 2, 1)).toThrow(/mulDiv: result/)
  })

  it('equals the bigint reference for every rounding (property)', () => {
    const rounding = fc.constantFrom<Rounding>('floor', 'ceil', 'trunc', 'half-even')
    const divisor = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: MAX }))
    fc.assert(
      fc.property(safe, safe, divisor, rounding, (a, b, c, mode) => {
        const exact = referenceDiv(BigInt(a) * BigInt(b), BigInt(c), mode)
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(() => mulDiv(a, b, c, mode)).toThrow(RangeError)
        else expect(BigInt(mulDiv(a, b, c, mode))).toBe(exact)
      }),
      { numRuns },
    )
  })
})

describe('splitEvenly', () => {
  it('puts the remainder on the last part', () => {
    expect(splitEvenly(100, 12)).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12])
    expect(splitEvenly(120_000_000, 12)).toEqual(Array<number>(12).fill(10_000_000))
    expect(splitEvenly(2, 3)).toEqual([0, 0, 2])
    expect(splitEvenly(-10, 3)).toEqual([-3, -3, -4])
    expect(splitEvenly(7, 1)).toEqual([7])
    expect(splitEvenly(0, 2).every((part) => Object.is(part, 0))).toBe(true)
    expect(splitEvenly(MAX, 3)).toEqual([3_002_399_751_580_330, 3_002_399_751_580_330, 3_002_399_751_580_331])
  })

  it('refuses bad part counts', () => {
    expect(() => splitEvenly(10, 0)).toThrow(/parts must be a positive integer/)
    expect(() => splitEvenly(10, 1.5)).toThrow(RangeError)
    expect(() => splitEvenly(0.5, 2)).toThrow(/splitEvenly: total/)
  })

  it('sums to the whole exactly, all but the last equal, the last within one share (property)', () => {
    fc.assert(
      fc.property(safe, fc.integer({ min: 1, max: 400 }), (total, parts) => {
        const split = splitEvenly(total, parts)
        expect(split).toHaveLength(parts)
        expect(split.reduce((sum, part) => sum + BigInt(part), 0n)).toBe(BigInt(total))
        const [first = 0] = split
        expect(split.slice(0, -1).every((part) => part === first)).toBe(true)
        const last = split[parts - 1] ?? 0
        expect(Math.abs(last - first)).toBeLessThan(parts)
      }),
      { numRuns },
    )
  })
})
