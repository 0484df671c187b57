import { ApiFailure } from '@shared/api/result'
import type { BatchInfo } from '@shared/api/types/history'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import { deleteRow, insertImage, updateToImage } from './row-images'

/**
 * Undo and redo (issue 4 §4): the newest done batch is reverted by writing its row images back in reverse order;
 * the oldest undone one is re-applied in order. Journaling is off meanwhile (journal_state is untouched, so 0), and
 * the checkpoint triggers still fire, so balances are recomputed from exactly the previous facts.
 */

interface ChangeRow {
  readonly tbl: string
  readonly pk: string
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
  createdAt: new Date(row.created_at).toISOString(),
  state: row.state,
  changedAt: new Date(row.changed_at).toISOString(),
  changes,
})

const changeCount = (db: Connection, id: number): number =>
  (preparedFor(db)('SELECT count(*) AS n FROM batch_changes WHERE batch_id = ?').get(id) as { n: number }).n

const changesOf = (db: Connection, id: number, order: 'ASC' | 'DESC'): ChangeRow[] =>
  preparedFor(db)(`SELECT tbl, pk, op, before, after FROM batch_changes WHERE batch_id = ? ORDER BY seq ${order}`).all(
    id,
  ) as ChangeRow[]

const revert = (db: Connection, change: ChangeRow): void => {
  if (change.op === 'insert') deleteRow(db, change.tbl, change.pk)
  else if (change.op === 'update') updateToImage(db, change.tbl, change.pk, change.before)
  else insertImage(db, change.tbl, change.before)
}

const reapply = (db: Connection, change: ChangeRow): void => {
  if (change.op === 'insert') insertImage(db, change.tbl, change.after)
  else if (change.op === 'update') updateToImage(db, change.tbl, change.pk, change.after)
  else deleteRow(db, change.tbl, change.pk)
}

const setState = (db: Connection, id: number, state: BatchInfo['state'], now: number): BatchRow => {
  preparedFor(db)('UPDATE batches SET state = ?, changed_at = ? WHERE id = ?').run(state, now, id)
  return preparedFor(db)('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow
}

/** Revert the newest undoable batch; CONFLICT when there is none. Runs in the caller's transaction. */
export const undoLast = (db: Connection, now: number): BatchInfo => {
  const row = preparedFor(db)("SELECT * FROM batches WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as
    BatchRow | undefined
  if (row === undefined) throw new ApiFailure({ code: 'CONFLICT', message: 'There is nothing to undo.' })
  if (row.kind === 'import' && changeCount(db, row.id) === 0) {
    throw new ApiFailure({ code: 'CONFLICT', message: `“${row.label}” is an import: undo it from the import history.` })
  }
  for (const change of changesOf(db, row.id, 'DESC')) revert(db, change)
  return toInfo(setState(db, row.id, 'undone', now), changeCount(db, row.id))
}

/** Re-apply the batch undone most recently; CONFLICT when nothing was undone since the last change. */
export const redoNext = (db: Connection, now: number): BatchInfo => {
  const row = preparedFor(db)("SELECT * FROM batches WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as
    BatchRow | undefined
  if (row === undefined) throw new ApiFailure({ code: 'CONFLICT', message: 'There is nothing to redo.' })
  for (const change of changesOf(db, row.id, 'ASC')) reapply(db, change)
  return toInfo(setState(db, row.id, 'done', now), changeCount(db, row.id))
}

/** The newest batches first, with what undo and redo would act on next. */
export const listBatches = (db: Connection, limit: number): readonly BatchInfo[] =>
  (preparedFor(db)('SELECT * FROM batches ORDER BY id DESC LIMIT ?').all(limit) as BatchRow[]).map((row) =>
    toInfo(row, changeCount(db, row.id)),
  )
