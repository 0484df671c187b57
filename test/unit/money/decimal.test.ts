import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMinor, parseDecimal } from '@shared/money/decimal'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const MAX = Number.MAX_SAFE_INTEGER

describe('parseDecimal: accepted forms', () => {
  it.each<[string, number, number, string]>([
    ['12.34', 6, 12_340_000, '12.34'],
    ['-12.34', 6, -12_340_000, '-12.34'],
    ['+12.34', 6, 12_340_000, '12.34'],
    ['  7 ', 0, 7, '7'],
    ['\t0.5\n', 3, 500, '0.5'],
    ['.5', 2, 50, '0.5'],
    ['5.', 2, 500, '5'],
    ['007.50', 2, 750, '7.5'],
    ['0', 6, 0, '0'],
    ['-0', 6, 0, '0'],
    ['-0.000', 2, 0, '0'],
    ['1.5E-5', 6, 15, '0.000015'],
    ['1.5e-5', 6, 15, '0.000015'],
    ['2E3', 0, 2000, '2000'],
    ['2e+3', 0, 2000, '2000'],
    ['-12.5E1', 1, -1250, '-125'],
    ['0e999', 6, 0, '0'],
    // trailing zeros beyond the scale are exact, not "too many digits"
    ['1.000000000', 0, 1, '1'],
    ['3.140000000', 2, 314, '3.14'],
    ['9007199254.740991', 6, MAX, '9007199254.740991'],
    ['-9007199254.740991', 6, -MAX, '-9007199254.740991'],
    ['9007199254740991', 0, MAX, '9007199254740991'],
  ])('%j at scale %i → %i', (text, scale, value, exact) => {
    const result = parseDecimal(text, scale)
    expect(result).toEqual({ ok: true, value, rounded: false, exact })
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false)
  })
})

describe('parseDecimal: too many fraction digits', () => {
  it.each<[string, number, RegExp]>([
    ['12.3456789', 6, /has 7 decimal places; at most 6 decimal places are allowed/],
    ['0.5', 0, /no decimal places are allowed/],
    ['0.05', 1, /at most 1 decimal place is allowed/],
    ['1.5E-7', 6, /has 8 decimal places/],
  ])('%j at scale %i is rejected by default', (text, scale, reason) => {
    const result = parseDecimal(text, scale)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(reason)
  })

  it.each<[string, number, number, string]>([
    // OpenAI exports carry 30 decimals
    ['0.000123456789012345678901234567', 6, 123, '0.000123456789012345678901234567'],
    ['0.0000005', 6, 0, '0.0000005'], // exact tie, 0 is even
    ['0.0000015', 6, 2, '0.0000015'], // exact tie, 1 is odd → 2
    ['0.0000025', 6, 2, '0.0000025'], // exact tie, 2 is even
    ['0.00000050000001', 6, 1, '0.00000050000001'], // just above the tie
    ['0.00000049999999', 6, 0, '0.00000049999999'],
    ['-0.0000015', 6, -2, '-0.0000015'],
    ['-0.0000005', 6, 0, '-0.0000005'],
    ['0.0000000009', 6, 0, '0.0000000009'], // far below half a unit
    ['2.5', 0, 2, '2.5'],
    ['3.5', 0, 4, '3.5'],
    ['1e-1000', 6, 0, `0.${'0'.repeat(999)}1`],
    ['9007199254.7409914', 6, MAX, '9007199254.7409914'],
  ])('%j at scale %i rounds half-even to %i and says so', (text, scale, value, exact) => {
    const result = parseDecimal(text, scale, 'half-even')
    expect(result).toEqual({ ok: true, value, rounded: true, exact })
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false)
  })

  it('does not report rounding when nothing was dropped', () => {
    expect(parseDecimal('1.25', 2, 'half-even')).toEqual({ ok: true, value: 125, rounded: false, exact: '1.25' })
  })
})

describe('parseDecimal: refused input', () => {
  it.each<[string, RegExp]>([
    ['', /empty/],
    ['   ', /empty/],
    ['NaN', /not a number/],
    ['-Infinity', /not a number/],
    ['1,234.56', /thousands separators/],
    ['12,5', /decimal commas/],
    ['1.2.3', /more than one decimal point/],
    ['.', /no digits/],
    ['-', /no digits/],
    ['e5', /no digits/],
    ['$12', /unexpected character '\$' at position 1/],
    ['12 34', /unexpected character ' '/],
    ['1_000', /unexpected character '_'/],
    ['−5', /unexpected character '−'/],
    ['0x10', /unexpected character 'x'/],
    ['1e', /not a decimal number/],
    ['+-1', /not a decimal number/],
    ['1e5000', /exponent beyond ±1000/],
    ['9007199254.740992', /too large: the largest amount at scale 6 is 9007199254.740991/],
    ['-9007199254.740992', /too large/],
    ['1e16', /too large/],
    ['99999999999999999999999999', /too large/],
  ])('%j → %s', (text, reason) => {
    const result = parseDecimal(text, 6)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(reason)
  })

  it('rejects values that only become too large by rounding up', () => {
    const result = parseDecimal('9007199254.7409915', 6, 'half-even')
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) })
  })

  it('throws on a scale no unit can have', () => {
    expect(() => parseDecimal('1', -1)).toThrow(RangeError)
    expect(() => parseDecimal('1', 16)).toThrow(RangeError)
    expect(() => parseDecimal('1', 1.5)).toThrow(RangeError)
  })
})

