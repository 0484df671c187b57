import type { Connection } from './connection'
import type { Migration } from './migration-plan'

export class DbTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `This database was written by a newer Credit Ledger (schema ${fileVersion}; this version knows ${codeVersion})`,
    )
    this.name = 'DbTooNewError'
  }
}

export const schemaVersion = (db: Connection): number => db.pragma('user_version', { simple: true }) as number

/** A database with no tables of its own is new: there is nothing to back up before the first migration. */
const isEmpty = (db: Connection): boolean =>
  (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n === 0

export interface MigrateResult {
  readonly from: number
  readonly to: number
}

/**
 * Bring the schema to the latest version: refuse a file from the future, take a backup (through `backup`) before
 * changing an existing file, then apply every pending migration and the new user_version in ONE transaction, so a
 * failure leaves the file exactly as it was.
 */
export const migrate = async (
  db: Connection,
  migrations: readonly Migration[],
  backup: (fromVersion: number) => Promise<unknown>,
): Promise<MigrateResult> => {
  const from = schemaVersion(db)
  const latest = migrations.length
  if (from > latest) throw new DbTooNewError(from, latest)
  if (from === latest) return { from, to: from }
  if (!isEmpty(db)) await backup(from)
  db.transaction(() => {
    for (const migration of migrations.slice(from)) db.exec(migration.sql)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return { from, to: latest }
}
