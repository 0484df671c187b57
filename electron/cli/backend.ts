import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BackendClient } from '../backend/worker/backend-client'
import type { BackendStatus } from '../backend/worker/protocol'
import { backendRuntimeProblem } from '../backend/worker/runtime'
import type { CliContext } from './command'

export interface BackendStart {
  readonly quickCheck: boolean
  readonly dailyBackup: boolean
  readonly externalPollMs: number
  /** Run the reminder scheduler (serve does; one-shot commands do not). */
  readonly reminders?: boolean
}

const options = (context: CliContext, start: BackendStart) => {
  // SQLite creates only the file, not its folder.
  mkdirSync(dirname(context.dbPath), { recursive: true })
  return { dbPath: context.dbPath, appVersion: context.appVersion, ...start }
}

/**
 * The backend for a command that does one thing and exits (DESIGN §2: the CLI calls the handlers in its own process,
 * for a fast start): same handlers, validation, transactions and error codes as the worker, without starting one.
 * Loaded on demand, after the runtime check, so `--help` and usage errors never load the backend or better-sqlite3.
 */
export const startBackend = async (context: CliContext, start: BackendStart): Promise<BackendClient> => {
  const problem = backendRuntimeProblem()
  if (problem !== undefined) throw new Error(problem)
  const { startBackendInProcess } = await import('../backend/worker/in-process-client')
  return startBackendInProcess(options(context, start))
}

/**
 * The backend on its own worker thread (the one Electron starts), for `serve`: the HTTP thread must stay responsive
 * while a large import holds the backend for seconds.
 */
export const startBackendThread = async (context: CliContext, start: BackendStart): Promise<BackendClient> => {
  const { startBackendWorker } = await import('../backend/worker/backend-client')
  return startBackendWorker({ workerFile: context.workerFile, ...options(context, start) })
}

/** One line per problem, for people: what the status means and what to do about it. */
export const describeStatus = (status: BackendStatus): readonly string[] => {
  switch (status.state) {
    case 'ok':
      return []
    case 'corrupt':
      return [
        'The database failed its integrity check:',
        ...status.problems.map((problem) => `  ${problem}`),
        'Restore the latest backup (API method backups.restoreLatest) before adding anything.',
      ]
    case 'too-new':
      return [
        `The database was written by a newer Credit Ledger (schema ${status.fileVersion}; this one knows up to ${status.codeVersion}).`,
        'Update Credit Ledger; nothing was changed.',
      ]
  }
}
