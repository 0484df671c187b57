import type { ApiError } from '@shared/api/result'
import type { ImportQuestion, ImportReport } from '@shared/api/types/imports'
import { reportFailure } from '../../call'
import type { CliContext } from '../../command'
import { answerOf, IMPORT_FLAGS } from './questions'
import { reportLines } from './report-lines'

/**
 * How the import commands answer a failure. The envelope is respond.ts's, plus `details` when the backend sent any:
 * an import question travels there (`error.details.question`), so a script can read which flag answers it.
 */

export const failWith = (context: CliContext, command: string, error: ApiError): number => {
  if (context.json) {
    const { code, message, fields, details } = error
    context.out(
      JSON.stringify({ ok: false, error: { code, message, fields: fields ?? {}, ...(details ? { details } : {}) } }),
    )
    return 1
  }
  return reportFailure(context, command, error, IMPORT_FLAGS)
}

/**
 * A question instead of an import: exit 1 with the flag that answers it. A commit's refusal carries only the
 * question; a dry run also has the preview so far (`details.report`), which people see when it says something
 * (the rows before a fault are counted, and `--rows-before-fault` would import exactly those).
 */
export const ask = (
  context: CliContext,
  command: string,
  question: ImportQuestion,
  formatIds: readonly string[],
  report?: ImportReport,
): number => {
  const { field, text } = answerOf(question, formatIds)
  if (context.json) {
    const error = {
      code: 'VALIDATION',
      message: question.message,
      fields: field === null ? {} : { [field]: text },
      details: { question, ...(report === undefined ? {} : { report }) },
    }
    context.out(JSON.stringify({ ok: false, error }))
    return 1
  }
  if (report !== undefined && question.kind === 'fault') for (const line of reportLines(report, true)) context.out(line)
  context.err(`credit-ledger ${command}: ${field === null ? text : `${IMPORT_FLAGS[field]}: ${text}`}`)
  return 1
}
