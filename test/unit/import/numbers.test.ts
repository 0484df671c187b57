import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDecimal } from '@shared/money/decimal'
import {
  canonicalDecimal,
  negateDecimal,
  parseAmount,
  parseCount,
  sumCounts,
  type DecimalMark,
} from '@shared/import/numbers'

const numRuns = Number(process.env.FC_RUNS ?? 100)

const ok = (text: string, decimalMark: DecimalMark) => {
  const parsed = parseAmount(text, { decimalMark })
  if (!parsed.ok) throw new Error(`${JSON.stringify(text)} refused: ${parsed.reason}`)
  return parsed.decimal
}

describe('parseAmount: decimal comma (German and EU banks, vendor-csv.md §0 and §6.2)', () => {
  it.each<[string, string, string]>([
    ['-1.000,00 €', '-1000.00', 'Postbank; a naive parser read −1.00 (firefly-iii #1938)'],
    ['1.000', '1000', 'DKB drops trailing zeros: 1.000 is a thousand'],
    ['-3.000', '-3000', 'Actual read DKB -3.000 as −3.00 (actualbudget #2374)'],
    ['-29,9', '-29.9', 'DKB: the missing zero stays missing; the scale is applied later'],
    ['-2040', '-2040', 'Commerzbank: no decimals at all'],
    ['-53,94', '-53.94', 'Sparkasse'],
    ['29,9 €', '29.9', 'DKB 2023 files with a trailing euro sign'],
    ['1 234,56', '1234.56', 'space as thousands separator'],
    ['1\u00a0234,56', '1234.56', 'no-break space as thousands separator'],
    ['1\u202f234,56', '1234.56', 'narrow no-break space as thousands separator'],
    ['EUR -12,00', '-12.00', 'currency code before the sign'],
    ['12,00 EUR', '12.00', 'currency code after'],
    ['1.234.567,8', '1234567.8', 'several groups'],
    [',5', '0.5', 'no integer digits'],
    ['"399,00"'.slice(1, -1), '399.00', 'a pt-BR Stripe Dashboard export'],
  ])('%j → %j (%s)', (text, decimal) => {
    expect(ok(text, ',')).toBe(decimal)
  })
})

describe('parseAmount: decimal point (US cards, vendor exports)', () => {
  it.each<[string, string, string]>([
    ['(12.34)', '-12.34', 'parenthesized negative (Actual #807, Buckets #740)'],
    ['$(12.34)', '-12.34', 'currency outside the parentheses (MoneyManagerEx #2898)'],
    ['($12.34)', '-12.34', 'currency inside the parentheses'],
    ['-$5.00', '-5.00', 'sign before the currency (Firefly #1087)'],
    ['$-5.00', '-5.00', 'sign after the currency'],
    ['12.34-', '-12.34', 'trailing minus'],
    ['+12.34', '12.34', 'explicit plus'],
    ['\u22125.00', '-5.00', 'Unicode minus sign'],
    ['$1,234.56', '1234.56', 'Cursor writes dollar costs with thousands commas'],
    ['1,000', '1000', 'GCP usage amounts are quoted with thousands separators'],
    ['-110.7 €', '-110.7', 'with the point as the mark this is −110.70, never −1,107 (actualbudget #5020)'],
    ['0.003835980000000000000000000000', '0.003835980000000000000000000000', 'OpenAI: 30 decimals kept'],
    ['0.8958740000000000', '0.8958740000000000', 'OpenAI: trailing zeros kept'],
    ['1.000', '1.000', 'the same text as DKB, the other convention: one'],
    ['  20.00  ', '20.00', 'surrounding spaces'],
    ['USD 20', '20', 'currency code'],
    ['20 usd', '20', 'lowercase currency code'],
    ['007.50', '7.50', 'leading zeros go'],
    ['.5', '0.5', 'no integer digits'],
    ['5.', '5', 'trailing point'],
    ['1.5E-5', '0.000015', 'a spreadsheet re-save in exponent form, expanded exactly'],
    ['2e3', '2000', 'positive exponent'],
    ['-0.00', '0.00', 'negative zero is zero'],
    ['(0)', '0', 'parenthesized zero is zero'],
  ])('%j → %j (%s)', (text, decimal) => {
    expect(ok(text, '.')).toBe(decimal)
  })
})

