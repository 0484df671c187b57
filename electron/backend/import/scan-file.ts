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
 * Reading an import file, synchronously and in 64 KB chunks (issue 5 §9: a million rows never sit in memory).
 * Synchronous on purpose: the commit holds one write transaction for the whole pass, and an await inside it would
 * let another call of this backend run inside that transaction. The worker thread blocks; the host stays free.
 *
 * The head is read until the header (and the profile) is known. Only a profile with several candidate date formats
 * needs every row before mapping (the format is settled over all of them), and only then is the whole file read
 * twice; otherwise the mapping pass is the only full pass, and it finds the file's hash and any fault on the way.
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

/** What a whole pass over the file found. */
export interface FilePass {
  readonly sha256: string
  readonly bytes: number
  readonly encoding: TextEncoding | null
  readonly delimiter: string
  readonly fault: RowProblem | null
  /** Rows the reader skipped (preamble, footer totals). */
  readonly skipped: number
  /** The file turned out not to be UTF-8 after rows were read: the pass must be run again (mapRows does). */
  readonly restartAs: TextEncoding | null
}

export interface ScanResult {
  readonly header: readonly string[] | null
  readonly headerLine: number | null
  readonly match: ProfileMatch | null
  readonly dateFormat: DateFormat | null
  readonly refusal: ScanRefusal | null
  /** The whole file's pass when the scan needed one (date detection, or no header found); else mapRows gives it. */
  readonly pass: FilePass | null
}

/** Read the file once, handing each chunk's bytes and the rows decoded from them to `onRows`. */
const readFile = (
  path: string,
  encoding: TextEncoding | undefined,
  match: (cells: readonly string[]) => boolean,
  onRows: (
    header: { cells: readonly string[]; line: number } | null,
    rows: readonly RawRow[],
    skipped: number,
  ) => 'stop' | undefined,
): FilePass | null => {
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
    let skipped = 0
    for (;;) {
      hash.update(chunk)
      const shaped = reader.push(chunk)
      skipped += shaped.skipped.length
      if (onRows(shaped.header, shaped.rows, shaped.skipped.length) === 'stop') return null
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
    return {
      sha256: hash.digest('hex'),
      bytes: size,
      encoding: reader.encoding,
      delimiter: reader.delimiter,
      fault: end.fault,
      skipped: skipped + end.skipped.length,
      restartAs: end.restartAs,
    }
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

/** The mapping pass: every row's outcome to `visit`, in file order. */
export type MapRows = (visit: (outcome: RowOutcome) => void) => FilePass

/**
 * The mapping pass run elsewhere (the parse worker re-scans the file with these options and maps it): `pass` gets
 * the encoding to read with (undefined: detect), and its FilePass counts for a restart as mapRows' does.
 */
export type PassElsewhere = (pass: (encoding: TextEncoding | undefined) => FilePass) => FilePass

/**
 * Scan `path`: detect encoding, header and profile, and settle the date format over every row of the date column
 * when several readings are possible (asking when several fit). When the file can be mapped, `mapRows` runs the
 * mapping pass; a caller that must not keep rows from a pass that restarts (restartAs) runs it in a savepoint.
 */
export const scanFile = (
  path: string,
  options: ScanOptions,
): ScanResult & { readonly mapRows?: MapRows; readonly passElsewhere?: PassElsewhere } => {
  const isHeader = (cells: readonly string[]) => matchOf(cells, options) !== null
  let header: { cells: readonly string[]; line: number } | null = null
  let match: ProfileMatch | null = null
  const dates = new Set<string>()
  let dateColumn: string | undefined
  let dateIndex = -1
  const needsDates = () => match !== null && options.dateFormat === undefined && dateFormatsOf(match).length > 1
  const headPass = (encoding: TextEncoding | undefined): FilePass | null => {
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
      if (match === null) return undefined
      if (!needsDates()) return 'stop'
      if (dateIndex >= 0) for (const row of rows) dates.add(row.cells[dateIndex] ?? '')
      return undefined
    })
  }
  let encoding = options.encoding
  let pass = headPass(encoding)
  // Valid UTF-8 at first, then a byte that is not: the whole file is read again as Windows-1252 (text-reader.ts).
  if (pass !== null && pass.restartAs !== null && encoding === undefined) {
    encoding = pass.restartAs
    pass = headPass(encoding)
  }
  const found = match as ProfileMatch | null
  const head = header as { cells: readonly string[]; line: number } | null
  const base = { header: head?.cells ?? null, headerLine: head?.line ?? null, match: found, pass }
  const refuse = (refusal: ScanRefusal): ScanResult => ({ ...base, dateFormat: null, refusal })
  if (head === null) return refuse({ kind: 'empty' })
  if (found === null) return refuse({ kind: 'unknown_format', header: head.cells })
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
  const columns = columnIndex(head.cells)
  const mapWith = (fileEncoding: TextEncoding | undefined, visit: (outcome: RowOutcome) => void): FilePass => {
    const full = readFile(path, fileEncoding, isHeader, (_header, rows) => {
      for (const row of rows) visit(found.profile.map(row, columns, settings))
      return undefined
    })
    if (full === null) throw new Error('unreachable: the mapping pass reads the whole file')
    return full
  }
  const tracked = (full: FilePass): FilePass => {
    // Not UTF-8 after all: the caller discards this pass's rows and calls again, which reads with the new encoding.
    if (full.restartAs !== null && encoding === undefined) encoding = full.restartAs
    return full
  }
  return {
    ...base,
    dateFormat,
    refusal: null,
    mapRows: (visit) => tracked(mapWith(encoding, visit)),
    passElsewhere: (pass) => tracked(pass(encoding)),
  }
}
