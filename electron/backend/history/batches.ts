import type { BatchKind } from '@shared/api/define'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/**
 * Batches (issue 4 §4): every mutation belongs to one — a manual edit, a preset applied, a restore, an import. The
 * journal triggers of migration 0003 record row images while `journal_state.journaling` is 1; this module opens and
 * closes that window inside the caller's transaction, so it can never stay open between transactions.
 */

/** How many batches stay undoable; older journals are dropped (the batch row stays, as the facts' source). */
export const UNDO_DEPTH = 50

export interface BatchStart {
  readonly kind: BatchKind
  readonly label: string
  readonly method: string | null
}

/** Imports are undone by batch id, not row images: a million-row journal would double the write. */
const journals = (kind: BatchKind): boolean => kind !== 'import'

/** Open a batch in the current transaction; facts written now carry its id (see currentBatchId). */
export const beginBatch = (db: Connection, start: BatchStart, now: number): number => {
  const prepare = preparedFor(db)
  const id = Number(
    prepare('INSERT INTO batches (kind, label, method, created_at, changed_at) VALUES (?, ?, ?, ?, ?)').run(
      start.kind,
      start.label,
      start.method,
      now,
      now,
    ).lastInsertRowid,
  )
  prepare('UPDATE journal_state SET batch_id = ?, journaling = ? WHERE id = 1').run(id, journals(start.kind) ? 1 : 0)
  return id
}

/**
 * Close the batch: stop journaling, drop it when it changed nothing (a no-op edit is nothing to undo), and seal the
 * batches that fell out of the undo window.
 */
export const endBatch = (db: Connection, id: number, now: number): void => {
  const prepare = preparedFor(db)
  prepare('UPDATE journal_state SET batch_id = NULL, journaling = 0 WHERE id = 1').run()
  // An update that wrote the same values (a rename to the same name) changed nothing: nothing to undo.
  prepare("DELETE FROM batch_changes WHERE batch_id = ? AND op = 'update' AND before = after").run(id)
  const changes = (prepare('SELECT count(*) AS n FROM batch_changes WHERE batch_id = ?').get(id) as { n: number }).n
  const batch = prepare('SELECT kind FROM batches WHERE id = ?').get(id) as { kind: BatchKind } | undefined
  if (changes === 0 && batch?.kind !== 'import') {
    prepare('DELETE FROM batches WHERE id = ?').run(id)
    return
  }
  // A real change ends the redo stack: what was undone can no longer be redone.
  prepare("DELETE FROM batch_changes WHERE batch_id IN (SELECT id FROM batches WHERE state = 'undone')").run()
  prepare("UPDATE batches SET state = 'discarded', changed_at = ? WHERE state = 'undone'").run(now)
  const stale = prepare("SELECT id FROM batches WHERE state = 'done' ORDER BY id DESC LIMIT -1 OFFSET ?").all(
    UNDO_DEPTH,
  ) as { id: number }[]
  for (const { id: old } of stale) {
    prepare('DELETE FROM batch_changes WHERE batch_id = ?').run(old)
    prepare("UPDATE batches SET state = 'sealed', changed_at = ? WHERE id = ?").run(now, old)
  }
}

/** The batch the current transaction writes for: facts store it as their source. Throws outside a batch. */
export const currentBatchId = (db: Connection): number => {
  const row = preparedFor(db)('SELECT batch_id FROM journal_state WHERE id = 1').get() as { batch_id: number | null }
  if (row.batch_id === null) throw new Error('a fact was written outside a batch: wrap the mutation in runInBatch')
  return row.batch_id
}

/** Run `work` as one write transaction recorded as one batch. `work` must be synchronous (one transaction). */
export const runInBatch = <T>(db: Connection, start: BatchStart, now: number, work: (batchId: number) => T): T =>
  db
    .transaction(() => {
      const id = beginBatch(db, start, now)
      const value = work(id)
      if (value instanceof Promise) throw new Error('a batched mutation must be synchronous')
      endBatch(db, id, now)
      return value
    })
    .immediate()
