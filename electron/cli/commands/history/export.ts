import { readFileSync } from 'node:fs'
import type { MethodInput } from '@shared/api/contract'
import type { ApiError } from '@shared/api/result'
import { CSV_ENTITIES, type RestoreSummary } from '@shared/api/types/history'
import { UsageError } from '../../args'
import { callOnce } from '../../call'
import { defineCommand, type CliContext } from '../../command'
import { callAndRespond, respond } from '../../respond'
import { documentLines, fileSink, rowCounts, stdoutSink, type Sink, type Written } from './sink'

/** `export` (JSON or CSV, to stdout or a file) and `restore FILE` (a JSON export into an empty database). */

const EXPORT_FLAGS = { entity: '--entity', out: '--out' } as const

const failed = (code: ApiError['code'], message: string, field: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message, fields: { [field]: message } },
})

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Write every line, or nothing under the file's name (the sink removes its partial file on failure). */
const writeAll = <R>(sink: Sink<R>, lines: Iterable<string>): R => {
  try {
    for (const line of lines) sink.line(line)
    return sink.close()
  } catch (error) {
    sink.abort()
    throw error
  }
}

const exportJson = async (context: CliContext, out: string | undefined): Promise<number> => {
  const result = await callOnce(context, 'export.json', undefined)
  if (!result.ok) return respond(context, 'export', result, { human: () => [] })
  if (out === undefined) {
    // The document itself on stdout (inside the envelope with --json), one row a line.
    writeAll(stdoutSink(context), documentLines(result.value, context.json))
    return 0
  }
  return toFile(
    context,
    out,
    () => {
      const written = writeAll(fileSink(out), documentLines(result.value))
      return { ...written, format: 'json' as const, rows: rowCounts(result.value) }
    },
    (value) => `${Object.values(value.rows).reduce((sum, n) => sum + n, 0)} rows`,
  )
}

const exportCsv = async (context: CliContext, entity: string, out: string | undefined): Promise<number> => {
  // The backend checks the entity name (VALIDATION on --entity), so the list lives in one place.
  const input = { entity } as MethodInput<'export.csv'>
  const result = await callOnce(context, 'export.csv', input)
  if (!result.ok || (out === undefined && context.json)) {
    return respond(context, 'export', result, { flags: EXPORT_FLAGS, human: () => [] })
  }
  const csv = result.value
  if (out === undefined) {
    // context.out ends each write with \n: dropping the text's own final \n keeps the CRLF that ends every record.
    if (csv.text !== '') context.out(csv.text.slice(0, -1))
    return 0
  }
  return toFile(
    context,
    out,
    () => {
      const sink = fileSink(out)
      return { ...writeAll(sink, [csv.text.slice(0, -1)]), format: 'csv' as const, entity: csv.entity, rows: csv.rows }
    },
    (value) => `${value.rows} ${value.rows === 1 ? 'row' : 'rows'} of ${value.entity}`,
  )
}

const toFile = <T extends Written>(
  context: CliContext,
  out: string,
  write: () => T,
  what: (value: T) => string,
): number => {
  let written: T
  try {
    written = write()
  } catch (error) {
    return respond(context, 'export', failed('VALIDATION', `Cannot write ${out}: ${reason(error)}`, 'out'), {
      flags: EXPORT_FLAGS,
      human: () => [],
    })
  }
  return respond(
    context,
    'export',
    { ok: true, value: written },
    { human: (value) => [`Exported ${what(value)} to ${value.file}`] },
  )
}

export const exportCommand = defineCommand({
  summary: 'Export the ledger: the whole of it as JSON (restorable), or one entity as CSV',
  synopsis: '[--format json|csv] [--entity NAME] [--out FILE]',
  options: {
    format: {
      type: 'string',
      value: 'json|csv',
      description: 'json (default): every table, restorable; csv: one entity',
    },
    entity: { type: 'string', value: 'NAME', description: `With --format csv: ${CSV_ENTITIES.join(', ')}` },
    out: { type: 'string', value: 'FILE', description: 'Write to FILE instead of stdout' },
  },
  run: async (context, values) => {
    const format = values.format ?? 'json'
    if (format === 'json') {
      if (values.entity !== undefined) throw new UsageError('--entity goes with --format csv', 'export')
      return exportJson(context, values.out)
    }
    if (format !== 'csv') throw new UsageError(`--format is json or csv, got "${format}"`, 'export')
    if (values.entity === undefined) {
      throw new UsageError(`--format csv needs --entity (${CSV_ENTITIES.join(', ')})`, 'export')
    }
    return exportCsv(context, values.entity, values.out)
  },
})

const restoreHuman = (file: string) => (summary: RestoreSummary) => {
  const total = Object.values(summary.rows).reduce((sum, n) => sum + n, 0)
  if (summary.batch === null) return [`${file} holds nothing to restore.`]
  return [
    `Restored ${total} rows from ${file} as batch ${summary.batch.id} (\`credit-ledger undo\` takes it back).`,
    ...Object.entries(summary.rows)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `  ${table}: ${n}`),
  ]
}

export const restoreCommand = defineCommand({
  summary: 'Restore a JSON export into an empty database (one undoable step)',
  synopsis: 'FILE',
  positionals: ['FILE'],
  options: {},
  run: async (context, _values, [file = '']) => {
    let document: unknown
    try {
      document = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      const code = (error as { code?: unknown }).code === 'ENOENT' ? 'NOT_FOUND' : 'VALIDATION'
      return respond(context, 'restore', failed(code, `Cannot read ${file} as JSON: ${reason(error)}`, 'file'), {
        flags: { file: 'FILE' },
        human: () => [],
      })
    }
    // The worker validates the document against the contract's schema; here it is only passed along.
    const input = { document } as MethodInput<'restore.json'>
    return callAndRespond(context, 'restore', 'restore.json', input, { human: restoreHuman(file) })
  },
})
