import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo } from '@shared/catalog/types'
import { isoInstant } from '@shared/time/iso-instant'
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './backup-retention'
import type { Connection } from './connection'

/** Backups live beside the database, in `backups/`, named by their UTC time so the name alone orders them. */
export const backupDir = (dbPath: string): string => join(dirname(dbPath), 'backups')

const NAME = /^(.+)-(\d{8}T\d{9}Z)-([a-z0-9-]+)\.db$/

const stamp = (time: number): string => new Date(time).toISOString().replace(/[-:.]/g, '')
const parseStamp = (text: string): number =>
  Date.UTC(
    Number(text.slice(0, 4)),
    Number(text.slice(4, 6)) - 1,
    Number(text.slice(6, 8)),
    Number(text.slice(9, 11)),
    Number(text.slice(11, 13)),
    Number(text.slice(13, 15)),
    Number(text.slice(15, 18)),
  )

const stem = (dbPath: string): string => basename(dbPath).replace(/\.db$/, '')

/** A backup as found on disk; its time stays a number here because retention does arithmetic on it. */
interface StoredBackup {
  readonly file: string
  readonly takenAt: number
  readonly bytes: number
}

/** What leaves the backend: the instant as ISO 8601 with a Z (issue 4 §6). */
const info = (backup: StoredBackup): BackupInfo => ({ ...backup, takenAt: isoInstant(backup.takenAt) })

const storedBackups = (dbPath: string): StoredBackup[] => {
  const dir = backupDir(dbPath)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter(({ match }) => match?.[1] === stem(dbPath))
    .map(({ name, match }) => ({
      file: join(dir, name),
      takenAt: parseStamp(match?.[2] ?? ''),
      bytes: statSync(join(dir, name)).size,
    }))
    .sort((a, b) => b.takenAt - a.takenAt)
}

/** Backups of this database, newest first. A missing folder means none. */
export const listBackups = (dbPath: string): BackupInfo[] => storedBackups(dbPath).map(info)

/**
 * Copy the live database with SQLite's online backup API (consistent even while WAL holds uncommitted pages,
 * which a file copy is not), then prune old backups by the retention policy.
 */
export const backupDatabase = async (
  db: Connection,
  dbPath: string,
  reason: string,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<BackupInfo> => {
  const dir = backupDir(dbPath)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${stem(dbPath)}-${stamp(now)}-${reason}.db`)
  await db.backup(file)
  pruneBackups(dbPath, now, policy)
  return info({ file, takenAt: now, bytes: statSync(file).size })
}

export const pruneBackups = (dbPath: string, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): void => {
  const backups = storedBackups(dbPath)
  const keep = backupsToKeep(
    backups.map((backup) => backup.takenAt),
    now,
    policy,
  )
  for (const backup of backups) if (!keep.has(backup.takenAt)) rmSync(backup.file, { force: true })
}
