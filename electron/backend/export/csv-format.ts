/**
 * CSV text (RFC 4180) with formula-injection escaping (DESIGN §7, OWASP "CSV injection"): a spreadsheet runs a cell
 * that begins with = + - @ TAB or CR as a formula, so such a TEXT cell gets a leading apostrophe, which spreadsheets
 * show as text and do not evaluate.
 *
 * Numbers we produce ourselves (amounts, ids, counts: "-5.00") are written as they are, so they stay numbers in the
 * spreadsheet; only a cell that is exactly a plain decimal can be a number cell — anything else is escaped as text.
 */

export type CsvCell = { readonly number: string } | { readonly text: string | null }

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** A free-text value made safe to open in a spreadsheet: formula-like starts get a leading '. */
export const escapeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

/** RFC 4180: a field with a quote, comma, CR or LF is enclosed in quotes, its quotes doubled. */
export const quoteField = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

export const renderCell = (cell: CsvCell): string => {
  if ('number' in cell) {
    return PLAIN_NUMBER.test(cell.number) ? cell.number : quoteField(escapeFormula(cell.number))
  }
  return cell.text === null ? '' : quoteField(escapeFormula(cell.text))
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(renderCell).join(',')}\r\n`

/** Header names are ours, but go through the same escaping so the rule has no exception. */
export const headerLine = (names: readonly string[]): string => csvLine(names.map((text) => ({ text })))
