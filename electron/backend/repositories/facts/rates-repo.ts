import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Rate tables: numerator minor units of the account unit per denominator units of an action, from an instant on. */

export interface StoredRateRow extends ProvenanceRow {
  readonly id: number
  readonly account_id: number
  readonly key: string
  readonly effective_from: number
  readonly numerator: number
  readonly denominator: number
}

export type RateColumns = Pick<StoredRateRow, 'key' | 'effective_from' | 'numerator' | 'denominator'>

export const ratesRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, rate: RateColumns, provenance: Provenance): number =>
      Number(
        prepare(
          `INSERT INTO rates (account_id, key, effective_from, numerator, denominator, recorded_at, source, batch_id)
           VALUES (@account_id, @key, @effective_from, @numerator, @denominator, @recorded_at, @source, @batch_id)`,
        ).run({ account_id: accountId, ...rate, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredRateRow | undefined =>
      prepare('SELECT * FROM rates WHERE id = ?').get(id) as StoredRateRow | undefined,
    find: (accountId: number, key: string, effectiveFrom: number): StoredRateRow | undefined =>
      prepare('SELECT * FROM rates WHERE account_id = ? AND key = ? AND effective_from = ?').get(
        accountId,
        key,
        effectiveFrom,
      ) as StoredRateRow | undefined,
    /** Every entry of one key: what shared/ledger/rates.ts needs to price a usage row. */
    ofKey: (accountId: number, key: string): StoredRateRow[] =>
      prepare('SELECT * FROM rates WHERE account_id = ? AND key = ? ORDER BY effective_from, id').all(
        accountId,
        key,
      ) as StoredRateRow[],
    list: (accountId?: number, key?: string): StoredRateRow[] =>
      prepare(
        `SELECT * FROM rates WHERE (@account IS NULL OR account_id = @account) AND (@key IS NULL OR key = @key)
         ORDER BY account_id, key, effective_from, id`,
      ).all({ account: accountId ?? null, key: key ?? null }) as StoredRateRow[],
  }
}
