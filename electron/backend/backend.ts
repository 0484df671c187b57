import { copyFileSync, existsSync, renameSync } from 'node:fs'
import { contract } from '@shared/api/contract'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { ApiFailure, ok, type Result } from '@shared/api/result'
import { validateCall } from '@shared/api/validate'
import type { BackupInfo } from '@shared/catalog/types'
import { errorResult } from './backend-errors'
import type { Clock } from './clock'
import { backupDatabase, listBackups } from './db/backup'
import { closeConnection, type Connection } from './db/connection'
import { MIGRATIONS } from './db/migrations-bundle'
import type { Migration } from './db/migration-plan'
import { openLedgerDb, type OpenOutcome } from './db/open-ledger-db'
import { handlers } from './handlers'
import { createFileRegistry } from './import/file-registry'
import { runInBatch } from './history/batches'
import type { TickOutcome } from './reminders/reminder-delivery'
import type { StepMode } from './reminders/reminder-scheduler'
import { releaseReminders, reminderStep } from './reminders/reminder-step'
import type { Handler, HandlerContext } from './handlers/types'
import type { BackendStatus, WorkerOptions } from './worker/protocol'

export type BackendEventListener = <E extends PushEventName>(name: E, payload: PushEvents[E]) => void

export interface Backend {
  readonly status: () => BackendStatus
  /** Validate an untrusted call and run it; never throws. */
  readonly dispatch: (method: unknown, payload: unknown) => Promise<Result<unknown>>
  readonly onEvent: (listener: BackendEventListener) => () => void
  /** Host only, never through the contract: make a file the host chose importable; answers its opaque id. */
  readonly registerFile: (path: string, name?: string) => string
  /** Host only: one reminder scheduler step (it must run in the call order, never inside another call). */
  readonly reminderStep: (mode: StepMode, holder: string) => TickOutcome
  readonly releaseReminders: (holder: string) => void
  /** Host only: announce an event the backend's own machinery raised (a reminder delivered). */
  readonly emit: BackendEventListener
  /** Notice commits by another process on the same file (PRAGMA data_version) and announce them. */
  readonly checkExternalWrites: () => void
  readonly close: () => void
}

const statusOf = (outcome: OpenOutcome): BackendStatus =>
  outcome.state === 'ok' ? { state: 'ok', schemaVersion: outcome.schemaVersion } : outcome

/** The backend: owns the one connection, dispatches contract calls to handlers, announces changes. */
export const createBackend = async (
  options: Omit<WorkerOptions, 'externalPollMs'>,
  clock: Clock,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<Backend> => {
  const listeners = new Set<BackendEventListener>()
  const emit: BackendEventListener = (name, payload) => {
    for (const listener of listeners) listener(name, payload)
  }
  const open = () => openLedgerDb(options.dbPath, migrations, clock, options)
  let outcome = await open()
  let dataVersion = outcome.state === 'ok' ? readDataVersion(outcome.db) : 0

  const refusal = (): ApiFailure => {
    if (outcome.state === 'too-new') {
      return new ApiFailure({
        code: 'DB_TOO_NEW',
        message: `This database was written by a newer version of Credit Ledger (schema ${outcome.fileVersion}; this version knows ${outcome.codeVersion}). Update the app to open it.`,
        details: {
          fileVersion: outcome.fileVersion,
          codeVersion: outcome.codeVersion,
        },
      })
    }
    const latest = listBackups(options.dbPath)[0] ?? null
    return new ApiFailure({
      code: 'DB_CORRUPT',
      message: latest
        ? 'The database failed its integrity check. Restore the latest backup to continue.'
        : 'The database failed its integrity check and there is no backup to restore.',
      details: {
        latestBackup: latest,
        problems: outcome.state === 'corrupt' ? outcome.problems : [],
      },
    })
  }
  const connection = (): Connection => {
    if (outcome.state !== 'ok') throw refusal()
    return outcome.db
  }

  const restoreLatestBackup = async (): Promise<BackupInfo> => {
    if (outcome.state !== 'corrupt') {
      throw new ApiFailure({
        code: 'CONFLICT',
        message: 'The database is not damaged; nothing to restore.',
      })
    }
    const latest = listBackups(options.dbPath)[0]
    if (!latest)
      throw new ApiFailure({
        code: 'NOT_FOUND',
        message: 'There is no backup to restore.',
      })
    // Keep the damaged file (and its WAL) aside rather than deleting it: it may still hold recent facts.
    const aside = `${options.dbPath}.damaged-${clock.now()}`
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(options.dbPath + suffix)) renameSync(options.dbPath + suffix, aside + suffix)
    }
    copyFileSync(latest.file, options.dbPath)
    outcome = await open()
    if (outcome.state !== 'ok') throw refusal()
    dataVersion = readDataVersion(outcome.db)
    return latest
  }

  const files = createFileRegistry()
  const context: HandlerContext = {
    services: () => ({ db: connection(), clock, dbPath: options.dbPath }),
    files,
    info: () => ({
      version: options.appVersion,
      dbPath: options.dbPath,
      schemaVersion: outcome.state === 'ok' ? outcome.schemaVersion : 0,
      sqliteVersion: outcome.state === 'ok' ? sqliteVersion(outcome.db) : 'unknown',
      runtime: `Node ${process.versions.node}`,
    }),
    listBackups: () => listBackups(options.dbPath),
    createBackup: () => backupDatabase(connection(), options.dbPath, 'manual', clock.now()),
    restoreLatestBackup,
  }

  return {
    status: () => statusOf(outcome),
    dispatch: async (method, payload) => {
      const call = validateCall(method, payload)
      if (!call.ok) return call
      const name = call.value.method
      try {
        const handler = handlers[name] as Handler<typeof name>
        const spec = contract[name]
        const batch = spec.kind === 'mutation' ? (spec.batch ?? 'manual') : false
        // Every ledger mutation is one transaction recorded as one undoable batch (issue 4 §4).
        const value =
          batch === false
            ? await handler(call.value.input, context)
            : runInBatch(connection(), { kind: batch, label: spec.summary, method: name }, clock.now(), () =>
                handler(call.value.input, context),
              )
        if (spec.kind === 'mutation') {
          if (outcome.state === 'ok') dataVersion = readDataVersion(outcome.db)
          emit('ledger.changed', { origin: 'local', method: name })
        }
        return ok(value)
      } catch (error) {
        return errorResult(error, name)
      }
    },
    registerFile: (path, name) => files.register(path, name),
    reminderStep: (mode, holder) =>
      outcome.state === 'ok'
        ? reminderStep(context.services(), mode, holder)
        : { leaseHeld: false, notification: null, shown: [], nextWakeAt: null },
    releaseReminders: (holder) => {
      if (outcome.state === 'ok') releaseReminders(context.services(), holder)
    },
    emit,
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    checkExternalWrites: () => {
      if (outcome.state !== 'ok') return
      const current = readDataVersion(outcome.db)
      if (current === dataVersion) return
      dataVersion = current
      emit('ledger.changed', { origin: 'external' })
    },
    close: () => {
      if (outcome.state === 'ok') closeConnection(outcome.db)
    },
  }
}

const readDataVersion = (db: Connection): number => db.pragma('data_version', { simple: true }) as number
const sqliteVersion = (db: Connection): string => (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
