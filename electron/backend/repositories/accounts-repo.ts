import type { Account } from '@shared/catalog/types'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

interface AccountRow {
  id: number
  vendor_id: number
  vendor_name: string
  name: string
  unit_id: string
  currency: string
  time_zone: string
  recorded_at: number
}

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  vendorId: row.vendor_id,
  vendorName: row.vendor_name,
  name: row.name,
  unitId: row.unit_id,
  currency: row.currency,
  timeZone: row.time_zone,
  createdAt: row.recorded_at,
})

const SELECT = `SELECT a.id, a.vendor_id, v.name AS vendor_name, a.name, a.unit_id, a.currency, a.time_zone,
  a.recorded_at FROM accounts a JOIN vendors v ON v.id = a.vendor_id`
const ORDER = 'ORDER BY v.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id'

export interface AccountFields {
  readonly vendorId: number
  readonly name: string
  readonly unitId: string
  readonly currency: string
  readonly timeZone: string
}

export const accountsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    list: (vendorId?: number): Account[] =>
      (vendorId === undefined
        ? (prepare(`${SELECT} ${ORDER}`).all() as AccountRow[])
        : (prepare(`${SELECT} WHERE a.vendor_id = ? ${ORDER}`).all(vendorId) as AccountRow[])
      ).map(toAccount),
    get: (id: number): Account | undefined => {
      const row = prepare(`${SELECT} WHERE a.id = ?`).get(id) as AccountRow | undefined
      return row && toAccount(row)
    },
    findByName: (vendorId: number, name: string): Account | undefined => {
      const row = prepare(`${SELECT} WHERE a.vendor_id = ? AND a.name = ? COLLATE NOCASE`).get(vendorId, name) as
        AccountRow | undefined
      return row && toAccount(row)
    },
    insert: (fields: AccountFields, recordedAt: number): number =>
      Number(
        prepare(
          'INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(fields.vendorId, fields.name, fields.unitId, fields.currency, fields.timeZone, recordedAt)
          .lastInsertRowid,
      ),
    update: (id: number, fields: Omit<AccountFields, 'vendorId'>): void => {
      prepare('UPDATE accounts SET name = ?, unit_id = ?, currency = ?, time_zone = ? WHERE id = ?').run(
        fields.name,
        fields.unitId,
        fields.currency,
        fields.timeZone,
        id,
      )
    },
    remove: (id: number): void => {
      prepare('DELETE FROM accounts WHERE id = ?').run(id)
    },
  }
}
