import { accessSync, constants, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ApiError } from '@shared/api/result'
import { parseId, UsageError } from '../../args'
import { defineCommand } from '../../command'
import { respond } from '../../respond'
import { ask, failWith } from './answer'
import { questionOfError } from './questions'
import { reportLines } from './report-lines'
import { callOn, withBackend } from './with-backend'

/**
 * `import FILE` (issue 5 §8): a vendor export or a statement, previewed (`--dry-run`, nothing written) or committed as
 * one import batch. The CLI is the host here: it registers the path it was given with its backend and calls the
 * contract by the opaque id, exactly as the app does after its file dialog.
 */

const COMMAND = 'import'

/**
 * FILE, resolved against the current directory. A missing or unreadable file is a failure of the run (exit 1,
 * NOT_FOUND or VALIDATION naming FILE), not a usage error: the command line was right, the file was not there.
 */
const locate = (file: string): { ok: true; path: string } | { ok: false; error: ApiError } => {
  const path = resolve(process.cwd(), file)
  const refuse = (code: ApiError['code'], message: string): { ok: false; error: ApiError } => ({
    ok: false,
    error: { code, message, fields: { file: message } },
  })
  try {
    if (!statSync(path).isFile()) return refuse('VALIDATION', `${file} is not a file (${path})`)
    accessSync(path, constants.R_OK)
    return { ok: true, path }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return refuse('NOT_FOUND', `No such file: ${file} (${path})`)
    return refuse('VALIDATION', `${file} cannot be read (${code ?? String(error)})`)
  }
}

interface ImportFlags {
  readonly format?: string | undefined
  readonly account?: string | undefined
  readonly 'date-format'?: string | undefined
  readonly 'decimal-mark'?: string | undefined
  readonly 'rows-before-fault'?: boolean | undefined
  readonly credit?: string | undefined
}

/** "4=10,9=25.50" → { "4": "10", "9": "25.50" }: the credit bought by each statement purchase, by its line. */
const creditsOf = (text: string | undefined): Record<string, string> | undefined => {
  if (text === undefined) return undefined
  const entries = text.split(',').map((pair) => {
    const match = /^\s*(\d+)\s*=\s*(\S+)\s*$/.exec(pair)
    if (match === null)
      throw new UsageError(`--credit is LINE=AMOUNT[,LINE=AMOUNT…], e.g. 14=10.00; got "${pair}"`, COMMAND)
    return [match[1] ?? '', match[2] ?? ''] as const
  })
  return Object.fromEntries(entries)
}

/**
 * The flags as contract input; a value outside the known lists is a usage error (exit 2) listing them. The format
 * and date lists are loaded here, not at start-up, so other commands never load the import profiles.
 */
const settingsOf = async (values: ImportFlags) => {
  const [{ PROFILES }, { DATE_FORMATS }] = await Promise.all([
    import('@shared/import/profiles/catalog'),
    import('@shared/import/dates'),
  ])
  const formatIds = PROFILES.map((profile) => profile.id)
  const format = values.format === undefined || values.format === 'auto' ? undefined : values.format
  if (format !== undefined && !formatIds.includes(format)) {
    throw new UsageError(`--format is auto or one of ${formatIds.join(', ')}; got "${format}"`, COMMAND)
  }
  const dateFormat = DATE_FORMATS.find((known) => known === values['date-format'])
  if (values['date-format'] !== undefined && dateFormat === undefined) {
    throw new UsageError(`--date-format is one of ${DATE_FORMATS.join(', ')}; got "${values['date-format']}"`, COMMAND)
  }
  const mark = (['.', ','] as const).find((known) => known === values['decimal-mark'])
  if (values['decimal-mark'] !== undefined && mark === undefined) {
    throw new UsageError(`--decimal-mark is . or , (got "${values['decimal-mark']}")`, COMMAND)
  }
  return {
    formatIds,
    input: {
      ...(format === undefined ? {} : { profileId: format }),
      ...(values.account === undefined ? {} : { accountId: parseId(COMMAND, '--account', values.account) }),
      ...(dateFormat === undefined ? {} : { dateFormat }),
      ...(mark === undefined ? {} : { decimalMark: mark }),
      ...(values['rows-before-fault'] === true ? { acceptRowsBeforeFault: true } : {}),
      ...(values.credit === undefined ? {} : { credits: creditsOf(values.credit) }),
    },
  }
}

export const importCommand = defineCommand({
  summary: 'Import a vendor export or a card or bank statement as one undoable batch (--dry-run: preview only)',
  synopsis:
    'FILE [--format NAME|auto] [--account ID] [--date-format FMT] [--decimal-mark .|,] [--rows-before-fault] ' +
    '[--credit LINE=AMOUNT,…] [--dry-run]',
  positionals: ['FILE'],
  options: {
    format: {
      type: 'string',
      value: 'NAME',
      description: 'The file’s format: auto (default: detected from its header) or a format id, e.g. openai-cost',
    },
    account: { type: 'string', value: 'ID', description: 'The account usage rows go to (asked when not obvious)' },
    'date-format': {
      type: 'string',
      value: 'FMT',
      description: 'How the dates are written when they read two ways, e.g. DD/MM/YYYY or MM/DD/YYYY',
    },
    'decimal-mark': { type: 'string', value: '.|,', description: 'The decimal mark, when the format leaves it open' },
    credit: {
      type: 'string',
      value: 'LINE=AMOUNT,…',
      description: 'Credit bought by statement purchases that do not say it (another currency), by line',
    },
    'rows-before-fault': {
      type: 'boolean',
      description: 'A malformed file (e.g. an unterminated quote): import the valid rows before the fault',
    },
    'dry-run': { type: 'boolean', description: 'Preview what would be imported; write nothing' },
  },
  run: async (context, values, [file = '']) => {
    const { formatIds, input } = await settingsOf(values)
    const located = locate(file)
    if (!located.ok) return failWith(context, COMMAND, located.error)
    const dryRun = values['dry-run'] === true
    const result = await withBackend(context, async (client) => {
      const fileId = await client.registerFile(located.path, basename(located.path))
      return callOn(client, dryRun ? 'imports.preview' : 'imports.commit', { fileId, ...input })
    })
    if (!result.ok) {
      const question = questionOfError(result.error)
      return question === undefined
        ? failWith(context, COMMAND, result.error)
        : ask(context, COMMAND, question, formatIds)
    }
    const report = result.value
    if (report.question !== null) return ask(context, COMMAND, report.question, formatIds, report)
    return respond(context, COMMAND, result, { human: (value) => reportLines(value, dryRun) })
  },
})
