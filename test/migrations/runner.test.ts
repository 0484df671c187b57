import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../electron/backend/db/backup'
import { openConnection } from '../../electron/backend/db/connection'
import { DbTooNewError, migrate, schemaVersion } from '../../electron/backend/db/migrate'
import { planMigrations } from '../../electron/backend/db/migration-plan'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'
import { backupDatabase } from '../../electron/backend/db/backup'
import { tempDir } from '../backend/helpers'

const migrationsDir = join(import.meta.dirname, '../../electron/backend/db/migrations')
const noBackup = () => Promise.resolve()
const released = JSON.parse(readFileSync(join(import.meta.dirname, 'released.json'), 'utf8')) as Record<string, string>

describe('migration numbering', () => {
  it('bundles every .sql file, numbered 1, 2, 3… in order', () => {
    const files = readdirSync(migrationsDir).filter((name) => name.endsWith('.sql'))
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((_, index) => index + 1))
  })

  it.each([
    [{ '0001_a.sql': 'SELECT 1', '0001_b.sql': 'SELECT 1' }, /without gaps or duplicates/],
    [{ '0001_a.sql': 'SELECT 1', '0003_c.sql': 'SELECT 1' }, /without gaps or duplicates/],
    [{ '1_a.sql': 'SELECT 1' }, /NNNN_name\.sql/],
    [{ '0001_a.sql': '  ' }, /empty/],
  ])('refuses %j', (files, message) => {
    expect(() => planMigrations(files)).toThrow(message)
  })

  it('never edits a released migration (fixes are new migrations)', () => {
    for (const [name, hash] of Object.entries(released)) {
      const sql = readFileSync(join(migrationsDir, name))
      expect(createHash('sha256').update(sql).digest('hex'), name).toBe(hash)
    }
    // every bundled migration must be recorded as released once it lands
    expect(Object.keys(released).length).toBe(MIGRATIONS.length)
  })
})

describe('migration runner', () => {
  const two = planMigrations({
    './migrations/0001_a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
    './migrations/0002_b.sql': 'CREATE TABLE b (y INTEGER) STRICT; INSERT INTO a VALUES (2);',
  })

  it('applies pending migrations and records the schema version', async () => {
    const db = openConnection(join(tempDir(), 'm.db'))
    expect(await migrate(db, two, noBackup)).toEqual({ from: 0, to: 2 })
    expect(schemaVersion(db)).toBe(2)
    expect(await migrate(db, two, noBackup)).toEqual({ from: 2, to: 2 })
    db.close()
  })

  it('backs up an existing database before changing its schema, not a new one', async () => {
    const dbPath = join(tempDir(), 'm.db')
    const db = openConnection(dbPath)
    const backup = (from: number) => backupDatabase(db, dbPath, `before-schema-${from + 1}`, Date.UTC(2026, 0, 1))
    await migrate(db, two.slice(0, 1), backup)
    expect(listBackups(dbPath)).toHaveLength(0)
    await migrate(db, two, backup)
    const backups = listBackups(dbPath)
    expect(backups).toHaveLength(1)
    expect(backups[0]?.file).toMatch(/before-schema-2\.db$/)
    const copy = openConnection(backups[0]?.file ?? '', { readonly: true })
    expect(schemaVersion(copy)).toBe(1)
    copy.close()
    db.close()
  })

  it('rolls back every migration of the run when one fails', async () => {
    const db = openConnection(join(tempDir(), 'm.db'))
    const broken = planMigrations({
      '0001_a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '0002_b.sql': 'CREATE TABLE b (y INTEGER) STRICT; INSERT INTO missing VALUES (1);',
    })
    await expect(migrate(db, broken, noBackup)).rejects.toThrow(/no such table: missing/)
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('a', 'b')").all()).toEqual([])
    db.close()
  })

  it('refuses a database written by a newer version without touching it', async () => {
    const dbPath = join(tempDir(), 'm.db')
    const db = openConnection(dbPath)
    db.pragma('user_version = 7')
    await expect(migrate(db, two, noBackup)).rejects.toBeInstanceOf(DbTooNewError)
    expect(schemaVersion(db)).toBe(7)
    expect(existsSync(join(dbPath, '..', 'backups'))).toBe(false)
    db.close()
  })
})
