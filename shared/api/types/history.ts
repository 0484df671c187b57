import type { BackupInfo } from '../../catalog/types'
import type { BatchKind } from '../define'

/** One user action as the undo history shows it (issue 4 §4). Instants are ISO 8601 UTC. */
export interface BatchInfo {
  readonly id: number
  readonly kind: BatchKind
  /** What it did, e.g. "Add a lot" or "Apply preset OpenAI API". */
  readonly label: string
  /** The contract method that made it; null for imports and restores made outside one. */
  readonly method: string | null
  readonly createdAt: string
  /** done: undoable while among the last 50; undone: redoable until the next change; sealed: too old to undo. */
  readonly state: 'done' | 'undone' | 'discarded' | 'sealed'
  readonly changedAt: string
  /** Rows the journal holds for it (0 once sealed, or for an import undone by its batch id). */
  readonly changes: number
}

/**
 * The JSON export format (issue 4 §5), version 2: every stored table of the ledger as rows of plain column values,
 * exactly as SQLite holds them (integers in minor units, instants in epoch ms, rules as their JSON text), so a
 * restore writes back the same rows. Caches (checkpoints) and the undo journal are not part of it. The column lists
 * are the format: a test compares them with PRAGMA table_info, so a migration that adds a column must bump `version`.
 */
export const EXPORT_FORMAT = 'credit-ledger-export'
export const EXPORT_VERSION = 2

/**
 * What version 2 added (migrations 0005–0006); a version 1 document restores with these as NULL / empty. Import
 * id ranges NULL only make undoing such an import scan by batch id.
 */
export const ADDED_IN_V2 = {
  columns: { imports: ['usage_first_id', 'usage_last_id'], import_rejections: ['id'] },
  tables: ['reminder_account_rules'],
} as const

export const EXPORT_COLUMNS = {
  units: ['id', 'kind', 'scale', 'label', 'built_in', 'recorded_at', 'source'],
  vendors: ['id', 'name', 'website', 'recorded_at', 'source'],
  accounts: [
    'id',
    'vendor_id',
    'name',
    'unit_id',
    'currency',
    'time_zone',
    'recorded_at',
    'source',
    'drawdown',
    'overdraft_mode',
    'overdraft_limit',
    'overdraft_billed_with',
    'preset_id',
    'preset_version',
  ],
  settings: ['key', 'value', 'recorded_at'],
  fx_rates: ['id', 'base', 'quote', 'rate_e9', 'effective_date', 'source', 'recorded_at'],
  programs: [
    'id',
    'account_id',
    'name',
    'kind',
    'anchor_local',
    'anchor_zone',
    'interval',
    'amount_per_period',
    'cost_basis',
    'cost_amount',
    'cost_currency',
    'periods',
    'ends_at',
    'lot',
    'rollover',
    'rolled',
    'rolled_lost_on_end',
    'replaces',
    'recorded_at',
    'source',
    'batch_id',
  ],
  recharge_rules: [
    'id',
    'account_id',
    'threshold',
    'mode',
    'amount',
    'monthly_max_count',
    'monthly_max_amount',
    'enabled_from',
    'enabled_until',
    'lot',
    'confirm_within_ms',
    'recorded_at',
    'source',
    'batch_id',
  ],
  lots: [
    'id',
    'account_id',
    'kind',
    'funding',
    'amount',
    'cost_amount',
    'cost_currency',
    'effective_at',
    'expiry_kind',
    'expires_at',
    'expiry_duration',
    'priority',
    'tags',
    'program_id',
    'note',
    'external_id',
    'recorded_at',
    'source',
    'batch_id',
    'source_line',
  ],
  lot_events: [
    'id',
    'lot_id',
    'account_id',
    'kind',
    'at',
    'mode',
    'expires_at',
    'note',
    'recorded_at',
    'source',
    'batch_id',
  ],
  usage: [
    'id',
    'account_id',
    'occurred_at',
    'amount',
    'billable',
    'tags',
    'action',
    'quantity',
    'note',
    'external_id',
    'recorded_at',
    'source',
    'batch_id',
    'source_line',
  ],
  observations: ['id', 'account_id', 'at', 'balance', 'tolerance', 'note', 'recorded_at', 'source', 'batch_id'],
  rates: ['id', 'account_id', 'key', 'effective_from', 'numerator', 'denominator', 'recorded_at', 'source', 'batch_id'],
  batches: ['id', 'kind', 'label', 'method', 'created_at', 'state', 'changed_at'],
  imports: [
    'batch_id',
    'file_name',
    'file_sha256',
    'file_bytes',
    'profile',
    'profile_version',
    'encoding',
    'delimiter',
    'account_id',
    'rows_read',
    'rows_new',
    'rows_duplicate',
    'rows_matched',
    'rows_rejected',
    'rows_skipped',
    'rows_rounded',
    'first_at',
    'last_at',
    'fault_line',
    'state',
    'committed_at',
    'undone_at',
    'usage_first_id',
    'usage_last_id',
  ],
  import_rejections: ['id', 'batch_id', 'line', 'column_name', 'reason'],
  payments: [
    'id',
    'vendor_id',
    'account_id',
    'paid_on',
    'paid_at',
    'amount',
    'currency',
    'descriptor',
    'purpose',
    'program_id',
    'lot_id',
    'external_id',
    'recorded_at',
    'source',
    'batch_id',
    'source_line',
  ],
  import_profiles: ['id', 'name', 'header_fingerprint', 'mapping', 'recorded_at'],
  merchant_rules: ['id', 'pattern', 'vendor_id', 'account_id', 'purpose', 'recorded_at'],
  reminder_account_rules: ['account_id', 'rules', 'recorded_at'],
} as const satisfies Readonly<Record<string, readonly string[]>>

