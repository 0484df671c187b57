import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { ObservationRow } from '../../ledger/fact-rows'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Balances a vendor's dashboard showed: compared with the model, never used to edit it. */

export interface StoredObservationRow extends ObservationRow, ProvenanceRow {
  readonly note: string | null
}

export type ObservationColumns = Omit<StoredObservationRow, 'id' | 'account_id' | keyof ProvenanceRow>

export const observationsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, observation: ObservationColumns, provenance: Provenance): number =>
      Number(
        prepare(
          `INSERT INTO observations (account_id, at, balance, tolerance, note, recorded_at, source, batch_id)
           VALUES (@account_id, @at, @balance, @tolerance, @note, @recorded_at, @source, @batch_id)`,
        ).run({ account_id: accountId, ...observation, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredObservationRow | undefined =>
      prepare('SELECT * FROM observations WHERE id = ?').get(id) as StoredObservationRow | undefined,
    list: (accountId?: number): StoredObservationRow[] =>
      (accountId === undefined
        ? prepare('SELECT * FROM observations ORDER BY account_id, at, id').all()
        : prepare('SELECT * FROM observations WHERE account_id = ? ORDER BY at, id').all(
            accountId,
          )) as StoredObservationRow[],
  }
}
