import { startsWithTotalLabel } from './dialect'
import type { RawRow } from './types'

/**
 * Rows → header + data rows (issue 5 §1, vendor-csv.md §0 "pre-header preamble / trailing total row"): DKB, ING,
 * Sparkasse and GCP print account lines before the header and totals after the data. Preamble lines, empty rows
 * and trailing totals are reported as skipped (with their line), never as errors and never as data.
 */

/** Recognises the header row by its signature (a profile's known column names). */
export type HeaderTest = (cells: readonly string[]) => boolean

export interface SkippedRow {
  readonly line: number
  readonly reason: string
}

export interface HeaderFound {
  /** Index in the rows given. */
  readonly index: number
  /** 'signature': isHeader said so; 'shape': the first row as wide as the rows under it (no signature matched). */
  readonly by: 'signature' | 'shape'
}

const isEmptyRow = (row: RawRow): boolean => row.cells.every((cell) => cell.trim() === '')

/**
 * The table's width among `rows`: the width that holds the most cells (rows × width; a tie goes to the wider). A
 * plain mode of row widths is not enough: an ING statement of three rows under seven two-cell preamble lines has
 * mode 2, but 3 × 9 cells beat 7 × 2.
 */
const tableWidth = (rows: readonly RawRow[]): number | null => {
  const frequency = new Map<number, number>()
  for (const { cells } of rows) frequency.set(cells.length, (frequency.get(cells.length) ?? 0) + 1)
  let best: { width: number; cells: number } | null = null
  for (const [width, count] of frequency) {
    const cells = width * count
    if (best === null || cells > best.cells || (cells === best.cells && width > best.width)) best = { width, cells }
  }
  return best?.width ?? null
}

/**
 * The header among `rows` (empty rows are never one): the first row `isHeader` accepts; else, by shape, the first
 * row at least as wide as the table (see tableWidth; "at least": a header may carry a trailing delimiter the data
 * rows lack). null when every row is empty.
 */
export const findHeader = (rows: readonly RawRow[], isHeader?: HeaderTest): HeaderFound | null => {
  if (isHeader !== undefined) {
    const index = rows.findIndex((row) => !isEmptyRow(row) && isHeader(row.cells))
    if (index !== -1) return { index, by: 'signature' }
  }
  const width = tableWidth(rows.filter((row) => !isEmptyRow(row)))
  if (width === null) return null
  return { index: rows.findIndex((row) => !isEmptyRow(row) && row.cells.length >= width), by: 'shape' }
}

/** What one step of the shaper hands on. */
export interface TableChunk {
  /** Set once, in the chunk where the header is found. */
  readonly header: { readonly cells: readonly string[]; readonly line: number; readonly by: HeaderFound['by'] } | null
  readonly rows: RawRow[]
  readonly skipped: SkippedRow[]
}

export interface TableShaper {
  push(rows: readonly RawRow[]): TableChunk
  /**
   * The rest. `cutShort`: the text ended at a structural fault, not at the file's end, so rows held back as a
   * possible footer are data after all (a footer is only what ends the file).
   */
  end(cutShort?: boolean): TableChunk
}

export interface ShaperOptions {
  readonly isHeader?: HeaderTest
  /** Rows looked at for the header before the shape rule decides. Default 50. */
  readonly headerSearchRows?: number
}

// A footer is a few lines (GCP: one "Total" row). More short rows in a row than this are data, not a footer: that
// bounds what is held in memory and never lets a whole table of short rows vanish as "footer".
const MAX_FOOTER_ROWS = 20

/** The header's width without trailing empty names (a trailing delimiter on the header line only). */
const headerWidth = (cells: readonly string[]): number => {
  let width = cells.length
  while (width > 1 && cells[width - 1]?.trim() === '') width--
  return width
}

/**
 * Streaming: rows go in as they are read; until the header is found they are held (at most headerSearchRows). After
 * it, a row narrower than the header or starting with a total label ("Total", "Summe", "Kontostand") is held back:
 * if only such rows follow until the end, they are the footer and are skipped; if a normal row comes after them,
 * or more than MAX_FOOTER_ROWS of them pile up, they were data (a short row in the middle is the profile's to
 * reject, with its line).
 */
