import { callOnce } from '../../call'
import { defineCommand, type CliContext } from '../../command'
import { respond } from '../../respond'
import { fileSink } from '../history/sink'
import { accountOption } from '../views/format'

/**
 * `calendar export [--account ID] [--out FILE]`: expiries and renewals as an .ics file to import into a calendar.
 * Without --out the document itself goes to stdout (inside the envelope with --json); with it, a one-line summary.
 */

const FLAGS = { accountId: '--account', out: '--out' } as const

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const events = (n: number): string => `${n} event${n === 1 ? '' : 's'}`

const cannotWrite = (context: CliContext, out: string, error: unknown): number => {
  const message = `Cannot write ${out}: ${reason(error)}`
  return respond(
    context,
    'calendar export',
    { ok: false, error: { code: 'VALIDATION', message, fields: { out: message } } },
    { flags: FLAGS, human: () => [] },
  )
}

/** Through FILE.partial renamed at the end (history/sink.ts): a failed write never leaves half a file. */
const writeFile = (context: CliContext, out: string, ics: string, count: number): number => {
  let written: { file: string; bytes: number }
  try {
    const sink = fileSink(out)
    try {
      // The sink ends each line with \n: dropping the document's own final \n keeps its closing CRLF, byte for byte.
      sink.line(ics.slice(0, -1))
      written = sink.close()
    } catch (error) {
      sink.abort()
      throw error
    }
  } catch (error) {
    return cannotWrite(context, out, error)
  }
  return respond(
    context,
    'calendar export',
    { ok: true, value: { ...written, events: count } },
    { human: (value) => [`Exported ${events(value.events)} to ${value.file}`] },
  )
}

export const calendarExportCommand = defineCommand({
  summary: 'Export credit expiries and plan renewals as an iCalendar (.ics) file for a calendar app',
  synopsis: '[--account ID] [--out FILE]',
  options: {
    account: { type: 'string', value: 'ID', description: 'Only this account (default: all)' },
    out: { type: 'string', value: 'FILE', description: 'Write the .ics to FILE instead of stdout' },
  },
  run: async (context, values) => {
    const result = await callOnce(context, 'calendar.export', accountOption('calendar export', values.account))
    if (!result.ok || (values.out === undefined && context.json)) {
      return respond(context, 'calendar export', result, { flags: FLAGS, human: () => [] })
    }
    const { ics, events: count } = result.value
    if (values.out !== undefined) return writeFile(context, values.out, ics, count)
    // context.out ends the write with \n: dropping the document's final \n keeps the CRLF that ends every line.
    context.out(ics.slice(0, -1))
    return 0
  },
})
