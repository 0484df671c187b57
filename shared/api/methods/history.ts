import { z } from 'zod'
import { noInput } from '../../catalog/schemas'
import { mutation, query, type MethodSpec } from '../define'
import {
  CSV_ENTITIES,
  ADDED_IN_V2,
  EXPORT_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type BackupRestoreResult,
  type BatchInfo,
  type CsvExport,
  type ExportDocument,
  type ExportTable,
  type PresetDetail,
  type PresetSummary,
  type RestoreSummary,
} from '../types/history'

/** Undo/redo of batches, export and restore, backup restore and the preset catalog (issue 4 §4–5). */

const historyFilter = z
  .strictObject({
    limit: z
      .number({ error: 'Limit is a whole number' })
      .int('Limit is a whole number')
      .min(1, 'Limit is at least 1')
      .max(500, 'Limit is at most 500')
      .optional(),
  })
  .optional()

/** A stored value as the export writes it; integers beyond 2^53 cannot be exact in JSON and are refused. */
const cell = z.union([z.string(), z.number().int().refine(Number.isSafeInteger, 'Not a safe integer'), z.null()], {
  error: 'A cell is text, a whole number or null',
})

const addedColumns: Readonly<Record<string, readonly string[]>> = ADDED_IN_V2.columns

const rowsOf = <T extends ExportTable>(table: T) => {
  // Every column of the format is required and no other is allowed: a row restores exactly as it was exported.
  // Columns version 2 added may be missing (a version 1 document): they restore as NULL.
  const optional = new Set(addedColumns[table] ?? [])
  const shape = Object.fromEntries(
    EXPORT_COLUMNS[table].map((column) => [column, optional.has(column) ? cell.default(null) : cell]),
  ) as Record<(typeof EXPORT_COLUMNS)[T][number], typeof cell>
  return z.array(z.strictObject(shape), { error: `${table} is a list of rows` })
}

const exportTables = z.strictObject(
  {
    units: rowsOf('units'),
    vendors: rowsOf('vendors'),
    accounts: rowsOf('accounts'),
    settings: rowsOf('settings'),
    fx_rates: rowsOf('fx_rates'),
    programs: rowsOf('programs'),
    recharge_rules: rowsOf('recharge_rules'),
    lots: rowsOf('lots'),
    lot_events: rowsOf('lot_events'),
    usage: rowsOf('usage'),
    observations: rowsOf('observations'),
    rates: rowsOf('rates'),
    batches: rowsOf('batches'),
    imports: rowsOf('imports'),
    import_rejections: rowsOf('import_rejections'),
    payments: rowsOf('payments'),
    import_profiles: rowsOf('import_profiles'),
    merchant_rules: rowsOf('merchant_rules'),
    // Added in version 2.
    reminder_account_rules: rowsOf('reminder_account_rules').default([]),
  },
  { error: 'Tables must be an object with every table of the format' },
)

export const exportDocumentSchema = z.strictObject(
  {
    format: z.literal(EXPORT_FORMAT, { error: `Not a Credit Ledger export (format must be "${EXPORT_FORMAT}")` }),
    version: z.literal([1, EXPORT_VERSION], {
      error: `Unsupported export version (this app reads versions 1 to ${EXPORT_VERSION})`,
    }),
    exportedAt: z.string({ error: 'exportedAt is required' }),
    schemaVersion: z.number({ error: 'schemaVersion is required' }).int().min(0),
    tables: exportTables,
  },
  { error: 'The document must be a Credit Ledger export object' },
)

const restoreInput = z.strictObject({ document: exportDocumentSchema })

const csvInput = z.strictObject({
  entity: z.enum(CSV_ENTITIES, { error: `Entity is one of ${CSV_ENTITIES.join(', ')}` }),
})

/** The name (or the exact path backups.list gave) of one backup: never a path of the caller's choosing. */
const backupRestoreInput = z.strictObject({
  file: z
    .string({ error: 'The backup’s file name is required (see backups.list)' })
    .trim()
    .min(1, 'The backup’s file name is required (see backups.list)')
    .max(4096, 'File name is too long'),
})

const presetInput = z.strictObject({
  id: z.string({ error: 'Preset id is required' }).trim().min(1, 'Preset id is required').max(80, 'Unknown preset'),
})

export const historyMethods = {
  'history.list': query<readonly BatchInfo[]>()(historyFilter, 'Batches (user actions), newest first (default 50)'),
  // Undo and redo are not batches themselves: they move batches between done and undone, in one transaction.
  'history.undo': mutation<BatchInfo>()(noInput, 'Undo the newest undoable batch (the last 50 can be undone)', false),
  'history.redo': mutation<BatchInfo>()(noInput, 'Redo the batch undone most recently', false),

  'export.json': query<ExportDocument>()(
    noInput,
    'The whole ledger as a versioned JSON document (up to 1,000,000 rows; for more, use a backup)',
  ),
  'export.csv': query<CsvExport>()(csvInput, 'One entity as CSV text, formula-like cells escaped'),
  // Recorded as one undoable 'restore' batch by the service itself, after the document's own batches (see restore.ts).
  'restore.json': mutation<RestoreSummary>()(restoreInput, 'Restore a JSON export into an empty database', false),

  'backups.restore': mutation<BackupRestoreResult>()(
    backupRestoreInput,
    'Replace the database with one of its backups, after backing up the current one',
    false,
  ),

  'presets.list': query<readonly PresetSummary[]>()(noInput, 'Vendor presets the app ships'),
  'presets.show': query<PresetDetail>()(presetInput, 'One preset’s rules, each with its source or assumption'),
} as const satisfies Record<string, MethodSpec>
