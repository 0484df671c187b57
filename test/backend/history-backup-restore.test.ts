import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupRestoreResult, BatchInfo } from '@shared/api/types/history'
import type { BackupInfo } from '@shared/catalog/types'
import { backupDir } from '../../electron/backend/db/backup'
import { closeConnection, openConnection } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'
import { tempDir } from './helpers'
import { dumpTables, openLedger, type Ledger } from './history-fixture'

/** backups.restore (issue 4 §5): one of the database's own backups becomes the live ledger again. */

const names = async (ledger: Ledger) => (await ledger.call<{ name: string }[]>('vendors.list')).map((v) => v.name)

const refused = async (ledger: Ledger, file: string) => {
  const result = await ledger.backend.dispatch('backups.restore', { file })
  if (result.ok) throw new Error('backups.restore was expected to fail')
  return result.error
}

describe('backups.restore', () => {
  it('replaces the content with the backup after backing up the current one; both ways round', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'Kept' })
    const backup = await ledger.call<BackupInfo>('backups.create')
    await ledger.call('vendors.add', { name: 'Later' })
    await ledger.call('settings.set', { homeCurrency: 'EUR' })
    const later = dumpTables(ledger.sql)

    const result = await ledger.call<BackupRestoreResult>('backups.restore', { file: basename(backup.file) })
    expect(result.restored).toEqual(backup)
    expect(result.fromSchemaVersion).toBe(MIGRATIONS.length)
    expect(basename(result.safetyBackup.file)).toMatch(/-before-restore\.db$/)
    expect(await names(ledger)).toEqual(['Kept'])
    // Another connection on the file (the app beside the CLI) sees the restored content too.
    expect(ledger.sql.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
    // The undo history is the backup's own, matching its facts.
    expect((await ledger.call<BatchInfo[]>('history.list')).map((batch) => batch.state)).toEqual(['done'])

    // The safety backup undoes the restore; the full path backups.list gives is accepted as well.
    await ledger.call('backups.restore', { file: result.safetyBackup.file })
    expect(dumpTables(ledger.sql)).toEqual(later)
    expect(await names(ledger)).toEqual(['Kept', 'Later'])
  })

  it('takes only names from the backup list: anything else is NOT_FOUND and changes nothing', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    const other = join(tempDir(), 'elsewhere.db')
    writeFileSync(other, '')
    for (const file of [other, '../ledger.db', 'ledger.db', 'nope-20260101T000000000Z-manual.db']) {
      expect(await refused(ledger, file), file).toMatchObject({
        code: 'NOT_FOUND',
        fields: { file: expect.any(String) as unknown },
      })
    }
    expect(await ledger.call<BackupInfo[]>('backups.list')).toEqual([])
    expect(await names(ledger)).toEqual(['A'])
  })

  it('refuses a damaged backup before touching anything (no safety copy either)', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    mkdirSync(backupDir(ledger.dbPath), { recursive: true })
    const name = 'ledger-20260101T000000000Z-manual.db'
    writeFileSync(join(backupDir(ledger.dbPath), name), 'not a database at all, just some text '.repeat(200))
    const error = await refused(ledger, name)
    expect(error.code).toBe('CONFLICT')
    expect(await ledger.call<BackupInfo[]>('backups.list')).toHaveLength(1)
    expect(await names(ledger)).toEqual(['A'])
  })

  it('brings a backup from an older schema up to date before restoring it', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'Now' })
    const oldPath = join(tempDir(), 'old.db')
    // A database as the previous release left it (schema 2: no ledger tables yet), written by SQL.
    const old = openConnection(oldPath)
    await migrate(old, MIGRATIONS.slice(0, 2), () => Promise.resolve())
    old.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('Then', 0)").run()
    closeConnection(old)
    mkdirSync(backupDir(ledger.dbPath), { recursive: true })
    const name = 'ledger-20250101T000000000Z-before-schema-3.db'
    copyFileSync(oldPath, join(backupDir(ledger.dbPath), name))

    const result = await ledger.call<BackupRestoreResult>('backups.restore', { file: name })
    expect(result.fromSchemaVersion).toBe(2)
    expect(await names(ledger)).toEqual(['Then'])
    expect(ledger.sql.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(await ledger.call<unknown[]>('accounts.list')).toEqual([])
  })
})
