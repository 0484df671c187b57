import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/** The imports table (migration 0004): what one import batch read, counted and refused. */

export interface ImportSummaryRow {
  readonly batch_id: number
  readonly file_name: string
  readonly file_sha256: string
  readonly file_bytes: number
  readonly profile: string
  readonly profile_version: string | null
  readonly encoding: string
  readonly delimiter: string
  readonly account_id: number | null
  readonly rows_read: number
  readonly rows_new: number
  readonly rows_duplicate: number
  readonly rows_matched: number
  readonly rows_rejected: number
  readonly rows_skipped: number
  readonly rows_rounded: number
  readonly first_at: number | null
  readonly last_at: number | null
  readonly fault_line: number | null
  readonly state: 'committed' | 'undone'
  readonly committed_at: number
  readonly undone_at: number | null
  /** The ids of the usage rows it wrote, all consecutive (migration 0006); null when it wrote none. */
  readonly usage_first_id: number | null
  readonly usage_last_id: number | null
}

export type NewImportRow = Omit<ImportSummaryRow, 'state' | 'undone_at'>

export const importStore = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (row: NewImportRow): void => {
      prepare(
        `INSERT INTO imports (batch_id, file_name, file_sha256, file_bytes, profile, profile_version, encoding, delimiter,
           account_id, rows_read, rows_new, rows_duplicate, rows_matched, rows_rejected, rows_skipped, rows_rounded,
           first_at, last_at, fault_line, committed_at, usage_first_id, usage_last_id)
         VALUES (@batch_id, @file_name, @file_sha256, @file_bytes, @profile, @profile_version, @encoding, @delimiter,
           @account_id, @rows_read, @rows_new, @rows_duplicate, @rows_matched, @rows_rejected, @rows_skipped,
           @rows_rounded, @first_at, @last_at, @fault_line, @committed_at, @usage_first_id, @usage_last_id)`,
      ).run(row)
    },
    rejection: (batchId: number, line: number, column: string | null, reason: string): void => {
      prepare('INSERT OR IGNORE INTO import_rejections (batch_id, line, column_name, reason) VALUES (?, ?, ?, ?)').run(
        batchId,
        line,
        column,
        reason,
      )
    },
    get: (batchId: number): ImportSummaryRow | undefined =>
      prepare('SELECT * FROM imports WHERE batch_id = ?').get(batchId) as ImportSummaryRow | undefined,
    list: (limit: number): ImportSummaryRow[] =>
      prepare('SELECT * FROM imports ORDER BY batch_id DESC LIMIT ?').all(limit) as ImportSummaryRow[],
    rejections: (batchId: number, limit: number): { line: number; column_name: string | null; reason: string }[] =>
      prepare('SELECT line, column_name, reason FROM import_rejections WHERE batch_id = ? ORDER BY line LIMIT ?').all(
        batchId,
        limit,
      ) as { line: number; column_name: string | null; reason: string }[],
    /** An earlier committed import of the same bytes, if any (re-importing it adds nothing: say so up front). */
    sameFile: (sha256: string): ImportSummaryRow | undefined =>
      prepare("SELECT * FROM imports WHERE file_sha256 = ? AND state = 'committed' ORDER BY batch_id DESC LIMIT 1").get(
        sha256,
      ) as ImportSummaryRow | undefined,
    markUndone: (batchId: number, at: number): void => {
      prepare("UPDATE imports SET state = 'undone', undone_at = ? WHERE batch_id = ?").run(at, batchId)
    },
  }
}
