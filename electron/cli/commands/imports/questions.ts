import type { ApiError } from '@shared/api/result'
import type { ImportQuestion } from '@shared/api/types/imports'

/**
 * An import the backend cannot do as asked comes back with a question (issue 5 §4, §5): which date format, which
 * format, which account, whether to keep the rows before a fault. The app asks in its wizard; the CLI answers with a
 * flag, so each question becomes an error naming the flag that answers it and the values it takes.
 */

/** Contract field → the flag a user types (field messages and questions name the flag). */
export const IMPORT_FLAGS = {
  fileId: 'FILE',
  file: 'FILE',
  profileId: '--format',
  accountId: '--account',
  dateFormat: '--date-format',
  decimalMark: '--decimal-mark',
  acceptRowsBeforeFault: '--rows-before-fault',
  batchId: 'BATCH',
} as const

export interface QuestionAnswer {
  /** The contract field the answer goes to; null when no flag answers it (an empty file). */
  readonly field: keyof typeof IMPORT_FLAGS | null
  /** For people: what is wrong and which flag (with which values) answers it. */
  readonly text: string
}

const QUESTION_KINDS: readonly string[] = [
  'unknown_format',
  'date_format',
  'no_date_format',
  'account',
  'fault',
  'empty',
] satisfies readonly ImportQuestion['kind'][]

/** The question a refused commit carries in error.details (run-import.ts); undefined for any other failure. */
export const questionOfError = (error: ApiError): ImportQuestion | undefined => {
  const question = error.details?.['question']
  if (typeof question !== 'object' || question === null) return undefined
  const kind = (question as { kind?: unknown }).kind
  // The backend built it as an ImportQuestion; the kind check keeps any other detail from being taken for one.
  return typeof kind === 'string' && QUESTION_KINDS.includes(kind) ? (question as ImportQuestion) : undefined
}

export const answerOf = (question: ImportQuestion, formatIds: readonly string[]): QuestionAnswer => {
  switch (question.kind) {
    case 'unknown_format': {
      const shown = question.header.slice(0, 8).join(', ') + (question.header.length > 8 ? ', …' : '')
      return {
        field: 'profileId',
        text: `No known format has these columns (${shown}). If the file is one of them, name it with --format NAME (${formatIds.join(', ')}); other files are mapped in the app`,
      }
    }
    case 'date_format':
      return {
        field: 'dateFormat',
        text: `The dates in “${question.column}” read more than one way: choose with ${question.formats.map((format) => `--date-format ${format}`).join(' or ')}`,
      }
    case 'no_date_format':
      return { field: 'dateFormat', text: `${question.message}: name the format with --date-format FMT` }
    case 'account': {
      const choices = question.candidates.map((candidate) => `${candidate.id} (${candidate.name})`).join(', ')
      return {
        field: 'accountId',
        text:
          question.candidates.length === 0
            ? `${question.message} with --account ID`
            : `${question.message} with --account ID: ${choices}`,
      }
    }
    case 'fault':
      return {
        field: 'acceptRowsBeforeFault',
        text: `${question.message} --rows-before-fault imports the rows before line ${question.line}`,
      }
    case 'empty':
      return { field: null, text: question.message }
  }
}
