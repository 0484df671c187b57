import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ExportDocument } from '@shared/api/types/history'
import type { CliContext } from '../../command'

/**
 * Where `export` writes: a file (through FILE.partial renamed at the end, so a failed export never leaves half a
 * file under the real name) or stdout, line by line, so a large ledger is never one giant string.
 */

export interface Sink<R> {
  readonly line: (text: string) => void
  /** Finish; a file answers its absolute path and size. */
  readonly close: () => R
  /** Give up: remove the partial file. */
  readonly abort: () => void
}

const FLUSH_AT = 1 << 20

export interface Written {
  readonly file: string
  readonly bytes: number
}

export const fileSink = (path: string): Sink<Written> => {
  const file = resolve(path)
  const partial = `${file}.partial`
  const fd = openSync(partial, 'w')
  let pending: string[] = []
  let size = 0
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''))
    pending = []
    size = 0
  }
  return {
    line: (text) => {
      pending.push(text, '\n')
      size += text.length + 1
      if (size >= FLUSH_AT) flush()
    },
    close: () => {
      flush()
      closeSync(fd)
      renameSync(partial, file)
      return { file, bytes: statSync(file).size }
    },
    abort: () => {
      closeSync(fd)
      rmSync(partial, { force: true })
    },
  }
}

export const stdoutSink = (context: CliContext): Sink<null> => ({
  line: (text) => context.out(text),
  close: () => null,
  abort: () => undefined,
})

/**
 * The document as JSON text, one table row a line (valid JSON, and a diff of two exports reads row by row).
 * `wrap` puts it inside the --json envelope: {"ok":true,"data":<document>}.
 */
export function* documentLines(document: ExportDocument, wrap = false): Generator<string> {
  const { tables, ...header } = document
  const head = JSON.stringify(header)
  yield `${wrap ? '{"ok":true,"data":' : ''}${head.slice(0, -1)},"tables":{`
  const entries = Object.entries(tables) as [string, readonly unknown[]][]
  for (const [index, [name, rows]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : ''
    if (rows.length === 0) {
      yield `${JSON.stringify(name)}:[]${comma}`
      continue
    }
    yield `${JSON.stringify(name)}:[`
    for (const [at, row] of rows.entries()) yield `${JSON.stringify(row)}${at < rows.length - 1 ? ',' : ''}`
    yield `]${comma}`
  }
  yield `}}${wrap ? '}' : ''}`
}

/** Rows per table, for the summary an export to a file answers with. */
export const rowCounts = (document: ExportDocument): Record<string, number> =>
  Object.fromEntries(Object.entries(document.tables).map(([name, rows]) => [name, (rows as unknown[]).length]))
