import type { Vendor } from '@shared/catalog/types'
import { isoInstant } from '@shared/time/iso-instant'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

interface VendorRow {
  id: number
  name: string
  website: string | null
  recorded_at: number
  account_count: number
}

const toVendor = (row: VendorRow): Vendor => ({
  id: row.id,
  name: row.name,
  website: row.website,
  createdAt: isoInstant(row.recorded_at),
  accountCount: row.account_count,
})

const SELECT = `SELECT v.id, v.name, v.website, v.recorded_at,
  (SELECT count(*) FROM accounts a WHERE a.vendor_id = v.id) AS account_count
  FROM vendors v`

export const vendorsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    list: (): Vendor[] =>
      (prepare(`${SELECT} ORDER BY v.name COLLATE NOCASE, v.id`).all() as VendorRow[]).map(toVendor),
    get: (id: number): Vendor | undefined => {
      const row = prepare(`${SELECT} WHERE v.id = ?`).get(id) as VendorRow | undefined
      return row && toVendor(row)
    },
    findByName: (name: string): Vendor | undefined => {
      const row = prepare(`${SELECT} WHERE v.name = ? COLLATE NOCASE`).get(name) as VendorRow | undefined
      return row && toVendor(row)
    },
    insert: (vendor: { name: string; website: string | null }, recordedAt: number): number =>
      Number(
        prepare('INSERT INTO vendors (name, website, recorded_at) VALUES (?, ?, ?)').run(
          vendor.name,
          vendor.website,
          recordedAt,
        ).lastInsertRowid,
      ),
    rename: (id: number, name: string): void => {
      prepare('UPDATE vendors SET name = ? WHERE id = ?').run(name, id)
    },
    remove: (id: number): void => {
      prepare('DELETE FROM vendors WHERE id = ?').run(id)
    },
  }
}
