import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { RechargeRow } from '../../ledger/fact-rows'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Stored auto-recharge rules (recharge_rules of migration 0003). */

export type RechargeColumns = Omit<RechargeRow, 'id' | 'account_id'>
export interface StoredRechargeRow extends RechargeRow, ProvenanceRow {}

const COLUMNS = [
  'threshold',
  'mode',
  'amount',
  'monthly_max_count',
  'monthly_max_amount',
  'enabled_from',
  'enabled_until',
  'lot',
  'confirm_within_ms',
] as const satisfies readonly (keyof RechargeColumns)[]

const INSERT = `INSERT INTO recharge_rules (account_id, ${COLUMNS.join(', ')}, recorded_at, source, batch_id)
  VALUES (@account_id, ${COLUMNS.map((column) => `@${column}`).join(', ')}, @recorded_at, @source, @batch_id)`
const UPDATE = `UPDATE recharge_rules SET ${COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`

export const rechargeRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, columns: RechargeColumns, provenance: Provenance): number =>
      Number(
        prepare(INSERT).run({ account_id: accountId, ...columns, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredRechargeRow | undefined =>
      prepare('SELECT * FROM recharge_rules WHERE id = ?').get(id) as StoredRechargeRow | undefined,
    list: (accountId?: number): StoredRechargeRow[] =>
      (accountId === undefined
        ? prepare('SELECT * FROM recharge_rules ORDER BY account_id, enabled_from, id').all()
        : prepare('SELECT * FROM recharge_rules WHERE account_id = ? ORDER BY enabled_from, id').all(
            accountId,
          )) as StoredRechargeRow[],
    update: (id: number, columns: RechargeColumns): void => {
      prepare(UPDATE).run({ id, ...columns })
    },
    remove: (id: number): void => {
      prepare('DELETE FROM recharge_rules WHERE id = ?').run(id)
    },
  }
}
