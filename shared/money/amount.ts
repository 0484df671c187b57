/**
 * Amounts are integers of minor units (10^-scale of their unit, see units.ts) held as plain JS numbers:
 * measured 5× faster than bigint for the ledger's hot loops. A number stays exact only up to
 * Number.MAX_SAFE_INTEGER (2^53 − 1, about 9 billion at scale 6), so every operation here checks its
 * inputs and its result and throws a RangeError instead of returning a silently rounded number.
 * bigint is used only inside a single operation that needs it (a product, an overflowing running sum).
 */

/** An amount in minor units: always a safe integer (checked at every arithmetic step, not by the type). */
export type Minor = number

/** Returns `value` when it is a safe integer, else throws a RangeError naming `what`. */
export const checkSafe = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer of minor units, got ${String(value)}`)
  }
  // -0 is a safe integer but prints as "0" and compares equal: normalize so Object.is checks stay simple.
  return value === 0 ? 0 : value
}

const checkBig = (value: bigint, what: string): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} is beyond the safe integer range: ${value.toString()}`)
  }
  return Number(value)
}

/**
 * a + b. For two safe integers the float sum is exact whenever the true sum is safe, and at least 2^53
 * (so unsafe, caught) when it is not: the result check alone is enough.
 */
export const addMinor = (a: number, b: number): number =>
  checkSafe(checkSafe(a, 'addMinor: a') + checkSafe(b, 'addMinor: b'), 'addMinor: a + b')

export const subMinor = (a: number, b: number): number =>
  checkSafe(checkSafe(a, 'subMinor: a') - checkSafe(b, 'subMinor: b'), 'subMinor: a - b')

/** a × b, exact or a RangeError (same argument as addMinor: an unsafe true product yields an unsafe float). */
export const mulMinor = (a: number, b: number): number =>
  checkSafe(checkSafe(a, 'mulMinor: a') * checkSafe(b, 'mulMinor: b'), 'mulMinor: a × b')

/**
 * Exact sum. Sums in numbers while the running total stays safe and switches to bigint when it does not,
 * so an intermediate overflow that later cancels (credits then debits) still gives the exact result;
 * only a final total beyond the safe range throws.
 */
export const sumMinor = (values: Iterable<number>): number => {
  let total = 0
  let big: bigint | undefined
  let index = 0
  for (const value of values) {
    checkSafe(value, `sumMinor: value #${index}`)
    index += 1
    if (big !== undefined) {
      big += BigInt(value)
      continue
    }
    const next = total + value
    if (Number.isSafeInteger(next)) total = next
    else big = BigInt(total) + BigInt(value)
  }
  return big === undefined ? total + 0 : checkBig(big, 'sumMinor: total')
}

/**
 * How mulDiv rounds the exact quotient. 'floor' is what rollover needs (floor(R × f): the expiring
 * remainder absorbs the rounding); 'half-even' is the unbiased choice for conversions at a rate;
 * 'trunc' (toward zero) and 'ceil' complete the set for reversals of negative amounts.
 */
export type Rounding = 'floor' | 'ceil' | 'trunc' | 'half-even'

/**
 * Exact a × b / c (c > 0) rounded once: actions × rate / per, R × num / den, amount × cost / quantity.
 * The product can exceed 2^53 even when the quotient does not, hence bigint inside.
 */
export const mulDiv = (a: number, b: number, c: number, rounding: Rounding = 'floor'): number => {
  checkSafe(a, 'mulDiv: a')
  checkSafe(b, 'mulDiv: b')
  checkSafe(c, 'mulDiv: c')
  if (c <= 0) throw new RangeError(`mulDiv: divisor must be positive, got ${c}`)
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  let q = n / d // bigint division truncates toward zero
  const r = n % d // same sign as n
  if (r !== 0n) {
    const negative = n < 0n
    const away = negative ? -1n : 1n
    if (rounding === 'floor') {
      if (negative) q -= 1n
    } else if (rounding === 'ceil') {
      if (!negative) q += 1n
    } else if (rounding === 'half-even') {
      const twice = 2n * (negative ? -r : r)
      if (twice > d || (twice === d && q % 2n !== 0n)) q += away
    }
  }
  return checkBig(q, 'mulDiv: result')
}

/**
 * Splits `total` into `parts` integers that sum to it exactly: every part gets the truncated share and
 * the last one also takes the remainder (an annual plan released monthly: 12 releases sum to the plan).
 * A negative total splits the same way with negative parts, so a reversal mirrors its original split.
 */
export const splitEvenly = (total: number, parts: number): number[] => {
  checkSafe(total, 'splitEvenly: total')
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`splitEvenly: parts must be a positive integer, got ${String(parts)}`)
  }
  // % on integers is exact in floating point; (total - remainder) is then an exact multiple of parts,
  // so the division is exact too (a plain Math.trunc(total / parts) can round up near 2^53).
  const remainder = total % parts
  const share = (total - remainder) / parts + 0
  const result = new Array<number>(parts).fill(share)
  result[parts - 1] = share + remainder + 0
  return result
}

export const minMinor = (first: number, ...rest: number[]): number =>
  rest.reduce(
    (min, value, i) => Math.min(min, checkSafe(value, `minMinor: value #${i + 1}`)),
    checkSafe(first, 'minMinor: value #0'),
  )

export const maxMinor = (first: number, ...rest: number[]): number =>
  rest.reduce(
    (max, value, i) => Math.max(max, checkSafe(value, `maxMinor: value #${i + 1}`)),
    checkSafe(first, 'maxMinor: value #0'),
  )
