import type { Connection } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { programColumns, ProgramRow } from '../../ledger/fact-rows'
import { provenanceParams, type Provenance, type ProvenanceRow } from './provenance'

/** Stored plans (programs): columns come from fact-rows.ts programColumns, so they always replay as written. */

export type ProgramColumns = ReturnType<typeof programColumns>
export interface StoredProgramRow extends ProgramRow, ProvenanceRow {}

const COLUMNS = [
  'name',
  'kind',
  'anchor_local',
  'anchor_zone',
  'interval',
  'amount_per_period',
  'cost_basis',
  'cost_amount',
  'cost_currency',
  'periods',
  'ends_at',
  'lot',
  'rollover',
  'rolled',
  'rolled_lost_on_end',
  'replaces',
] as const satisfies readonly (keyof ProgramColumns)[]

const INSERT = `INSERT INTO programs (account_id, ${COLUMNS.join(', ')}, recorded_at, source, batch_id)
  VALUES (@account_id, ${COLUMNS.map((column) => `@${column}`).join(', ')}, @recorded_at, @source, @batch_id)`
const UPDATE = `UPDATE programs SET ${COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`

export const programsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    insert: (accountId: number, columns: ProgramColumns, provenance: Provenance): number =>
      Number(
        prepare(INSERT).run({ account_id: accountId, ...columns, ...provenanceParams(provenance) }).lastInsertRowid,
      ),
    get: (id: number): StoredProgramRow | undefined =>
      prepare('SELECT * FROM programs WHERE id = ?').get(id) as StoredProgramRow | undefined,
    list: (accountId?: number): StoredProgramRow[] =>
      (accountId === undefined
        ? prepare('SELECT * FROM programs ORDER BY account_id, anchor_local, id').all()
        : prepare('SELECT * FROM programs WHERE account_id = ? ORDER BY anchor_local, id').all(
            accountId,
          )) as StoredProgramRow[],
    /** Rewrites the terms of every period (a correction); the account and provenance stay. */
    update: (id: number, columns: ProgramColumns): void => {
      prepare(UPDATE).run({ id, ...columns })
    },
    setEndsAt: (id: number, endsAt: number | null): void => {
      prepare('UPDATE programs SET ends_at = ? WHERE id = ?').run(endsAt, id)
    },
  }
}
