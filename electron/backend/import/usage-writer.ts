import type { UsageRecord } from '@shared/import/types'
import type { Connection } from '../db/connection'
import type { ImportTally } from './import-tally'
import { usageRowOf, type TargetAccount } from './usage-rows'

/**
 * Usage records into one account: INSERT OR IGNORE on the row identity (usage_by_account_time, migration 0003), so a
 * row imported before — by this file or an overlapping export — is counted as a duplicate and adds nothing. The ids
 * of the rows written are consecutive (one transaction, one writer): `ids()` gives their range, which undo deletes.
 */
export const usageWriter = (
  db: Connection,
  account: TargetAccount,
  batch: { readonly id: number; readonly now: number },
  tally: ImportTally,
) => {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO usage (account_id, occurred_at, amount, billable, tags, external_id, recorded_at, source,
       batch_id, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`,
  )
  let first: number | null = null
  let last: number | null = null
  const write = (record: UsageRecord, key: string, vendor: string | null): void => {
    const mapped = usageRowOf(record, account)
    if (!mapped.ok) {
      tally.rejected(mapped.problem)
      return
    }
    const { row } = mapped
    const result = insert.run(
      account.id,
      row.occurredAt,
      row.amount,
      row.billable,
      row.tags,
      key,
      batch.now,
      batch.id,
      record.line,
    )
    if (result.changes === 0) {
      tally.duplicate()
      return
    }
    last = Number(result.lastInsertRowid)
    first ??= last
    if (mapped.row.rounded) tally.rounded()
    const tags = record.tags.filter((tag) => tag.startsWith('model:') || tag.startsWith('project:')).join(' ')
    tally.added(vendor, account.unitId, account.scale, row.amount, row.occurredAt, {
      line: record.line,
      kind: 'usage',
      detail: tags,
    })
  }
  return { write, ids: () => ({ first, last }) }
}
