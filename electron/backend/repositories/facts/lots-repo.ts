import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { LotEventRow, LotRow } from '../../ledger/fact-rows'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Stored lots and their events (void, retract, expiry change). A lot is never deleted: retract is the correction. */

export interface StoredLotRow extends LotRow, ProvenanceRow {
  readonly note: string | null
  readonly external_id: string | null
}

export type LotColumns = Omit<LotRow, 'id' | 'account_id'> & { readonly note: string | null }

export interface StoredLotEventRow extends LotEventRow, ProvenanceRow {
  readonly account_id: number
  readonly note: string | null
}

export type LotEventColumns = Omit<StoredLotEventRow, 'id' | keyof ProvenanceRow>

const RETRACTED = `EXISTS (SELECT 1 FROM lot_events e WHERE e.lot_id = lots.id AND e.kind = 'retract')`

export const lotsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, lot: LotColumns, provenance: Provenance): number =>
      Number(
        prepare(
          `INSERT INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at, expiry_kind,
             expires_at, expiry_duration, priority, tags, program_id, note, recorded_at, source, batch_id)
           VALUES (@account_id, @kind, @funding, @amount, @cost_amount, @cost_currency, @effective_at, @expiry_kind,
             @expires_at, @expiry_duration, @priority, @tags, @program_id, @note, @recorded_at, @source, @batch_id)`,
        ).run({ account_id: accountId, ...lot, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredLotRow | undefined =>
      prepare('SELECT * FROM lots WHERE id = ?').get(id) as StoredLotRow | undefined,
    list: (accountId: number | undefined, includeRetracted: boolean): StoredLotRow[] => {
      const where = [accountId === undefined ? '' : 'account_id = @account', includeRetracted ? '' : `NOT ${RETRACTED}`]
        .filter((clause) => clause !== '')
        .join(' AND ')
      const sql = `SELECT * FROM lots ${where === '' ? '' : `WHERE ${where}`} ORDER BY account_id, effective_at, id`
      return prepare(sql).all(accountId === undefined ? {} : { account: accountId }) as StoredLotRow[]
    },
    insertEvent: (event: LotEventColumns, provenance: Provenance): number =>
      Number(
        prepare(
          `INSERT INTO lot_events (lot_id, account_id, kind, at, mode, expires_at, note, recorded_at, source, batch_id)
           VALUES (@lot_id, @account_id, @kind, @at, @mode, @expires_at, @note, @recorded_at, @source, @batch_id)`,
        ).run({ ...event, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    eventsOf: (lotId: number): StoredLotEventRow[] =>
      prepare('SELECT * FROM lot_events WHERE lot_id = ? ORDER BY id').all(lotId) as StoredLotEventRow[],
    /** Every event of the lots listed (one query for a whole list). */
    eventsOfAccount: (accountId: number | undefined): StoredLotEventRow[] =>
      (accountId === undefined
        ? prepare('SELECT * FROM lot_events ORDER BY id').all()
        : prepare('SELECT * FROM lot_events WHERE account_id = ? ORDER BY id').all(accountId)) as StoredLotEventRow[],
  }
}
