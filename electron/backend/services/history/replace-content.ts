import type { Connection } from '../../db/connection'

/**
 * Replace every row of the live database with the rows of another database file of the same schema, in one
 * transaction on the live connection (used by backups.restore). Undo state comes along (batches, journal), so the
 * history matches the restored facts; checkpoints (a cache) are dropped and rebuilt on the next read; journal_state
 * (the open-batch marker, idle between transactions) stays as it is.
 */

const SKIPPED = new Set(['journal_state', 'checkpoints'])
const SOURCE = 'restore_source'

const userTables = (db: Connection, schema: 'main' | typeof SOURCE): string[] =>
  (
    db
      .prepare(
        `SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((row) => row.name)

const columnsOf = (db: Connection, schema: 'main' | typeof SOURCE, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map(
    (row) => row.name,
  )

export const replaceContent = (db: Connection, sourceFile: string): void => {
  // ATTACH is refused inside a transaction, so it brackets the one that does the work.
  db.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(sourceFile)
  try {
    const tables = userTables(db, 'main')
    const sourceTables = userTables(db, SOURCE)
    if (tables.join() !== sourceTables.join()) throw new Error('the backup’s tables differ from the live schema')
    const columns = new Map(tables.map((table) => [table, columnsOf(db, 'main', table)]))
    for (const table of tables) {
      if (columnsOf(db, SOURCE, table).join() !== columns.get(table)?.join()) {
        throw new Error(`the backup’s ${table} columns differ from the live schema`)
      }
    }
    db.transaction(() => {
      // Rows are deleted and copied table by table; references are checked once everything is in place.
      db.pragma('defer_foreign_keys = ON')
      db.prepare('DELETE FROM checkpoints').run()
      for (const table of tables) if (!SKIPPED.has(table)) db.prepare(`DELETE FROM main.${table}`).run()
      for (const table of tables) {
        if (SKIPPED.has(table)) continue
        const list = (columns.get(table) ?? []).join(', ')
        db.prepare(`INSERT INTO main.${table} (${list}) SELECT ${list} FROM ${SOURCE}.${table}`).run()
      }
      const broken = db.pragma('main.foreign_key_check') as unknown[]
      if (broken.length > 0) throw new Error(`the backup holds ${broken.length} rows with broken references`)
    }).immediate()
  } finally {
    db.prepare(`DETACH DATABASE ${SOURCE}`).run()
  }
}
