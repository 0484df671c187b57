import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BackendStatus } from '../backend/worker/protocol'
import { startBackendWorker, type BackendClient } from '../backend/worker/backend-client'
import type { CliContext } from './command'

export interface BackendStart {
  readonly quickCheck: boolean
  readonly dailyBackup: boolean
  readonly externalPollMs: number
}

/** Start the backend worker on the context's database, creating its folder first (SQLite creates only the file). */
export const startBackend = (context: CliContext, start: BackendStart): Promise<BackendClient> => {
  mkdirSync(dirname(context.dbPath), { recursive: true })
  return startBackendWorker({
    workerFile: context.workerFile,
    dbPath: context.dbPath,
    appVersion: context.appVersion,
    ...start,
  })
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
