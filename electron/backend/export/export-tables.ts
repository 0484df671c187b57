import { ApiFailure } from '@shared/api/result'
import { EXPORT_COLUMNS, type ExportRow, type ExportTable } from '@shared/api/types/history'
import type { Connection } from '../db/connection'

/**
 * Reading the exported tables (issue 4 §5). Column lists come from the export format (shared/api/types/history.ts),
 * never from the caller, so every SQL name below is one of ours.
 */

/** Parents before children: the order a restore inserts in (and undo would delete in reverse). */
export const INSERT_ORDER: readonly ExportTable[] = [
  'units',
  'vendors',
  'accounts',
  'settings',
  'fx_rates',
  'batches',
  'programs',
  'recharge_rules',
  'lots',
  'lot_events',
  'usage',
  'observations',
  'rates',
  'imports',
  'import_rejections',
  'payments',
  'import_profiles',
  'merchant_rules',
  'reminder_account_rules',
]

/** The key each table's rows are exported in order of (creation order for the ledger's facts). */
export const ORDER_KEY: Readonly<Record<ExportTable, string>> = {
  units: 'id',
  vendors: 'id',
  accounts: 'id',
  settings: 'key',
  fx_rates: 'id',
  programs: 'id',
  recharge_rules: 'id',
  lots: 'id',
  lot_events: 'id',
  usage: 'id',
  observations: 'id',
  rates: 'id',
  batches: 'id',
  imports: 'batch_id',
  import_rejections: 'id',
  payments: 'id',
  import_profiles: 'id',
  merchant_rules: 'id',
  reminder_account_rules: 'account_id',
}

/**
 * Past this many rows in all, export.json and export.csv refuse with CONFLICT and point at `backup`: the document
 * travels as one message from the worker and is built in memory (about 300 bytes a usage row, so ~300 MB at the
 * limit). A database copy has no such limit.
 */
export const EXPORT_ROW_LIMIT = 1_000_000

export const rowCount = (db: Connection, table: ExportTable): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

export const checkExportSize = (db: Connection, tables: readonly ExportTable[]): void => {
  const total = tables.reduce((sum, table) => sum + rowCount(db, table), 0)
  if (total > EXPORT_ROW_LIMIT) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `The ledger holds ${total} rows; an export holds at most ${EXPORT_ROW_LIMIT}. Take a backup instead (a full copy of the database).`,
    })
  }
}

/**
 * A JSON number is exact only up to 2^53, and so is the number SQLite's integer is read as: a stored integer beyond
 * it reads as an unsafe number, so the export fails loudly there instead of writing a rounded amount.
 */
const checkCell = (table: ExportTable, column: string, value: unknown): void => {
  if (typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' || value === null) return
  throw new Error(`${table}.${column} holds ${String(value)}: the export carries only safe integers, text and null`)
}

/** Every row of a table, in creation order, as plain column objects (exactly the format's columns). */
export function* tableRows<T extends ExportTable>(db: Connection, table: T): Generator<ExportRow<T>> {
  const columns: readonly string[] = EXPORT_COLUMNS[table]
  const statement = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${ORDER_KEY[table]}`)
  for (const row of statement.iterate() as Iterable<Record<string, unknown>>) {
    for (const column of columns) checkCell(table, column, row[column])
    // Checked above: each of the table's export columns, each an ExportCell.
    yield row as ExportRow<T>
  }
}
