import { ApiFailure } from '@shared/api/result'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import { importStore } from './import-store'

/**
 * Undoing an import (issue 5 §6): every fact its batch wrote goes, in one transaction, so balances return exactly
 * to what they were. Imports are not journaled row by row (a million rows would double the write), so this deletes
 * by batch id. A fact entered later that depends on an imported one (a void of an imported lot, a payment linked to
 * it) would be orphaned: the undo is refused and names it, rather than deleting the user's own entry.
 */
export const undoImport = (db: Connection, batchId: number, now: number): { readonly removed: number } => {
  const prepare = preparedFor(db)
  const store = importStore(db)
  const summary = store.get(batchId)
  if (summary === undefined) {
    throw new ApiFailure({ code: 'NOT_FOUND', message: `No import ${batchId}`, fields: { batchId: 'No such import' } })
  }
  if (summary.state === 'undone') {
    throw new ApiFailure({ code: 'CONFLICT', message: `Import ${batchId} (${summary.file_name}) is already undone` })
  }
  const dependent = prepare(
    `SELECT 'lot event ' || e.id AS what FROM lot_events e JOIN lots l ON l.id = e.lot_id
       WHERE l.batch_id = @batch AND (e.batch_id IS NOT @batch)
     UNION ALL
     SELECT 'payment ' || p.id FROM payments p JOIN lots l ON l.id = p.lot_id
       WHERE l.batch_id = @batch AND (p.batch_id IS NOT @batch)
     LIMIT 1`,
  ).get({ batch: batchId }) as { what: string } | undefined
  if (dependent !== undefined) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `A ${dependent.what} recorded later refers to a lot of this import: remove it first, then undo the import`,
    })
  }
  let removed = 0
  for (const sql of [
    'DELETE FROM payments WHERE batch_id = ?',
    'DELETE FROM lot_events WHERE batch_id = ?',
    'DELETE FROM lots WHERE batch_id = ?',
  ]) {
    removed += prepare(sql).run(batchId).changes
  }
  // Usage by the import's id range (no index on batch_id: migration 0006); an import restored from a version 1
  // export has no range and is found by a scan.
  const { usage_first_id: first, usage_last_id: last } = summary
  removed +=
    first === null || last === null
      ? prepare('DELETE FROM usage WHERE batch_id = ?').run(batchId).changes
      : prepare('DELETE FROM usage WHERE id BETWEEN ? AND ? AND batch_id = ?').run(first, last, batchId).changes
  store.markUndone(batchId, now)
  // Not 'undone': redo replays journals, and an import has none. Importing the file again is its redo.
  prepare("UPDATE batches SET state = 'discarded', changed_at = ? WHERE id = ?").run(now, batchId)
  return { removed }
}
