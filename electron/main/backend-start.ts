import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { BackendClient, StartOptions } from '../backend/worker/backend-client'
import { workerFile } from './bundle-paths'
import { errorMessage } from './log'

export type StartBackendWorker = (options: StartOptions) => Promise<BackendClient>

export interface BackendStartOptions {
  readonly dbPath: string
  readonly mainDir: string
  readonly isPackaged: boolean
  readonly appVersion: string
  readonly startBackendWorker: StartBackendWorker
}

/**
 * Start the backend worker on the database. The app (like `serve`) checks the file at open and takes the daily
 * backup; it polls for writes by another process (the CLI) every second so open views refresh.
 */
export const startBackend = async (options: BackendStartOptions): Promise<BackendClient> => {
  // A first launch, or a --db in a folder that does not exist yet: SQLite creates the file but not its folder.
  await mkdir(dirname(options.dbPath), { recursive: true })
  return options.startBackendWorker({
    workerFile: workerFile(options.mainDir, options.isPackaged),
    dbPath: options.dbPath,
    quickCheck: true,
    dailyBackup: true,
    appVersion: options.appVersion,
    externalPollMs: 1000,
    reminders: true,
  })
}

/** What the user reads in the error box before the app quits: what failed, where, and what to try. */
export const backendFailureMessage = (dbPath: string, error: unknown): string =>
  [
    'Credit Ledger could not open its database, so it will close now.',
    '',
    `Database: ${dbPath}`,
    `Reason: ${errorMessage(error)}`,
    '',
    'Check that the folder exists and is writable, or start the app with --db PATH (or the CREDIT_LEDGER_DB',
    'environment variable) to use another file. `credit-ledger check` reports on the database from a terminal.',
  ].join('\n')
