import { ApiFailure, fail, type ApiError, type Result } from '@shared/api/result'
import { isBusyError, isCorruptionError } from './db/connection'

/** Map anything a handler threw to the Result the caller sees; unexpected errors are logged with their stack. */
export const errorResult = (error: unknown, method: string): { ok: false; error: ApiError } => {
  if (error instanceof ApiFailure) return { ok: false, error: error.error }
  if (isBusyError(error)) {
    return fail('BUSY', 'The database is busy: another Credit Ledger process is writing. Try again in a moment.')
  }
  if (isCorruptionError(error)) {
    return fail('DB_CORRUPT', 'The database file is damaged. Restore the latest backup to continue.')
  }
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return fail('CONFLICT', 'This change conflicts with data already in the ledger (it may have just changed).')
  }
  console.error(`[backend] ${method} failed:`, error)
  return fail('INTERNAL', `Unexpected error in ${method}: ${error instanceof Error ? error.message : String(error)}`)
}

export const isFailure = <T>(result: Result<T>): result is { ok: false; error: ApiError } => !result.ok
