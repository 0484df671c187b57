import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { ApiFailure } from '@shared/api/result'
import type { BackupRestoreResult } from '@shared/api/types/history'
import type { BackupInfo } from '@shared/catalog/types'
import { backupDatabase, listBackups } from '../../db/backup'
import { closeConnection, openConnection, quickCheck, type Connection } from '../../db/connection'
import { DbTooNewError, migrate, schemaVersion } from '../../db/migrate'
import { MIGRATIONS } from '../../db/migrations-bundle'
import type { ServiceContext } from '../context'
import { replaceContent } from './replace-content'

/**
 * backups.restore (issue 4 §5): make one of the database's own backups the live ledger again. The caller names a
 * backup that backups.list gave (its file name, or that exact path) — never a path of its choosing. The backup is
 * copied aside, checked (quick_check) and migrated to the live schema there, the live database is backed up, and
 * then its content is replaced in ONE transaction on the live connection: the file, its connection and any other
 * process sharing it (the app beside the CLI) stay valid, and a failure at any step changes nothing.
 */

const findBackup = (dbPath: string, file: string): BackupInfo => {
  const found = listBackups(dbPath).find((backup) => backup.file === file || basename(backup.file) === file)
  if (found === undefined) {
    const message = `No backup named ${file}: choose one from the backup list`
    throw new ApiFailure({ code: 'NOT_FOUND', message, fields: { file: message } })
  }
  return found
}

/** Open the copy, refuse a damaged or newer one, bring it to the live schema; answers its original version. */
const prepareCopy = async (copy: string, targetVersion: number): Promise<number> => {
  let db: Connection | undefined
  try {
    db = openConnection(copy)
    const problems = quickCheck(db)
    if (problems.length > 0) {
      throw new ApiFailure({
        code: 'CONFLICT',
        message: `That backup is damaged (${problems[0] ?? 'quick_check failed'}); choose another one.`,
      })
    }
    const from = schemaVersion(db)
    // The copy is scratch: no backup of it before migrating.
    await migrate(db, MIGRATIONS.slice(0, targetVersion), () => Promise.resolve())
    return from
  } catch (error) {
    if (error instanceof DbTooNewError) {
      throw new ApiFailure({
        code: 'CONFLICT',
        message: `That backup was written by a newer Credit Ledger (schema ${error.fileVersion}); update the app first.`,
      })
    }
    if (error instanceof ApiFailure) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ApiFailure({ code: 'CONFLICT', message: `That backup cannot be read (${reason}); choose another one.` })
  } finally {
    if (db?.open) closeConnection(db)
  }
}

export const restoreBackup = async (ctx: ServiceContext, file: string): Promise<BackupRestoreResult> => {
  const backup = findBackup(ctx.dbPath, file)
  const scratch = mkdtempSync(join(tmpdir(), 'credit-ledger-restore-'))
  try {
    const copy = join(scratch, 'restore.db')
    copyFileSync(backup.file, copy)
    const fromSchemaVersion = await prepareCopy(copy, schemaVersion(ctx.db))
    // Taken only once the backup proved usable, so a refused restore leaves no extra file behind.
    const safetyBackup = await backupDatabase(ctx.db, ctx.dbPath, 'before-restore', ctx.clock.now())
    replaceContent(ctx.db, copy)
    return { restored: backup, safetyBackup, fromSchemaVersion }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
