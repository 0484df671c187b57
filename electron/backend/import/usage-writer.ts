import type { Connection } from '../db/connection'
import type { ImportTally } from './import-tally'
import { BILLABLE, ROUNDED, usageSampleDetail } from './prepared-rows'
import type { TargetAccount } from './usage-rows'

/**
 * Prepared usage rows (prepared-rows.ts) into one account: INSERT OR IGNORE on the row identity
 * (usage_by_account_time, migration 0003), so a row imported before — by this file or an overlapping export — is
 * counted as a duplicate and adds nothing. The ids of the rows written are consecutive (one transaction, one
 * writer): `ids()` gives their range, which undo deletes.
 */
export const usageWriter = (
  db: Connection,
  account: TargetAccount,
  vendor: string | null,
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
  const write = (line: number, occurredAt: number, amount: number, flags: number, tags: string, key: string) => {
    const billable = (flags & BILLABLE) === 0 ? 0 : 1
    const result = insert.run(account.id, occurredAt, amount, billable, tags, key, batch.now, batch.id, line)
    if (result.changes === 0) {
      tally.duplicate()
      return
    }
    last = Number(result.lastInsertRowid)
    first ??= last
    if ((flags & ROUNDED) !== 0) tally.rounded()
    // The sample's text only while samples are still taken: parsing a million rows' tags back would cost seconds.
    const detail = tally.wantsSample() ? usageSampleDetail(tags) : ''
    tally.added(vendor, account.unitId, account.scale, amount, occurredAt, { line, kind: 'usage', detail })
  }
  return { write, ids: () => ({ first, last }) }
}
