import { createRowReader, type RowReader } from './csv-rows'
import { sniffDelimiter } from './dialect'
import { createDecoder, EncodingFault, type ChunkDecoder, type TextEncoding } from './encoding'
import { createTableShaper, type HeaderTest, type SkippedRow, type TableChunk } from './text-table'
import type { RawRow, RowProblem } from './types'

/**
 * The text layer in one piece: bytes → decoded text → rows → header, data rows, skipped rows, and at most one
 * fault. `createTableReader` streams (the backend feeds 64 KB chunks of a 100 MB file); `readTable` is the same
 * reader fed a whole small file at once, so both paths give the same answer for the same bytes.
 *
 * A fault (an encoding error, an unterminated or malformed quote) ends the reading: the rows before it have been
 * handed on, nothing after it is (issue 5 §5: the caller may offer to import the rows before the fault only).
 */

export interface TableReaderOptions {
  /** Recognises the header row by a profile's signature; without it (or when nothing matches) the shape rule. */
  readonly isHeader?: HeaderTest
  /** Skips sniffing (a saved user mapping knows it). */
  readonly delimiter?: string
  /** Skips detection (after a fault's restartAs, or the user's choice). */
  readonly encoding?: TextEncoding
  /** Rows looked at for the header before the shape rule decides. Default 50. */
  readonly headerSearchRows?: number
  /** See RowReaderOptions.maxRowChars. */
  readonly maxRowChars?: number
  /** The head is the whole file. */
  readonly complete?: boolean
}

export interface TableReaderEnd extends TableChunk {
  readonly fault: RowProblem | null
  /** The file must be read again from the start with this encoding (see EncodingFault); null otherwise. */
  readonly restartAs: TextEncoding | null
}

export interface TableReader {
  /** null when the encoding could not be determined (then `fault` says why). */
  readonly encoding: TextEncoding | null
  readonly delimiter: string
  /** Set as soon as known: further chunks are ignored, the caller may stop reading. */
  readonly fault: RowProblem | null
  push(chunk: Uint8Array): TableChunk
  end(): TableReaderEnd
}

const SNIFF_BYTES = 64 * 1024

/** Line breaks (LF, CRLF, lone CR) in bytes of an ASCII-compatible encoding. */
const byteLineBreaks = (bytes: Uint8Array): number => {
  let count = 0
  bytes.forEach((byte, index) => {
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) count++
  })
  return count
}

const noRows = (): TableChunk => ({ header: null, rows: [], skipped: [] })

/** A reader for a file whose first bytes are `head` (see createDecoder: every chunk, head included, goes to push). */
export const createTableReader = (head: Uint8Array, options: TableReaderOptions = {}): TableReader => {
  let decoder: ChunkDecoder
  try {
    decoder = createDecoder(head, options)
  } catch (error) {
    if (!(error instanceof EncodingFault)) throw error
    const fault: RowProblem = { line: 1, column: null, reason: error.message }
    return {
      encoding: null,
      delimiter: options.delimiter ?? ',',
      fault,
      push: noRows,
      end: () => ({ ...noRows(), fault, restartAs: error.restartAs }),
    }
  }
  const delimiter = options.delimiter ?? sniffDelimiter(sniffText(head, decoder.encoding))
  const rows: RowReader = createRowReader({ delimiter, ...pick(options.maxRowChars) })
  const shaper = createTableShaper(options)
  let consumed = 0
  let encodingFault: { problem: RowProblem; restartAs: TextEncoding | null } | null = null

  const faultOf = (): RowProblem | null => encodingFault?.problem ?? rows.fault

  return {
    get encoding() {
      return decoder.encoding
    },
    delimiter,
    get fault() {
      return faultOf()
    },
    push(chunk) {
      if (faultOf() !== null) return noRows()
      let text: string
      try {
        text = decoder.decode(chunk)
      } catch (error) {
        if (!(error instanceof EncodingFault)) throw error
        const before = chunk.subarray(0, Math.max(0, error.byteOffset - consumed))
        const line = rows.nextLine + byteLineBreaks(before)
        encodingFault = { problem: { line, column: null, reason: error.message }, restartAs: error.restartAs }
        return noRows()
      }
      consumed += chunk.length
      return shaper.push(rows.push(text))
    },
    end() {
      if (faultOf() === null) {
        try {
          const text = decoder.end()
          const last = rows.push(text)
          const final = rows.end()
          const chunk = shaper.push([...last, ...final.rows])
          const rest = shaper.end(final.fault !== null)
          return merge(chunk, rest, final.fault, null)
        } catch (error) {
          if (!(error instanceof EncodingFault)) throw error
          encodingFault = {
            problem: { line: rows.nextLine, column: null, reason: error.message },
            restartAs: error.restartAs,
          }
        }
      }
      return merge(noRows(), shaper.end(true), faultOf(), encodingFault?.restartAs ?? null)
    },
  }
}

const pick = (maxRowChars: number | undefined): { maxRowChars?: number } =>
  maxRowChars === undefined ? {} : { maxRowChars }

// The head decoded on its own, for sniffing only (a sequence cut at its end is simply left out).
const sniffText = (head: Uint8Array, encoding: TextEncoding): string => {
  try {
    return createDecoder(head, { encoding }).decode(head.subarray(0, SNIFF_BYTES))
  } catch {
    return ''
  }
}

const merge = (
  first: TableChunk,
  second: TableChunk,
  fault: RowProblem | null,
  restartAs: TextEncoding | null,
): TableReaderEnd => ({
  header: first.header ?? second.header,
  rows: [...first.rows, ...second.rows],
  skipped: [...first.skipped, ...second.skipped],
  fault,
  restartAs,
})

/** A whole small file, read. */
export interface TextTable {
  readonly encoding: TextEncoding | null
  readonly delimiter: string
  /** The header's cells (BOM-free), null when the file has no non-empty row before a fault. */
  readonly header: readonly string[] | null
  readonly headerLine: number | null
  /** How the header was found: by the caller's signature test, or by shape (no signature matched). */
  readonly headerBy: 'signature' | 'shape' | null
  /** The data rows, in file order, each with the physical line it starts on. */
  readonly rows: readonly RawRow[]
  /** Preamble, empty and footer rows, in line order: reported, not errors. */
  readonly skipped: readonly SkippedRow[]
  /** The structural or encoding fault that ended the reading; `rows` are those before it. */
  readonly fault: RowProblem | null
}

/** decode → sniff → rows → header, preamble and footer, for a file small enough to hold (bytes of the whole file). */
export const readTable = (bytes: Uint8Array, options: Omit<TableReaderOptions, 'complete'> = {}): TextTable => {
  const reader = createTableReader(bytes, { ...options, complete: true })
  const first = reader.push(bytes)
  const last = reader.end()
  const header = first.header ?? last.header
  return {
    encoding: reader.encoding,
    delimiter: reader.delimiter,
    header: header?.cells ?? null,
    headerLine: header?.line ?? null,
    headerBy: header?.by ?? null,
    rows: [...first.rows, ...last.rows],
    skipped: [...first.skipped, ...last.skipped].sort((a, b) => a.line - b.line),
    fault: last.fault,
  }
}
