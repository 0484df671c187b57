import Papa from 'papaparse'

/**
 * The dialect of a CSV file (issue 5 §4, vendor-csv.md §0, §6.2, §7.2): which delimiter, which decimal mark, which
 * rows are totals rather than data. Everything here looks at samples and says "ambiguous" rather than guess where
 * the samples cannot tell: the caller asks the user.
 */

export type Delimiter = ',' | ';' | '\t' | '|'

/** In order of preference when two explain a sample equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|']

// Enough for a bank's preamble (DKB: 4 lines, GCP: 8) and a few dozen data rows.
const SNIFF_CHARS = 64 * 1024
const SNIFF_ROWS = 60

const modalCount = (counts: readonly number[]): { count: number; support: number } => {
  const frequency = new Map<number, number>()
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1)
  let best = { count: 0, support: 0 }
  for (const [count, support] of frequency) {
    // A tie goes to the wider row: a preamble is narrower than the table under it.
    if (support > best.support || (support === best.support && count > best.count)) best = { count, support }
  }
  return best
}

/**
 * The delimiter of a text, from its first rows, respecting quotes (a "1.234,56 €" in quotes is not a comma split).
 * Each candidate splits the rows; its score is the number of splits in the rows that share its modal width (more
 * than one cell): the candidate that explains the most consistent columns wins. Preamble lines (DKB, ING, GCP) are
 * narrower than the table and simply lose the vote. A text with one column everywhere gives ','.
 */
export const sniffDelimiter = (text: string): Delimiter => {
  let sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text
  sample = sample.replace(/\r\n?/g, '\n')
  // A cut sample ends inside a row: drop the partial last line.
  if (text.length > SNIFF_CHARS && sample.includes('\n')) sample = sample.slice(0, sample.lastIndexOf('\n'))
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 }
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: SNIFF_ROWS })
    const widths = parsed.data.filter((cells) => !(cells.length === 1 && cells[0] === '')).map((cells) => cells.length)
    const { count, support } = modalCount(widths.filter((width) => width > 1))
    const score = support * (count - 1)
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

/** '.' as in 1,234.56; ',' as in 1.234,56; 'ambiguous' when the samples cannot tell (only 1,000 or 12) or disagree. */
export type DecimalMarkGuess = '.' | ',' | 'ambiguous'

type Vote = '.' | ',' | null

// Signs, parentheses, currency marks and spaces around a number; the digits and separators are what is left.
const NOISE = /[\s+\-−()$€£¥]|USD|EUR|GBP|CHF/gi
const GROUPED = /^\d{1,3}(?:[.,' ]\d{3})+$/

/** What one amount says about the decimal mark; null when it says nothing (no separator, or only "1,000"). */
const vote = (sample: string): Vote => {
  const core = sample.replace(NOISE, '')
  if (!/^[\d.,']+$/.test(core) || !/\d/.test(core)) return null
  const lastDot = core.lastIndexOf('.')
  const lastComma = core.lastIndexOf(',')
  // Both present: the last one is the decimal mark (1.234,56 / 1,234.56).
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ','
  const mark = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null
  if (mark === null) return null
  const other: Vote = mark === '.' ? ',' : '.'
  // Twice or more: a thousands separator (1,234,567), so the decimal mark is the other one.
  if (core.indexOf(mark) !== core.lastIndexOf(mark)) return GROUPED.test(core) ? other : null
  const [whole = '', fraction = ''] = core.split(mark)
  // One separator and three digits after it reads both ways (1,000 / 1.000), unless the part before cannot be a
  // thousands group: empty (",500"), over three digits (1234,567) or a leading zero (0,500).
  if (fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && !whole.startsWith('0')) return null
  return mark
}

/**
 * The decimal mark of a column of amounts. Votes from each sample ('1.234,56' and '-29,9' say ',', '1,234.56' and
 * '0.19' say '.', '1,000' and '12' say nothing); 'ambiguous' when nothing votes or the votes disagree.
 */
export const guessDecimalMark = (samples: readonly string[]): DecimalMarkGuess => {
  let seen: Vote = null
  for (const sample of samples) {
    const mark = vote(sample)
    if (mark === null) continue
    if (seen !== null && seen !== mark) return 'ambiguous'
    seen = mark
  }
  return seen ?? 'ambiguous'
}

// First cell of a total or balance line under a statement: "Total", "Summe", "Gesamtbetrag", "Kontostand:",
// "Endsaldo", "Grand total". Anchored at the start, so a payee "Totalenergies" does not match (\b).
const TOTAL_LABEL =
  /^(?:(?:sub|grand\s*)?totals?|(?:gesamt|end)?summe|gesamt\w*|kontostand|(?:end|anfangs|schluss)?saldo)\b/i

/** Whether a row's first non-empty cell is a total label (only ever asked of rows after the data). */
export const startsWithTotalLabel = (cells: readonly string[]): boolean => {
  const first = cells.find((cell) => cell.trim() !== '')
  return first !== undefined && TOTAL_LABEL.test(first.trim())
}
