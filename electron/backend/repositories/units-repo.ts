import type { Unit, UnitKind } from '@shared/money/units'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

interface UnitRow {
  id: string
  kind: UnitKind
  scale: number
  label: string
  built_in: number
}

const toUnit = (row: UnitRow): Unit => ({
  id: row.id,
  kind: row.kind,
  scale: row.scale,
  label: row.label,
  builtIn: row.built_in === 1,
})

const COLUMNS = 'id, kind, scale, label, built_in'

export const unitsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    list: (): Unit[] =>
      (prepare(`SELECT ${COLUMNS} FROM units ORDER BY kind, built_in DESC, id`).all() as UnitRow[]).map(toUnit),
    get: (id: string): Unit | undefined => {
      const row = prepare(`SELECT ${COLUMNS} FROM units WHERE id = ? COLLATE NOCASE`).get(id) as UnitRow | undefined
      return row && toUnit(row)
    },
    insert: (unit: Omit<Unit, 'builtIn'>, recordedAt: number): void => {
      prepare('INSERT INTO units (id, kind, scale, label, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
        unit.id,
        unit.kind,
        unit.scale,
        unit.label,
        recordedAt,
      )
    },
  }
}
