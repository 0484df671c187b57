import { ApiFailure } from '@shared/api/result'
import {
  EXPORT_COLUMNS,
  EXPORT_TABLES,
  type ExportCell,
  type ExportDocument,
  type ExportTable,
  type RestoreSummary,
} from '@shared/api/types/history'
import type { Connection } from '../db/connection'
import { schemaVersion } from '../db/migrate'
import { beginBatch, endBatch } from '../history/batches'
import { columnsOf } from '../history/row-images'
import { batchInfo } from '../history/undo'
import { inTransaction, type ServiceContext } from '../services/context'
import { INSERT_ORDER } from './export-tables'

/**
 * restore.json (issue 4 §5): a JSON export written back into an EMPTY database, in one transaction, as one undoable
 * batch of kind 'restore'. Rows keep their ids, sources and batch ids, so a restored ledger replays exactly as the
 * exported one. The document's own batches are written first (sealed: their undo journal is not exported), then the
 * restore batch opens after them and journals every row it writes — undoing it empties the database again.
 */

type Row = Readonly<Partial<Record<string, ExportCell>>>

/** Tables that must be empty: anything the user made. Built-in units and settings (replaced) do not count. */
const MUST_BE_EMPTY: readonly { readonly table: ExportTable; readonly one: string; readonly where?: string }[] = [
  { table: 'vendors', one: 'vendor' },
  { table: 'accounts', one: 'account' },
  { table: 'units', one: 'unit', where: 'built_in = 0' },
  { table: 'fx_rates', one: 'exchange rate' },
  { table: 'programs', one: 'plan' },
  { table: 'recharge_rules', one: 'auto-recharge rule' },
  { table: 'lots', one: 'lot' },
  { table: 'lot_events', one: 'lot event' },
  { table: 'usage', one: 'usage row' },
  { table: 'observations', one: 'observation' },
  { table: 'rates', one: 'rate' },
]

const requireEmpty = (db: Connection): void => {
  const held = MUST_BE_EMPTY.flatMap(({ table, one, where }) => {
    const sql = `SELECT count(*) AS n FROM ${table}${where === undefined ? '' : ` WHERE ${where}`}`
    const n = (db.prepare(sql).get() as { n: number }).n
    return n > 0 ? [`${n} ${one}${n === 1 ? '' : 's'}`] : []
  })
  if (held.length > 0) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `A restore needs an empty database; this one holds ${held.join(', ')}. Restore into a new database file.`,
    })
  }
}

const invalid = (path: string, message: string): ApiFailure =>
  new ApiFailure({ code: 'VALIDATION', message: `${path}: ${message}`, fields: { [path]: message } })

const isConstraintError = (error: unknown): error is Error => {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
}

/** Batches as they arrive: their journal stayed behind, so none of them can be undone or redone here. */
const arrivedState = (state: ExportCell | undefined): ExportCell =>
  state === 'done' ? 'sealed' : state === 'undone' ? 'discarded' : (state ?? null)

const zeroCounts = (): Record<ExportTable, number> =>
  Object.fromEntries(EXPORT_TABLES.map((table) => [table, 0])) as Record<ExportTable, number>

/**
 * The usage insert trigger skips rows whose source is 'import' (migration 0006: an import is undone by its id range).
 * A restore is undone from its journal, so the imported usage it wrote is journaled here, in one statement, with the
 * same row image the trigger writes (every column PRAGMA table_info reports).
 */
const journalImportedUsage = (db: Connection, batchId: number): void => {
  const image = [...columnsOf(db, 'usage')].map((column) => `'${column}', ${column}`).join(', ')
  db.prepare(
    `INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
     SELECT ?, 'usage', json_quote(id), 'insert', NULL, json_object(${image}) FROM usage WHERE source = 'import'
     ORDER BY id`,
  ).run(batchId)
}

export const restoreJson = (ctx: ServiceContext, document: ExportDocument): RestoreSummary => {
  const current = schemaVersion(ctx.db)
  if (document.schemaVersion > current) {
    throw invalid(
      'document.schemaVersion',
      `The export comes from a newer Credit Ledger (schema ${document.schemaVersion}; this one knows ${current}): update first`,
    )
  }
  const now = ctx.clock.now()
  return inTransaction(ctx, () => {
    const db = ctx.db
    requireEmpty(db)
    // A parent may follow its child within a table (a plan that replaces a later one): check references at the end.
    db.pragma('defer_foreign_keys = ON')
    const ownMax = (db.prepare('SELECT max(id) AS n FROM batches').get() as { n: number | null }).n ?? 0
    const offset = document.tables.batches.length > 0 ? ownMax : 0
    const shiftBatch = (value: ExportCell | undefined): ExportCell =>
      typeof value === 'number' ? value + offset : (value ?? null)
    const counts = zeroCounts()

    const insert = (table: ExportTable, rows: readonly Row[], adjust: (row: Row) => Row = (row) => row): void => {
      const columns: readonly string[] = EXPORT_COLUMNS[table]
      const sql =
        table === 'settings'
          ? 'INSERT INTO settings (key, value, recorded_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at'
          : `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      const statement = db.prepare(sql)
      const batchAt = columns.indexOf('batch_id')
      const values: ExportCell[] = new Array<ExportCell>(columns.length)
      rows.forEach((original, index) => {
        const row = adjust(original)
        if (table === 'units' && row.built_in === 1 && unitExists(db, row.id)) return
        // One array reused for every row, and no per-row object: a usage table can hold a million rows.
        columns.forEach((column, at) => (values[at] = row[column] ?? null))
        if (batchAt >= 0) values[batchAt] = shiftBatch(values[batchAt])
        try {
          statement.run(values)
        } catch (error) {
          if (!isConstraintError(error)) throw error
          throw invalid(`document.tables.${table}.${index}`, `this row does not fit the ledger (${error.message})`)
        }
        counts[table] += 1
      })
    }

    insert('batches', document.tables.batches, (row) => ({
      ...row,
      id: shiftBatch(row.id),
      state: arrivedState(row.state),
      changed_at: now,
    }))
    const batchId = beginBatch(
      db,
      { kind: 'restore', label: `Restore the export of ${document.exportedAt}`, method: 'restore.json' },
      now,
    )
    for (const table of INSERT_ORDER) {
      if (table === 'batches') continue
      insert(table, document.tables[table])
    }
    journalImportedUsage(db, batchId)
    const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
    const first = broken[0]
    if (first !== undefined) {
      throw invalid(
        `document.tables.${first.table}`,
        `row ${first.rowid} refers to a ${first.parent} row the document does not hold (${broken.length} such rows)`,
      )
    }
    endBatch(db, batchId, now)
    return { batch: batchInfo(db, batchId), rows: counts, batchIdOffset: offset }
  })
}

const unitExists = (db: Connection, id: ExportCell | undefined): boolean =>
  db.prepare('SELECT 1 FROM units WHERE id = ?').get(id) !== undefined