describe('formatMinor', () => {
  it.each<[number, number, number | undefined, string]>([
    [-12_340_000, 6, undefined, '-12.340000'],
    [12_340_000, 6, 2, '12.34'],
    [12_000_000, 6, 2, '12.00'],
    [12_000_000, 6, 0, '12'],
    [12_345_678, 6, 2, '12.345678'],
    [5, 6, undefined, '0.000005'],
    [-5, 6, 0, '-0.000005'],
    [0, 6, undefined, '0.000000'],
    [-0, 6, 0, '0'],
    [42, 0, undefined, '42'],
    [42, 0, 2, '42'],
    [MAX, 6, undefined, '9007199254.740991'],
    [-MAX, 3, undefined, '-9007199254740.991'],
  ])('formatMinor(%i, %i, min %s) = %j', (value, scale, minFractionDigits, expected) => {
    const options = minFractionDigits === undefined ? undefined : { minFractionDigits }
    expect(formatMinor(value, scale, options)).toBe(expected)
  })

  it('throws on unsafe values and bad options', () => {
    expect(() => formatMinor(0.5, 6)).toThrow(RangeError)
    expect(() => formatMinor(MAX + 1, 6)).toThrow(RangeError)
    expect(() => formatMinor(1, 6, { minFractionDigits: -1 })).toThrow(RangeError)
  })
})

describe('round trips', () => {
  const scale = fc.integer({ min: 0, max: 6 })

  it('parse(format(v)) === v for every safe v and scale (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), scale, fc.integer({ min: 0, max: 6 }), (value, s, minFractionDigits) => {
        const text = formatMinor(value, s, { minFractionDigits })
        expect(parseDecimal(text, s)).toEqual({
          ok: true,
          value: value + 0,
          rounded: false,
          exact: formatMinor(value, s, { minFractionDigits: 0 }),
        })
      }),
      { numRuns },
    )
  })

  // Random decimal text: sign, digits, fraction, exponent, padding; then format(parse(x)) is x normalized.
  const decimalText = fc
    .record({
      sign: fc.constantFrom('', '+', '-'),
      int: fc.stringMatching(/^\d{0,12}$/),
      frac: fc.option(fc.stringMatching(/^\d{0,12}$/), { nil: undefined }),
      exp: fc.option(fc.integer({ min: -12, max: 12 }), { nil: undefined }),
      pad: fc.constantFrom('', ' ', '\t'),
    })
    .filter(({ int, frac }) => int !== '' || (frac ?? '') !== '')
    .map(({ sign, int, frac, exp, pad }) =>
      [pad, sign, int, frac === undefined ? '' : `.${frac}`, exp === undefined ? '' : `e${exp}`, pad].join(''),
    )

  it('format(parse(x)) equals x normalized, and exact re-parses to the same value (property)', () => {
    fc.assert(
      fc.property(decimalText, scale, (text, s) => {
        const result = parseDecimal(text, s, 'half-even')
        if (!result.ok) {
          expect(result.reason).toMatch(/too large/)
          return
        }
        const again = parseDecimal(result.exact, s, 'half-even')
        expect(again).toEqual(result)
        if (!result.rounded) {
          expect(formatMinor(result.value, s, { minFractionDigits: 0 })).toBe(result.exact)
          expect(parseDecimal(text, s)).toEqual(result)
        } else {
          expect(parseDecimal(text, s)).toMatchObject({ ok: false })
        }
      }),
      { numRuns },
    )
  })

  it('half-even agrees with a bigint reference on random long fractions (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,9}$/), fc.stringMatching(/^\d{0,30}$/), scale, (int, frac, s) => {
        const result = parseDecimal(`${int}.${frac}`, s, 'half-even')
        const all = BigInt(int + frac.padEnd(s, '0'))
        const dropped = Math.max(0, frac.length - s)
        const unit = 10n ** BigInt(dropped)
        const quotient = all / unit
        const rest = all % unit
        const up = 2n * rest > unit || (2n * rest === unit && quotient % 2n === 1n)
        const expected = quotient + (up ? 1n : 0n)
        expect(result.ok && BigInt(result.value)).toBe(expected)
      }),
      { numRuns },
    )
  })
})
