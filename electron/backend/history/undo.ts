import { ApiFailure } from '@shared/api/result'
import type { BatchInfo } from '@shared/api/types/history'
import { isoInstant } from '@shared/time/iso-instant'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import type { JournaledTable } from './journaled-tables'
import {
  checkedTable,
  deleteRow,
  insertImage,
  keyOf,
  parseImage,
  rowMatches,
  updateToImage,
  type Image,
} from './row-images'

/**
 * Undo and redo (issue 4 §4): the newest done batch is reverted by writing its row images back in reverse order;
 * the oldest undone one is re-applied in order. Journaling is off meanwhile (journal_state is untouched, so 0), and
 * the checkpoint triggers still fire, so balances are recomputed from exactly the previous facts.
 *
 * Both run in the caller's transaction (history-service wraps them in one), and every step first checks that the row
 * is exactly what the journal says it should be: a mismatch means something wrote behind the journal's back, and the
 * whole undo is refused (CONFLICT) and rolled back rather than half applied or applied over someone's change.
 */

interface ChangeRow {
  readonly seq: number
  readonly tbl: string
  readonly op: 'insert' | 'update' | 'delete'
  readonly before: string | null
  readonly after: string | null
}

interface BatchRow {
  readonly id: number
  readonly kind: BatchInfo['kind']
  readonly label: string
  readonly method: string | null
  readonly created_at: number
  readonly state: BatchInfo['state']
  readonly changed_at: number
}

const toInfo = (row: BatchRow, changes: number): BatchInfo => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  method: row.method,
  createdAt: isoInstant(row.created_at),
  state: row.state,
  changedAt: isoInstant(row.changed_at),
  changes,
})

const changeCount = (db: Connection, id: number): number =>
  (preparedFor(db)('SELECT count(*) AS n FROM batch_changes WHERE batch_id = ?').get(id) as { n: number }).n

const changesOf = (db: Connection, id: number, order: 'ASC' | 'DESC'): ChangeRow[] =>
  preparedFor(db)(`SELECT seq, tbl, op, before, after FROM batch_changes WHERE batch_id = ? ORDER BY seq ${order}`).all(
    id,
  ) as ChangeRow[]

/** One journal step as a move of one row from image `from` to image `to` (null = no row). */
interface Step {
  readonly table: JournaledTable
  readonly from: Image | null
  readonly to: Image | null
}

const stepOf = (db: Connection, change: ChangeRow, direction: 'undo' | 'redo'): Step => {
  const table = checkedTable(change.tbl)
  const before = change.op === 'insert' ? null : parseImage(db, table, change.before)
  const after = change.op === 'delete' ? null : parseImage(db, table, change.after)
  return direction === 'undo' ? { table, from: after, to: before } : { table, from: before, to: after }
}

const drifted = (batch: BatchRow, step: Step): ApiFailure =>
  new ApiFailure({
    code: 'CONFLICT',
    message: `“${batch.label}” cannot be undone or redone: a ${step.table} row it changed was changed since by something outside the history. Nothing was changed.`,
  })

const apply = (db: Connection, batch: BatchRow, step: Step): void => {
  const { table, from, to } = step
  // The row as it must be now: at the key of the image we move away from (or, for a re-insert, at the new key).
  const key = keyOf(table, from ?? to ?? {})
  if (!rowMatches(db, table, key, from)) throw drifted(batch, step)
  try {
    if (to === null) deleteRow(db, table, key)
    else if (from === null) insertImage(db, table, to)
    else updateToImage(db, table, key, to)
  } catch (error) {
    const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw error
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `“${batch.label}” cannot be undone or redone: a ${table} row it changed is now needed by other data (${(error as Error).message}). Nothing was changed.`,
    })
  }
}

/** The batches undo or redo would act on next must still hold their journal: one without is not undoable. */
const requireJournal = (db: Connection, row: BatchRow): number => {
  const changes = changeCount(db, row.id)
  if (changes > 0) return changes
  throw new ApiFailure({
    code: 'CONFLICT',
    message:
      row.kind === 'import'
        ? `“${row.label}” is an import: undo it from the import history.`
        : `“${row.label}” has no undo journal any more, so nothing before it can be undone.`,
  })
}

const setState = (db: Connection, id: number, state: BatchInfo['state'], now: number): BatchRow => {
  preparedFor(db)('UPDATE batches SET state = ?, changed_at = ? WHERE id = ?').run(state, now, id)
  return preparedFor(db)('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow
}

/** Revert the newest undoable batch; CONFLICT when there is none. Runs in the caller's transaction. */
export const undoLast = (db: Connection, now: number): BatchInfo => {
  const row = preparedFor(db)("SELECT * FROM batches WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as
    BatchRow | undefined
  if (row === undefined) {
    throw new ApiFailure({ code: 'CONFLICT', message: 'There is nothing to undo (only the last 50 changes can be).' })
  }
  const changes = requireJournal(db, row)
  for (const change of changesOf(db, row.id, 'DESC')) apply(db, row, stepOf(db, change, 'undo'))
  return toInfo(setState(db, row.id, 'undone', now), changes)
}

/** Re-apply the batch undone most recently; CONFLICT when nothing was undone since the last change. */
export const redoNext = (db: Connection, now: number): BatchInfo => {
  const row = preparedFor(db)("SELECT * FROM batches WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as
    BatchRow | undefined
  if (row === undefined) throw new ApiFailure({ code: 'CONFLICT', message: 'There is nothing to redo.' })
  const changes = requireJournal(db, row)
  for (const change of changesOf(db, row.id, 'ASC')) apply(db, row, stepOf(db, change, 'redo'))
  return toInfo(setState(db, row.id, 'done', now), changes)
}

/** The newest batches first, each with the size of its journal. */
export const listBatches = (db: Connection, limit: number): readonly BatchInfo[] =>
  (
    preparedFor(db)(
      `SELECT b.*, (SELECT count(*) FROM batch_changes c WHERE c.batch_id = b.id) AS changes
       FROM batches b ORDER BY b.id DESC LIMIT ?`,
    ).all(limit) as (BatchRow & { changes: number })[]
  ).map((row) => toInfo(row, row.changes))

/** One batch by id, for answers that name the batch they made (a restore). */
export const batchInfo = (db: Connection, id: number): BatchInfo | null => {
  const row = preparedFor(db)('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined
  return row === undefined ? null : toInfo(row, changeCount(db, id))
}
