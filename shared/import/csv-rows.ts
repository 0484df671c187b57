import Papa from 'papaparse'
import type { RawRow, RowProblem } from './types'

/**
 * Text → rows, RFC 4180, fed in pieces (issue 5 §4, §5, §9; vendor-csv.md §0, §7.3). Papaparse's core parser does
 * the quoting ("" escapes, delimiters and line breaks inside quotes) the way its own ChunkStreamer does: parse what
 * we have with ignoreLastRow, keep the unfinished tail for the next piece. Around it, three things it lacks:
 * - Mixed line endings: papaparse splits on ONE line-break sequence it guesses, so a file mixing CRLF and LF comes
 *   out with rows glued together ("d\ne" inside a cell, no error). Every CRLF and lone CR is turned into LF first
 *   (a CR at the end of a piece waits for the next one, it may be half a CRLF); inside quoted fields too, so a
 *   multi-line cell always uses "\n".
 * - Physical line numbers, for error messages: each row starts one line after the previous row's start plus the
 *   line breaks inside its cells, which after the normalisation are exactly the "\n" in its cell values.
 * - Structural faults: an unterminated quote, or a closing quote followed by text (papaparse then keeps reading the
 *   following lines into the same field). Either one ends the reading: the rows before the faulty one are returned,
 *   nothing after it (issue 5 §5), and the fault names the line where the quote is.
 * Blank lines are not rows (they still count as lines).
 */

export interface RowReaderOptions {
  /** One character: ',' ';' '\t' '|' (see sniffDelimiter). */
  readonly delimiter: string
  /**
   * A row still unfinished after this many characters is a fault (an unterminated quote swallows the rest of the
   * file, which must not pile up in memory). Default 1 Mi characters: Excel cells stop at 32,767.
   */
  readonly maxRowChars?: number
}

export interface RowReader {
  /** Rows completed by this piece of text (in file order). */
  push(text: string): RawRow[]
  /** The rows the last piece completes, and the structural fault if the text had one. */
  end(): { rows: RawRow[]; fault: RowProblem | null }
  /** The structural fault, as soon as it is known: later pieces are ignored, so the caller may stop reading. */
  readonly fault: RowProblem | null
  /** The physical line the next piece of text starts on (to place an encoding error). */
  readonly nextLine: number
}

interface PapaError {
  readonly code: string
  readonly row?: number
  readonly index?: number
}
interface PapaResult {
  readonly data: string[][]
  readonly errors: readonly PapaError[]
  readonly meta: { readonly cursor: number }
}

const DEFAULT_MAX_ROW_CHARS = 1 << 20

const normalizeBreaks = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)