export const createTableShaper = (options: ShaperOptions = {}): TableShaper => {
  const searchRows = options.headerSearchRows ?? 50
  let header: TableChunk['header'] = null
  let searching: RawRow[] = []
  let held: RawRow[] = []

  let narrowIsData = false // set once narrow rows overflowed the footer limit: this table has narrow data rows
  const footerLike = (row: RawRow, width: number): boolean =>
    (!narrowIsData && row.cells.length < width) || startsWithTotalLabel(row.cells)

  const take = (rows: readonly RawRow[], out: { rows: RawRow[]; skipped: SkippedRow[] }): void => {
    const width = headerWidth(header?.cells ?? [])
    for (const row of rows) {
      if (isEmptyRow(row)) out.skipped.push({ line: row.line, reason: 'empty row' })
      else if (footerLike(row, width) && held.length < MAX_FOOTER_ROWS) held.push(row)
      else {
        if (held.length === MAX_FOOTER_ROWS) narrowIsData = true
        out.rows.push(...held, row)
        held = []
      }
    }
  }

  // Settles the header among the held search rows (found: by signature or shape) and passes the rest on.
  const settle = (found: HeaderFound | null, out: { rows: RawRow[]; skipped: SkippedRow[] }): TableChunk['header'] => {
    if (found === null) return null
    const rows = searching
    searching = []
    const row = rows[found.index]
    if (row === undefined) return null
    for (const before of rows.slice(0, found.index)) {
      out.skipped.push({ line: before.line, reason: isEmptyRow(before) ? 'empty row' : 'before the header' })
    }
    header = { cells: row.cells, line: row.line, by: found.by }
    take(rows.slice(found.index + 1), out)
    return header
  }

  return {
    push(rows) {
      const out = { rows: [] as RawRow[], skipped: [] as SkippedRow[] }
      if (header !== null) {
        take(rows, out)
        return { header: null, ...out }
      }
      const offset = searching.length
      searching.push(...rows)
      if (options.isHeader !== undefined) {
        const test = options.isHeader
        const index = searching.findIndex((row, at) => at >= offset && !isEmptyRow(row) && test(row.cells))
        if (index !== -1) return { header: settle({ index, by: 'signature' }, out), ...out }
      }
      if (searching.length < searchRows) return { header: null, ...out }
      return { header: settle(findHeader(searching, options.isHeader), out), ...out }
    },
    end(cutShort = false) {
      const out = { rows: [] as RawRow[], skipped: [] as SkippedRow[] }
      let found: TableChunk['header'] = null
      if (header === null) {
        found = settle(findHeader(searching, options.isHeader), out)
        // Nothing but empty rows: report them as such.
        for (const row of searching) out.skipped.push({ line: row.line, reason: 'empty row' })
        searching = []
      }
      const width = headerWidth(header?.cells ?? [])
      if (cutShort) out.rows.push(...held)
      else {
        for (const row of held) {
          const reason = startsWithTotalLabel(row.cells)
            ? 'total line after the data'
            : `${row.cells.length} of ${width} columns, after the data`
          out.skipped.push({ line: row.line, reason })
        }
      }
      held = []
      return { header: found, ...out }
    },
  }
}

/** A whole list of rows → header, data rows and skipped rows (skipped in line order). */
export const shapeTable = (
  rows: readonly RawRow[],
  options: ShaperOptions & { readonly cutShort?: boolean } = {},
): { header: TableChunk['header']; rows: RawRow[]; skipped: SkippedRow[] } => {
  const shaper = createTableShaper({ ...options, headerSearchRows: Number.POSITIVE_INFINITY })
  const first = shaper.push(rows)
  const last = shaper.end(options.cutShort ?? false)
  const skipped = [...first.skipped, ...last.skipped].sort((a, b) => a.line - b.line)
  return { header: first.header ?? last.header, rows: [...first.rows, ...last.rows], skipped }
}
