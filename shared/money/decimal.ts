/**
 * Exact decimal text ↔ integer minor units. Works on the digit string, never on parseFloat: 0.1 + 0.2 and
 * a 30-decimal vendor export ("0.000123456789012345678901234567") must not pass through binary floats.
 * Input problems (a user's or a vendor's text) come back as { ok: false, reason }; programming errors
 * (a bad scale, an unsafe amount to format) throw.
 */
import { checkSafe } from './amount'

/** 'reject': more fraction digits than the scale is an error. 'half-even': round, and say so. */
export type DecimalRounding = 'reject' | 'half-even'

export type ParsedDecimal =
  | {
      readonly ok: true
      /** Minor units (value × 10^scale), a safe integer. */
      readonly value: number
      /** True when digits beyond the scale were dropped; the caller records the rounding. */
      readonly rounded: boolean
      /** The exact input, normalized: no '+', no exponent, no leading or trailing zeros, "0" for zero. */
      readonly exact: string
    }
  | { readonly ok: false; readonly reason: string }

/** Scales beyond 15 cannot hold even 1.0 as a safe integer; units.ts caps real units at 6. */
const MAX_PARSE_SCALE = 15
/** An exponent this large is junk or an attack, never an amount; the bound also caps `exact`'s length. */
const MAX_EXPONENT = 1000

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

const checkScale = (scale: number): void => {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_PARSE_SCALE) {
    throw new RangeError(`scale must be an integer from 0 to ${MAX_PARSE_SCALE}, got ${String(scale)}`)
  }
}

const fail = (reason: string): ParsedDecimal => ({ ok: false, reason })

/** Names the most likely mistake so an import report can tell the user what to fix. */
const explain = (text: string): string => {
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) return `"${text}" is not a number`
  if (text.includes(',')) return `"${text}" has a comma: thousands separators and decimal commas are not accepted`
  if ((text.match(/\./g) ?? []).length > 1) return `"${text}" has more than one decimal point`
  if (/^[+-]?\.?([eE]|$)/.test(text)) return `"${text}" has no digits`
  const bad = /[^0-9.eE+-]/.exec(text)
  if (bad !== null) return `"${text}" has an unexpected character '${bad[0]}' at position ${bad.index + 1}`
  return `"${text}" is not a decimal number`
}

const half = (dropped: string): -1 | 0 | 1 => {
  // Compares 0.<dropped> with 0.5 digit by digit; dropped has no trailing zeros (stripped by the caller).
  const first = dropped.charCodeAt(0) - 48
  if (first !== 5) return first > 5 ? 1 : -1
  return dropped.length > 1 ? 1 : 0
}

/**
 * Parses "12.34", "-0.5", "+1", ".5", "1.5E-5" into minor units at `scale`. Trailing zeros beyond the
 * scale are exact and accepted ("1.500" at scale 0 is 1); other extra digits are rejected or rounded.
 */
export const parseDecimal = (text: string, scale: number, rounding: DecimalRounding = 'reject'): ParsedDecimal => {
  checkScale(scale)
  const trimmed = text.trim()
  if (trimmed === '') return fail('empty amount')
  const match = DECIMAL.exec(trimmed)
  const [, sign = '', intDigits = '', fracDigits = '', expText] = match ?? []
  if (match === null || (intDigits === '' && fracDigits === '')) return fail(explain(trimmed))
  const exponent = expText === undefined ? 0 : Number(expText)
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) {
    return fail(`"${trimmed}" has an exponent beyond ±${MAX_EXPONENT}`)
  }

  // value = digits × 10^point; normalize digits to no leading and no trailing zeros.
  let digits = (intDigits + fracDigits).replace(/^0+/, '')
  let point = exponent - fracDigits.length
  const trailing = digits.length - digits.replace(/0+$/, '').length
  digits = digits.slice(0, digits.length - trailing)
  point += trailing
  if (digits === '') return { ok: true, value: 0, rounded: false, exact: '0' }
  const negative = sign === '-'
  const exact = (negative ? '-' : '') + plain(digits, point)

  // minor = digits × 10^(point + scale)
  const shift = point + scale
  let magnitude: bigint
  let rounded = false
  if (shift >= 0) {
    if (digits.length + shift > 16) return tooLarge(trimmed, scale)
    magnitude = BigInt(digits + '0'.repeat(shift))
  } else {
    if (rounding === 'reject') {
      const places =
        scale === 0 ? 'no decimal places are' : `at most ${scale} decimal place${scale === 1 ? ' is' : 's are'}`
      return fail(`"${trimmed}" has ${-point} decimal places; ${places} allowed`)
    }
    const keep = digits.length + shift // digits left of the rounding position; may be ≤ 0
    const kept = keep > 0 ? BigInt(digits.slice(0, keep)) : 0n
    // A value below half a minor unit (keep < 0: at least one zero right after the rounding position) goes to 0.
    const direction = keep < 0 ? -1 : half(digits.slice(keep))
    const up = direction > 0 || (direction === 0 && kept % 2n === 1n)
    magnitude = up ? kept + 1n : kept
    rounded = true
  }
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return tooLarge(trimmed, scale)
  const value = Number(magnitude)
  return { ok: true, value: negative && value !== 0 ? -value : 0 + value, rounded, exact }
}

const tooLarge = (text: string, scale: number): ParsedDecimal =>
  fail(`"${text}" is too large: the largest amount at scale ${scale} is ${formatMinor(Number.MAX_SAFE_INTEGER, scale)}`)

/** digits × 10^point as plain decimal text (digits non-empty, no leading or trailing zeros). */
const plain = (digits: string, point: number): string => {
  if (point >= 0) return digits + '0'.repeat(point)
  const intLength = digits.length + point
  if (intLength > 0) return `${digits.slice(0, intLength)}.${digits.slice(intLength)}`
  return `0.${'0'.repeat(-intLength)}${digits}`
}

export interface FormatOptions {
  /**
   * Trailing fraction zeros are trimmed down to this many digits (default: the scale, i.e. no trimming).
   * 0 drops the decimal point of a whole amount.
   */
  readonly minFractionDigits?: number
}

/** Minor units as decimal text: formatMinor(-12340000, 6) === "-12.340000"; with minFractionDigits 2, "-12.34". */
export const formatMinor = (value: number, scale: number, options: FormatOptions = {}): string => {
  checkScale(scale)
  checkSafe(value, 'formatMinor: value')
  const minFraction = options.minFractionDigits ?? scale
  if (!Number.isInteger(minFraction) || minFraction < 0) {
    throw new RangeError(`minFractionDigits must be a non-negative integer, got ${String(minFraction)}`)
  }
  const text = Math.abs(value)
    .toString()
    .padStart(scale + 1, '0')
  const intPart = text.slice(0, text.length - scale)
  let fraction = text.slice(text.length - scale)
  const keep = Math.min(minFraction, scale)
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  return `${value < 0 ? '-' : ''}${intPart}${fraction === '' ? '' : `.${fraction}`}`
}