const countBreaks = (text: string, from: number, to: number): number => {
  let count = 0
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && cells[0] === ''

/**
 * Rows 0..count-1 of `data` with their lines; returns the line after the last. `sequential`: no cell holds a line
 * break (checked by the caller), so the lines simply follow each other.
 */
const placeRows = (data: string[][], count: number, firstLine: number, sequential: boolean, out: RawRow[]): number => {
  let line = firstLine
  for (let index = 0; index < count; index++) {
    const cells = data[index] ?? []
    if (!isBlank(cells)) out.push({ line, cells })
    line++
    if (!sequential) for (const cell of cells) line += countBreaks(cell, 0, cell.length)
  }
  return line
}

/** The first structural error (lowest row, then papaparse's order) that `settled` accepts. */
const firstError = (errors: readonly PapaError[], settled: (error: PapaError) => boolean): PapaError | null => {
  let first: PapaError | null = null
  for (const error of errors) {
    if (settled(error) && (first === null || (error.row ?? 0) < (first.row ?? 0))) first = error
  }
  return first
}

const openingQuote = (error: PapaError): number => Math.max(0, (error.index ?? 1) - 1)

/** The quote papaparse found malformed: the first one after the opening quote that is not a doubled "". */
const badQuote = (input: string, error: PapaError): number => {
  const opening = openingQuote(error)
  let at = input.indexOf('"', opening + 1)
  while (at !== -1 && input[at + 1] === '"') at = input.indexOf('"', at + 2)
  return at === -1 ? opening : at
}

const preview = (text: string): string => {
  const flat = text.replace(/\n/g, ' ')
  return flat.length > 24 ? `${flat.slice(0, 24)}…` : flat
}

/**
 * Words a papaparse quote error in `input` (which starts on `firstLine`). papaparse's `index` is just after the
 * field's opening quote.
 */
const describeFault = (input: string, error: PapaError, firstLine: number, delimiter: string): RowProblem => {
  const openLine = firstLine + countBreaks(input, 0, openingQuote(error))
  if (error.code !== 'InvalidQuotes') {
    const reason = `Unterminated quoted field: the quote opened on line ${openLine} is never closed`
    return { line: openLine, column: null, reason }
  }
  const at = badQuote(input, error)
  const badLine = firstLine + countBreaks(input, 0, at)
  const where =
    badLine === openLine ? `on line ${badLine}` : `opened on line ${openLine} (closing quote on line ${badLine})`
  const expected = delimiter === '\t' ? 'a tab' : `"${delimiter}"`
  // The field's own text: unlike what follows the quote, it is all there whichever piece revealed the fault.
  const field = preview(input.slice(openingQuote(error) + 1, at))
  return {
    line: badLine,
    column: null,
    reason: `Malformed quoted field ${where}: text follows the closing quote of "${field}" (expected ${expected} or the end of the line)`,
  }
}

export const createRowReader = (options: RowReaderOptions): RowReader => {
  const { delimiter } = options
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS
  // The core parser (Papa.Parser): no header handling, no type conversion, no guessing; quoteChar '"' escapes itself.
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' }) as unknown as {
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult
  }
  let pending = '' // normalised text after the last completed row
  let pendingLine = 1 // the line `pending` starts on
  let heldCR = false // the last piece ended with CR: half of a CRLF, or a line break of its own
  let started = false
  let fault: RowProblem | null = null

  const stop = (problem: RowProblem): void => {
    fault = problem
    pending = ''
    heldCR = false
  }

  // The unfinished row has grown past the limit: most likely a quote that is never closed.
  const tooLong = (input: string, line: number): RowProblem => {
    const problem = finish(input, [])
    if (problem === null) return { line, column: null, reason: `Line ${line} is longer than ${maxRowChars} characters` }
    if (!problem.reason.startsWith('Unterminated')) return problem
    const reason = `Unterminated quoted field: the quote opened on line ${problem.line} is not closed within ${maxRowChars} characters`
    return { ...problem, reason }
  }

  // The whole of `input` parsed as the end of the text: completed rows into `out`, and the fault if any.
  const finish = (input: string, out: RawRow[]): RowProblem | null => {
    const result = parser.parse(input, 0, false)
    const error = firstError(result.errors, () => true)
    placeRows(result.data, error === null ? result.data.length : (error.row ?? 0), pendingLine, false, out)
    return error === null ? null : describeFault(input, error, pendingLine, delimiter)
  }

  return {
    get fault() {
      return fault
    },
    get nextLine() {
      return pendingLine + countBreaks(pending, 0, pending.length) + (heldCR ? 1 : 0)
    },
    push(text) {
      if (fault !== null) return []
      let piece = text
      if (!started) {
        started = true
        if (piece.startsWith('\uFEFF')) piece = piece.slice(1) // a BOM that reached us as text
      }
      if (heldCR) piece = `\r${piece}`
      heldCR = piece.endsWith('\r')
      if (heldCR) piece = piece.slice(0, -1)
      const input = pending + normalizeBreaks(piece)
      const result = parser.parse(input, 0, true)
      // An error on the unfinished last row (row === data.length) is settled only when it cannot change with more
      // text: a quote followed by something other than spaces (spaces then the delimiter would still be accepted).
      const settled = (error: PapaError): boolean =>
        (error.row ?? 0) < result.data.length ||
        (error.code === 'InvalidQuotes' && input.slice(badQuote(input, error) + 1).trim() !== '')
      const error = firstError(result.errors, settled)
      const rows: RawRow[] = []
      if (error !== null) {
        placeRows(result.data, error.row ?? 0, pendingLine, false, rows)
        stop(describeFault(input, error, pendingLine, delimiter))
        return rows
      }
      const cursor = result.meta.cursor
      // Cheap check first: without a quote no cell can hold a line break.
      const sequential = !input.includes('"') || countBreaks(input, 0, cursor) === result.data.length
      pendingLine = placeRows(result.data, result.data.length, pendingLine, sequential, rows)
      pending = input.slice(cursor)
      if (pending.length > maxRowChars) stop(tooLong(pending, pendingLine))
      return rows
    },
    end() {
      if (fault !== null) return { rows: [], fault }
      const input = pending + (heldCR ? '\n' : '')
      const rows: RawRow[] = []
      const problem = input === '' ? null : finish(input, rows)
      if (problem === null) {
        pending = ''
        heldCR = false
      } else {
        stop(problem)
      }
      return { rows, fault: problem }
    },
  }
}

/** A whole text → rows (the same reader, one piece). */
export const readRows = (text: string, delimiter: string): { rows: RawRow[]; fault: RowProblem | null } => {
  const reader = createRowReader({ delimiter, maxRowChars: Number.POSITIVE_INFINITY })
  const rows = reader.push(text)
  const last = reader.end()
  return { rows: [...rows, ...last.rows], fault: last.fault }
}
