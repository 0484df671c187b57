/**
 * Amounts as exports print them → exact decimal text with '.' as the mark (vendor-csv.md §0, §6). Pure text
 * manipulation, never parseFloat: "0.003835980000000000000000000000" and "-1.000,00 €" must come out digit for
 * digit. The decimal mark is a property of the format profile, never guessed per value: a DKB "1.000" is 1000 and
 * an OpenAI "1.000" is 1 (actualbudget #2374 read DKB's "-3.000" as −3.00). Thousands separators are accepted only
 * in groups of three, so a value written for the other convention fails loudly instead of being misread
 * ("-110.7 €" with a decimal comma is an error, not −1107: actualbudget #5020).
 * Scale is applied later (shared/money/decimal.ts): "-29,9" leaves as "-29.9", "1.000" as "1000".
 */

export type DecimalMark = '.' | ','

export type ParsedAmount =
  { readonly ok: true; readonly decimal: string } | { readonly ok: false; readonly reason: string }

const fail = (reason: string): ParsedAmount => ({ ok: false, reason })

// Currency marks stripped from either end; the profile (or the mapping) says which currency the column is in.
const CURRENCY_START = /^(?:US\$|\$|€|£|(?:USD|EUR|GBP)(?![A-Za-z]))/i
const CURRENCY_END = /(?:US\$|\$|€|£|(?<![A-Za-z])(?:USD|EUR|GBP))$/i
const PLAIN_POINT = /^([-+]?)(0|[1-9]\d*)(?:\.(\d+))?$/
const PLAIN_COMMA = /^([-+]?)(0|[1-9]\d*)(?:,(\d+))?$/
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/
const NOT_A_NUMBER = /^(?:nan|n\/a|inf|infinity|-)$/i

interface Peeled {
  readonly core: string
  readonly negative: boolean
}

/**
 * Takes signs, parentheses and one currency mark off both ends: "-$5.00", "$(12.34)", "(12.34 €)", "12.34-",
 * "EUR -12,00". Two negations ("-(5)") are refused rather than cancelled: no export writes them on purpose.
 */
const peel = (text: string): Peeled | string => {
  let rest = text
  let sign = ''
  let parens = false
  let currency = false
  for (let changed = true; changed;) {
    const before = rest
    rest = rest.trim()
    const start = CURRENCY_START.exec(rest)
    const end = start === null ? CURRENCY_END.exec(rest) : null
    const first = rest.charAt(0)
    const last = rest.charAt(rest.length - 1)
    if (start !== null || end !== null) {
      if (currency) return 'has more than one currency mark'
      currency = true
      rest = start !== null ? rest.slice(start[0].length) : rest.slice(0, rest.length - (end?.[0].length ?? 0))
    } else if (first === '-' || first === '+' || ((last === '-' || last === '+') && rest.length > 1)) {
      if (sign !== '' || parens) return 'has more than one sign'
      sign = first === '-' || first === '+' ? first : last
      rest = first === '-' || first === '+' ? rest.slice(1) : rest.slice(0, -1)
    } else if (first === '(' && last === ')') {
      if (parens || sign !== '') return 'has more than one sign'
      parens = true
      rest = rest.slice(1, -1)
    }
    changed = rest !== before
  }
  if (rest.includes('(') || rest.includes(')')) return 'has an unbalanced parenthesis'
  return { core: rest, negative: parens || sign === '-' }
}

/** "1.5E-5" → "0.000015": spreadsheets re-save small costs in exponent form. */
const expandExponent = (mantissa: string, exponent: number): string => {
  const [intPart = '', fracPart = ''] = mantissa.split('.')
  const digits = intPart + fracPart
  const point = intPart.length + exponent
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length)
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

const splitGroups = (intPart: string, mark: DecimalMark): string | { readonly digits: string } => {
  const separators = mark === ',' ? /[. ]/ : /,/
  const used = new Set([...intPart].filter((ch) => separators.test(ch)))
  if (used.size === 0) return { digits: intPart }
  if (used.size > 1) return 'mixes two thousands separators'
  const [separator = ''] = [...used]
  const groups = intPart.split(separator)
  const [head = '', ...tail] = groups
  if (!/^\d{1,3}$/.test(head) || !tail.every((group) => /^\d{3}$/.test(group))) {
    const name = separator === ' ' ? 'a space' : `'${separator}'`
    return `has ${name} that is not a thousands separator (groups of three digits) with the decimal mark '${mark}'`
  }
  return { digits: groups.join('') }
}

/**
 * "-1.000,00 €" (decimal comma) → "-1000.00"; "$(12.34)" → "-12.34"; "1.000" (comma) → "1000"; "-29,9" → "-29.9";
 * "$1,234.56" → "1234.56"; "0.8958740000000000" → itself. Leading zeros go, the digits given stay.
 */