export type ExportTable = keyof typeof EXPORT_COLUMNS
export const EXPORT_TABLES = Object.keys(EXPORT_COLUMNS) as readonly ExportTable[]

/** A stored value: SQLite INTEGER (always a safe integer here), TEXT or NULL. */
export type ExportCell = string | number | null
export type ExportRow<T extends ExportTable = ExportTable> = {
  readonly [C in (typeof EXPORT_COLUMNS)[T][number]]: ExportCell
}

export interface ExportDocument {
  readonly format: typeof EXPORT_FORMAT
  readonly version: 1 | typeof EXPORT_VERSION
  /** ISO 8601 UTC. */
  readonly exportedAt: string
  /** The database schema (PRAGMA user_version) the rows were read from. */
  readonly schemaVersion: number
  readonly tables: { readonly [T in ExportTable]: readonly ExportRow<T>[] }
}

/** Entities `export.csv` writes: one per stored table, with amounts as decimals and instants as ISO text. */
export const CSV_ENTITIES = [
  'vendors',
  'accounts',
  'programs',
  'recharge_rules',
  'lots',
  'lot_events',
  'usage',
  'observations',
  'rates',
  'fx_rates',
  'units',
  'settings',
  'batches',
] as const
export type CsvEntity = (typeof CSV_ENTITIES)[number]

export interface CsvExport {
  readonly entity: CsvEntity
  /** A suggested file name, e.g. "credit-ledger-lots.csv". */
  readonly fileName: string
  /** Data rows (the header not counted). */
  readonly rows: number
  /** RFC 4180: CRLF line ends, a header line, quoted cells where needed, formula-like text cells prefixed with '. */
  readonly text: string
}

export interface RestoreSummary {
  /** The batch the restore was recorded as (undoable); null when the document held nothing to restore. */
  readonly batch: BatchInfo | null
  /** Rows written per table (built-in units already present are not counted). */
  readonly rows: { readonly [T in ExportTable]: number }
  /** How far the document's batch ids were moved to stay clear of this database's own history (0 = kept). */
  readonly batchIdOffset: number
}

export interface BackupRestoreResult {
  /** The backup whose content is now the live database. */
  readonly restored: BackupInfo
  /** The copy of the database as it was just before, taken first. */
  readonly safetyBackup: BackupInfo
  /** The schema the restored content was migrated from (equal to the current one for a recent backup). */
  readonly fromSchemaVersion: number
}

/** `presets.list`: one line of the preset catalog. */
export interface PresetSummary {
  readonly id: string
  readonly name: string
  readonly vendor: string
  readonly kind: 'credit' | 'subscription'
  readonly version: number
  readonly summary: string
  /** How many rules a source states, and how many are assumptions to confirm. */
  readonly rules: { readonly sourced: number; readonly assumed: number }
}

export interface PresetSourceView {
  readonly title: string
  readonly url: string | null
  readonly file: string | null
  readonly date: string
  readonly dated: 'published' | 'snapshot' | 'captured'
}

/** Values are JSON-safe: durations as ISO 8601 text ("P1M"), amounts as integers in the unit's minor units. */
export type PresetRuleView =
  | {
      readonly path: string
      readonly basis: 'source'
      readonly value: unknown
      readonly source: PresetSourceView
      readonly quote: string
      readonly note: string | null
      readonly alsoIn: readonly { readonly source: PresetSourceView; readonly quote: string }[]
    }
  | { readonly path: string; readonly basis: 'assumption'; readonly value: unknown; readonly reason: string }
  | { readonly path: string; readonly basis: 'user'; readonly value: unknown }

export interface PresetDetail extends Omit<PresetSummary, 'rules'> {
  readonly rules: readonly PresetRuleView[]
}
