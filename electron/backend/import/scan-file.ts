import { createHash } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { DateFormat } from '@shared/import/dates'
import { detectDateFormat } from '@shared/import/dates'
import type { TextEncoding } from '@shared/import/encoding'
import type { DecimalMark } from '@shared/import/numbers'
import { profileById } from '@shared/import/profiles/catalog'
import type { Profile } from '@shared/import/profiles/types'
import { columnIndex } from '@shared/import/profiles/columns'
import { dateColumnOf, dateFormatsOf, detectProfile, type ProfileMatch } from '@shared/import/profiles/detect'
import { createTableReader } from '@shared/import/text-reader'
import type { RawRow, RowOutcome, RowProblem } from '@shared/import/types'

/**
 * One pass over an import file, synchronously and in 64 KB chunks (issue 5 §9: a million rows never sit in memory).
 * Synchronous on purpose: the commit holds one write transaction for the whole pass, and an await inside it would
 * let another call of this backend run inside that transaction. The worker thread blocks; the host stays free.
 */

const CHUNK = 64 * 1024

export interface ScanOptions {
  /** A profile id, or undefined to detect it from the header. */
  readonly profileId?: string
  /** The user's saved mappings (and one being tried), as profiles: tried after the shipped ones. */
  readonly extraProfiles?: readonly Profile[]
  readonly encoding?: TextEncoding
  readonly decimalMark?: DecimalMark
  readonly dateFormat?: DateFormat
}

/** Why a file cannot be mapped at all: the caller shows it (and for `date_format`, asks). */
export type ScanRefusal =
  | { readonly kind: 'unknown_format'; readonly header: readonly string[] }
  | { readonly kind: 'date_format'; readonly column: string; readonly formats: readonly DateFormat[] }
  | { readonly kind: 'no_date_format'; readonly column: string; readonly failures: readonly string[] }
  | { readonly kind: 'empty' }

export interface ScanResult {
  readonly sha256: string
  readonly bytes: number
  readonly encoding: TextEncoding | null
  readonly delimiter: string
  readonly header: readonly string[] | null
  readonly headerLine: number | null
  readonly match: ProfileMatch | null
  readonly dateFormat: DateFormat | null
  readonly skipped: number
  readonly fault: RowProblem | null
  readonly refusal: ScanRefusal | null
}

/** Read the file once, handing each chunk's bytes and the rows decoded from them to `onRows`. */
const readFile = (
  path: string,
  encoding: TextEncoding | undefined,
  match: (cells: readonly string[]) => boolean,
  onRows: (header: { cells: readonly string[]; line: number } | null, rows: readonly RawRow[], skipped: number) => void,
) => {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const hash = createHash('sha256')
    const buffer = Buffer.alloc(CHUNK)
    const first = readSync(fd, buffer, 0, CHUNK, 0)
    const head = Uint8Array.prototype.slice.call(buffer, 0, first)
    const reader = createTableReader(head, {
      isHeader: match,
      complete: first >= size,
      ...(encoding ? { encoding } : {}),
    })
    let chunk: Uint8Array = head
    let offset = first
    for (;;) {
      hash.update(chunk)
      const shaped = reader.push(chunk)
      onRows(shaped.header, shaped.rows, shaped.skipped.length)
      if (reader.fault !== null || chunk.length === 0 || offset >= size) break
      const read = readSync(fd, buffer, 0, CHUNK, offset)
      if (read === 0) break
      offset += read
      chunk = Uint8Array.prototype.slice.call(buffer, 0, read)
    }
    // Hash what was not read after a fault, so the file's identity never depends on where it failed.
    while (offset < size) {
      const read = readSync(fd, buffer, 0, CHUNK, offset)
      if (read === 0) break
      hash.update(buffer.subarray(0, read))
      offset += read
    }
    const end = reader.end()
    onRows(end.header, end.rows, end.skipped.length)
    return { sha256: hash.digest('hex'), bytes: size, encoding: reader.encoding, delimiter: reader.delimiter, end }
  } finally {
    closeSync(fd)
  }
}