export const parseAmount = (text: string, options: { readonly decimalMark: DecimalMark }): ParsedAmount => {
  const mark = options.decimalMark
  // Fast path for what vendor exports write on almost every row ("0.0123", "-53,94"): a million-row import parses
  // a million amounts.
  const plain = (mark === '.' ? PLAIN_POINT : PLAIN_COMMA).exec(text)
  if (plain !== null) {
    const [, sign = '', intDigits = '', fracDigits] = plain
    const body = fracDigits === undefined ? intDigits : `${intDigits}.${fracDigits}`
    return { ok: true, decimal: sign === '-' && /[1-9]/.test(body) ? `-${body}` : body }
  }
  const shown = text.trim()
  // \s covers NBSP (U+00A0) and the narrow NBSP (U+202F) French and Swiss exports group with.
  const compact = shown.replace(/\s+/g, ' ').replace(/\u2212/g, '-')
  if (compact === '') return fail('empty amount')
  if (NOT_A_NUMBER.test(compact)) return fail(`"${shown}" is not a number`)
  const peeled = peel(compact)
  if (typeof peeled === 'string') return fail(`"${shown}" ${peeled}`)
  const { negative } = peeled
  let core = peeled.core
  if (core === '') return fail(`"${shown}" has no digits`)

  const exponent = /^(\d*\.?\d*)[eE]([+-]?\d{1,4})$/.exec(core)
  if (exponent !== null && mark === '.' && /\d/.test(exponent[1] ?? '')) {
    core = expandExponent(exponent[1] ?? '', Number(exponent[2]))
  }
  const bad = /[^0-9., ]/.exec(core)
  if (bad !== null) return fail(`"${shown}" has an unexpected character '${bad[0]}'`)
  if (mark === '.' && core.includes(' ')) return fail(`"${shown}" has a space inside the number`)

  const parts = core.split(mark)
  if (parts.length > 2) return fail(`"${shown}" has more than one decimal mark '${mark}'`)
  const [intPart = '', fracPart = ''] = parts
  if (!/^\d*$/.test(fracPart)) {
    return fail(`"${shown}" has a separator after the decimal mark '${mark}' (is the decimal mark right?)`)
  }
  const grouped = splitGroups(intPart, mark)
  if (typeof grouped === 'string') return fail(`"${shown}" ${grouped}`)
  if (grouped.digits === '' && fracPart === '') return fail(`"${shown}" has no digits`)

  const intDigits = grouped.digits.replace(/^0+(?=\d)/, '') || '0'
  const body = fracPart === '' ? intDigits : `${intDigits}.${fracPart}`
  const zero = /^[0.]*$/.test(body)
  return { ok: true, decimal: negative && !zero ? `-${body}` : body }
}

/**
 * A count (tokens, requests): a non-negative whole number. Accepts "59200.0" and "10.0" (the only public OpenAI
 * usage sample went through a spreadsheet) and "1,234"; refuses "3.5" and "-1". Returns digits only.
 */
export const parseCount = (text: string): ParsedAmount => {
  const parsed = parseAmount(text, { decimalMark: '.' })
  if (!parsed.ok) return parsed
  if (parsed.decimal.startsWith('-')) return fail(`"${text.trim()}" is negative; a count cannot be`)
  const [intPart = '0', fracPart = ''] = parsed.decimal.split('.')
  if (!/^0*$/.test(fracPart)) return fail(`"${text.trim()}" is not a whole number`)
  return { ok: true, decimal: intPart }
}

/** Exact sum of whole-number texts from parseCount (bigint: five token columns of a billion each still add up). */
export const sumCounts = (counts: readonly string[]): string =>
  counts.reduce((sum, count) => sum + BigInt(count), 0n).toString()

export const isNegativeDecimal = (decimal: string): boolean => decimal.startsWith('-')

export const isZeroDecimal = (decimal: string): boolean => /^[-+]?[0.]*$/.test(decimal)

/** "-12.5" → "12.5", "12.5" → "-12.5", zero stays unsigned. */
export const negateDecimal = (decimal: string): string => {
  if (decimal.startsWith('-')) return decimal.slice(1)
  return isZeroDecimal(decimal) ? decimal : `-${decimal}`
}

/**
 * One spelling per value, for hashing: "0.8958740000000000" and "0.895874" are the same cost, and "-0.00" is "0".
 * Used by row identity so an export that prints trailing zeros differently still dedupes.
 */
export const canonicalDecimal = (decimal: string): string => {
  if (CANONICAL.test(decimal) && decimal !== '-0') return decimal
  // By hand rather than split/replace: a million-row export takes this path for nearly every amount.
  const sign = decimal.charCodeAt(0)
  const start = sign === 45 || sign === 43 ? 1 : 0 // '-' or '+'
  const dot = decimal.indexOf('.', start)
  const intEnd = dot < 0 ? decimal.length : dot
  let from = start
  while (from < intEnd && decimal.charCodeAt(from) === 48) from++ // leading '0's
  const intDigits = from === intEnd ? '0' : decimal.slice(from, intEnd)
  let to = decimal.length
  if (dot >= 0) while (to > dot + 1 && decimal.charCodeAt(to - 1) === 48) to-- // trailing '0's
  const body = dot < 0 || to === dot + 1 ? intDigits : `${intDigits}.${decimal.slice(dot + 1, to)}`
  return sign === 45 && body !== '0' ? `-${body}` : body
}
