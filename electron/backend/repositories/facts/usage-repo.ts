import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { UsageRow } from '../../ledger/fact-rows'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Stored usage rows; pages walk (occurred_at, id) downwards so a page costs the same at row 10 and row 1,000,000. */

export interface StoredUsageRow extends UsageRow, ProvenanceRow {
  readonly action: string | null
  readonly quantity: number | null
  readonly note: string | null
}

export type UsageColumns = Omit<StoredUsageRow, 'id' | 'account_id' | keyof ProvenanceRow>

export interface UsageRange {
  readonly accountId?: number
  /** At or after. */
  readonly from?: number
  /** Before. */
  readonly to?: number
}

export interface UsageCursor {
  readonly occurredAt: number
  readonly id: number
}

const rangeClauses = (range: UsageRange): string[] => [
  ...(range.accountId === undefined ? [] : ['account_id = @account']),
  ...(range.from === undefined ? [] : ['occurred_at >= @from']),
  ...(range.to === undefined ? [] : ['occurred_at < @to']),
]

const rangeParams = (range: UsageRange) => ({
  ...(range.accountId === undefined ? {} : { account: range.accountId }),
  ...(range.from === undefined ? {} : { from: range.from }),
  ...(range.to === undefined ? {} : { to: range.to }),
})

const whereOf = (clauses: readonly string[]): string => (clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`)

export const usageRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, usage: UsageColumns, provenance: Provenance): number =>
      Number(
        prepare(
          `INSERT INTO usage (account_id, occurred_at, amount, billable, tags, action, quantity, note, recorded_at, source,
             batch_id)
           VALUES (@account_id, @occurred_at, @amount, @billable, @tags, @action, @quantity, @note, @recorded_at, @source,
             @batch_id)`,
        ).run({ account_id: accountId, ...usage, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredUsageRow | undefined =>
      prepare('SELECT * FROM usage WHERE id = ?').get(id) as StoredUsageRow | undefined,
    count: (range: UsageRange): number =>
      (
        prepare(`SELECT count(*) AS n FROM usage ${whereOf(rangeClauses(range))}`).get(rangeParams(range)) as {
          n: number
        }
      ).n,
    /** Newest first: `limit` rows strictly before `after` in (occurred_at, id) order. */
    page: (range: UsageRange, limit: number, after: UsageCursor | undefined): StoredUsageRow[] => {
      const clauses = [
        ...rangeClauses(range),
        ...(after === undefined ? [] : ['(occurred_at < @at OR (occurred_at = @at AND id < @id))']),
      ]
      const sql = `SELECT * FROM usage ${whereOf(clauses)} ORDER BY occurred_at DESC, id DESC LIMIT @limit`
      const params = {
        ...rangeParams(range),
        ...(after === undefined ? {} : { at: after.occurredAt, id: after.id }),
        limit,
      }
      return prepare(sql).all(params) as StoredUsageRow[]
    },
    remove: (id: number): void => {
      prepare('DELETE FROM usage WHERE id = ?').run(id)
    },
  }
}