describe('parseAmount: refusals name the problem', () => {
  it.each<[string, DecimalMark, RegExp]>([
    ['', '.', /empty amount/],
    ['   ', ',', /empty amount/],
    ['NaN', '.', /not a number/],
    ['n/a', '.', /not a number/],
    ['-', '.', /not a number/],
    ['-110.7', ',', /'\.' that is not a thousands separator/],
    ['1.00', ',', /'\.' that is not a thousands separator/],
    ['1,23', '.', /',' that is not a thousands separator/],
    ['399,00', '.', /',' that is not a thousands separator/],
    ['1,234.56', ',', /separator after the decimal mark/],
    ['1.234,56', '.', /separator after the decimal mark/],
    ['1.2.3', '.', /more than one decimal mark/],
    ['1,2,3', ',', /more than one decimal mark/],
    ['1.234 567,00', ',', /mixes two thousands separators/],
    ['1 234.56', '.', /space inside the number/],
    ['-(12.34)', '.', /more than one sign/],
    ['(-12.34)', '.', /more than one sign/],
    ['--5', '.', /more than one sign/],
    ['-5-', '.', /more than one sign/],
    ['(12.34', '.', /unbalanced parenthesis/],
    ['$€5', '.', /more than one currency mark/],
    ['12a', '.', /unexpected character 'a'/],
    ['$', '.', /no digits/],
    ['.', '.', /no digits/],
  ])('%j with %j is refused', (text, decimalMark, reason) => {
    const parsed = parseAmount(text, { decimalMark })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('quotes the text as the file has it, so the user can find it', () => {
    const parsed = parseAmount(' -110.7 € ', { decimalMark: ',' })
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('"-110.7 €"') })
  })
})

describe('parseAmount: properties', () => {
  const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })
  const group = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  const render = (value: bigint, mark: DecimalMark, separator: string, style: number): string => {
    const negative = value < 0n
    const abs = (negative ? -value : value).toString().padStart(3, '0')
    const body = `${group(abs.slice(0, -2).replace(/^0+(?=\d)/, ''), separator)}${mark}${abs.slice(-2)}`
    if (!negative) return style === 0 ? body : `${body} €`
    return [`-${body}`, `(${body})`, `${body}-`, `-${body} €`][style % 4] ?? body
  }

  it('any amount written in either convention, grouped or not, comes back to its exact value', () => {
    fc.assert(
      fc.property(
        cents,
        fc.constantFrom<DecimalMark>('.', ','),
        fc.boolean(),
        fc.nat(3),
        (value, mark, grouped, style) => {
          const separator = grouped ? (mark === ',' ? '.' : ',') : ''
          const text = render(value, mark, separator, style)
          const parsed = parseDecimal(ok(text, mark), 2)
          expect(parsed, text).toEqual(expect.objectContaining({ ok: true, value: Number(value) }))
        },
      ),
      { numRuns },
    )
  })

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom<DecimalMark>('.', ','), (text, mark) => {
        const parsed = parseAmount(text, { decimalMark: mark })
        if (parsed.ok) expect(parsed.decimal).toMatch(/^-?\d+(\.\d+)?$/)
        else expect(parsed.reason.length).toBeGreaterThan(0)
      }),
      { numRuns },
    )
  })
})

describe('parseCount, sumCounts and decimal helpers', () => {
  it.each<[string, string]>([
    ['59200.0', '59200'],
    ['10', '10'],
    ['1,234', '1234'],
    ['0', '0'],
  ])('count %j → %j', (text, digits) => {
    expect(parseCount(text)).toEqual({ ok: true, decimal: digits })
  })

  it.each<[string, RegExp]>([
    ['12.5', /not a whole number/],
    ['-1', /negative/],
    ['', /empty/],
  ])('count %j is refused', (text, reason) => {
    const parsed = parseCount(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('adds token columns exactly, past the safe-integer range', () => {
    expect(sumCounts(['9007199254740991', '9007199254740991', '1'])).toBe('18014398509481983')
    expect(sumCounts([])).toBe('0')
  })

  it('negates and canonicalises decimal text', () => {
    expect(negateDecimal('12.5')).toBe('-12.5')
    expect(negateDecimal('-12.5')).toBe('12.5')
    expect(negateDecimal('0.00')).toBe('0.00')
    expect(canonicalDecimal('0.8958740000000000')).toBe('0.895874')
    expect(canonicalDecimal('-0.00')).toBe('0')
    expect(canonicalDecimal('0020.50')).toBe('20.5')
    expect(canonicalDecimal('1000')).toBe('1000')
    expect(canonicalDecimal('+007.')).toBe('7')
    expect(canonicalDecimal('-.50')).toBe('-0.5')
  })

  it('spells every writing of one value the same, and different values differently', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max })
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+'),
        digits(6),
        digits(6),
        fc.nat(3),
        fc.nat(3),
        (sign, whole, fraction, leading, trailing) => {
          const plain = `${sign}${whole || '0'}${fraction === '' ? '' : `.${fraction}`}`
          const padded = `${sign}${'0'.repeat(leading)}${whole || '0'}.${fraction}${'0'.repeat(trailing)}`
          const canonical = canonicalDecimal(padded)
          expect(canonical).toBe(canonicalDecimal(plain))
          // The same exact value as the text it came from (scale 12 holds every generated fraction).
          const value = (text: string) => {
            const parsed = parseDecimal(text.replace(/^\+/, ''), 12, 'reject')
            return parsed.ok ? parsed.value : Number.NaN
          }
          expect(value(canonical)).toBe(value(plain))
          expect(canonical).toMatch(/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/)
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })
})
