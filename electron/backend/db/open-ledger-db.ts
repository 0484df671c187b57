import type { Clock } from '../clock'
import { backupDatabase, listBackups } from './backup'
import { closeConnection, isCorruptionError, openConnection, quickCheck, type Connection } from './connection'
import { DbTooNewError, migrate } from './migrate'
import type { Migration } from './migration-plan'

export type OpenOutcome =
  | {
      readonly state: 'ok'
      readonly db: Connection
      readonly schemaVersion: number
    }
  | { readonly state: 'corrupt'; readonly problems: readonly string[] }
  | {
      readonly state: 'too-new'
      readonly fileVersion: number
      readonly codeVersion: number
    }

export interface OpenOptions {
  readonly quickCheck: boolean
  readonly dailyBackup: boolean
}

const DAY = 86_400_000

/**
 * Open, check and migrate the ledger database. Damage and a file from a newer version are outcomes the UI explains
 * (with the latest backup on offer), not exceptions that end the process.
 */
export const openLedgerDb = async (
  dbPath: string,
  migrations: readonly Migration[],
  clock: Clock,
  options: OpenOptions,
): Promise<OpenOutcome> => {
  let db: Connection | undefined
  try {
    db = openConnection(dbPath)
    if (options.quickCheck) {
      const problems = quickCheck(db)
      if (problems.length > 0) {
        db.close()
        return { state: 'corrupt', problems }
      }
    }
    const open = db
    const { to } = await migrate(open, migrations, (from) =>
      backupDatabase(open, dbPath, `before-schema-${from + 1}`, clock.now()),
    )
    if (options.dailyBackup) {
      const latest = listBackups(dbPath)[0]
      if (!latest || clock.now() - Date.parse(latest.takenAt) >= DAY)
        await backupDatabase(open, dbPath, 'daily', clock.now())
    }
    return { state: 'ok', db: open, schemaVersion: to }
  } catch (error) {
    if (db?.open) closeConnection(db)
    if (error instanceof DbTooNewError) {
      return {
        state: 'too-new',
        fileVersion: error.fileVersion,
        codeVersion: error.codeVersion,
      }
    }
    if (isCorruptionError(error)) return { state: 'corrupt', problems: [(error as Error).message] }
    throw error
  }
}