const matchOf = (cells: readonly string[], options: ScanOptions): ProfileMatch | null => {
  const extra = options.extraProfiles ?? []
  if (options.profileId === undefined)
    return detectProfile(cells) ?? (extra.length > 0 ? detectProfile(cells, extra) : null)
  const profile = profileById(options.profileId) ?? extra.find((candidate) => candidate.id === options.profileId)
  return profile === undefined ? null : detectProfile(cells, [profile])
}

/** The second pass: every row's outcome to `visit`, in file order; answers how many rows the reader skipped. */
export type MapRows = (visit: (outcome: RowOutcome) => void) => number

/**
 * Scan `path`: detect encoding, header and profile, and settle the date format over every row of the date column
 * (asking when several readings fit). When the file can be mapped, `mapRows` runs the second pass.
 */
export const scanFile = (path: string, options: ScanOptions): ScanResult & { readonly mapRows?: MapRows } => {
  const isHeader = (cells: readonly string[]) => matchOf(cells, options) !== null
  let header: { cells: readonly string[]; line: number } | null = null
  let match: ProfileMatch | null = null
  const dates = new Set<string>()
  let dateColumn: string | undefined
  let dateIndex = -1
  const needsDates = () => match !== null && options.dateFormat === undefined && dateFormatsOf(match).length > 1
  const firstPass = (encoding: TextEncoding | undefined) => {
    header = null
    match = null
    dates.clear()
    return readFile(path, encoding, isHeader, (found, rows) => {
      if (found !== null && header === null) {
        header = found
        match = matchOf(found.cells, options)
        dateColumn = match === null ? undefined : dateColumnOf(match)
        dateIndex = dateColumn === undefined ? -1 : found.cells.findIndex((cell) => cell.trim() === dateColumn)
      }
      if (needsDates() && dateIndex >= 0) for (const row of rows) dates.add(row.cells[dateIndex] ?? '')
    })
  }
  let encoding = options.encoding
  let first = firstPass(encoding)
  // Valid UTF-8 at first, then a byte that is not: the whole file is read again as Windows-1252 (text-reader.ts).
  if (first.end.restartAs !== null && encoding === undefined) {
    encoding = first.end.restartAs
    first = firstPass(encoding)
  }
  const base = {
    sha256: first.sha256,
    bytes: first.bytes,
    encoding: first.encoding,
    delimiter: first.delimiter,
    header: (header as { cells: readonly string[] } | null)?.cells ?? null,
    headerLine: (header as { line: number } | null)?.line ?? null,
    match: match as ProfileMatch | null,
    fault: first.end.fault,
  }
  const refuse = (refusal: ScanRefusal): ScanResult => ({ ...base, dateFormat: null, skipped: 0, refusal })
  if (base.header === null) return refuse({ kind: 'empty' })
  if (base.match === null) return refuse({ kind: 'unknown_format', header: base.header })
  const found = base.match
  let dateFormat = options.dateFormat ?? dateFormatsOf(found)[0] ?? null
  if (needsDates()) {
    const detection = detectDateFormat([...dates], dateFormatsOf(found))
    if (detection.kind === 'ambiguous') {
      return refuse({ kind: 'date_format', column: dateColumn ?? '', formats: detection.formats })
    }
    if (detection.kind === 'none') {
      const failures = detection.failures.map((failure) => `${failure.format}: "${failure.sample}"`)
      return refuse({ kind: 'no_date_format', column: dateColumn ?? '', failures })
    }
    dateFormat = detection.format
  }
  const settings = {
    ...(options.decimalMark === undefined ? {} : { decimalMark: options.decimalMark }),
    ...(dateFormat === null ? {} : { dateFormat }),
  }
  const columns = columnIndex(base.header)
  const result: ScanResult = { ...base, dateFormat, skipped: 0, refusal: null }
  return {
    ...result,
    mapRows: (visit) => {
      let skipped = 0
      readFile(path, encoding, isHeader, (_header, rows, skippedRows) => {
        skipped += skippedRows
        for (const row of rows) visit(found.profile.map(row, columns, settings))
      })
      return skipped
    },
  }
}
