import type { Account } from '@shared/catalog/types'
import { amountView } from '@shared/money/amount-view'
import { isoInstant } from '@shared/time/iso-instant'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

interface AccountRow {
  id: number
  vendor_id: number
  vendor_name: string
  name: string
  unit_id: string
  unit_scale: number
  currency: string
  time_zone: string
  drawdown: Account['drawdown']
  overdraft_mode: Account['overdraft']['mode']
  overdraft_limit: number
  overdraft_billed_with: number | null
  preset_id: string | null
  preset_version: number | null
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
  drawdown: row.drawdown,
  overdraft: {
    mode: row.overdraft_mode,
    limit: amountView(row.overdraft_limit, row.unit_id, row.unit_scale),
    billedWith: row.overdraft_billed_with,
  },
  preset: row.preset_id === null ? null : { id: row.preset_id, version: row.preset_version ?? 1 },
  createdAt: isoInstant(row.recorded_at),
})

const SELECT = `SELECT a.id, a.vendor_id, v.name AS vendor_name, a.name, a.unit_id, u.scale AS unit_scale, a.currency,
  a.time_zone, a.drawdown, a.overdraft_mode, a.overdraft_limit, a.overdraft_billed_with, a.preset_id,
  a.preset_version, a.recorded_at
  FROM accounts a JOIN vendors v ON v.id = a.vendor_id JOIN units u ON u.id = a.unit_id`
const ORDER = 'ORDER BY v.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id'

export interface AccountFields {
  readonly vendorId: number
  readonly name: string
  readonly unitId: string
  readonly currency: string
  readonly timeZone: string
  readonly drawdown: Account['drawdown']
  readonly overdraftMode: Account['overdraft']['mode']
  /** Minor units of the account's unit. */
  readonly overdraftLimit: number
  readonly overdraftBilledWith: number | null
  readonly preset?: { readonly id: string; readonly version: number } | null
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
    insert: (fields: AccountFields, recordedAt: number, source = 'manual'): number =>
      Number(
        prepare(
          `INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, drawdown, overdraft_mode, overdraft_limit,
           overdraft_billed_with, preset_id, preset_version, recorded_at, source)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          fields.vendorId,
          fields.name,
          fields.unitId,
          fields.currency,
          fields.timeZone,
          fields.drawdown,
          fields.overdraftMode,
          fields.overdraftLimit,
          fields.overdraftBilledWith,
          fields.preset?.id ?? null,
          fields.preset?.version ?? null,
          recordedAt,
          source,
        ).lastInsertRowid,
      ),
    update: (id: number, fields: Omit<AccountFields, 'vendorId' | 'preset'>): void => {
      prepare(
        `UPDATE accounts SET name = ?, unit_id = ?, currency = ?, time_zone = ?, drawdown = ?, overdraft_mode = ?,
         overdraft_limit = ?, overdraft_billed_with = ? WHERE id = ?`,
      ).run(
        fields.name,
        fields.unitId,
        fields.currency,
        fields.timeZone,
        fields.drawdown,
        fields.overdraftMode,
        fields.overdraftLimit,
        fields.overdraftBilledWith,
        id,
      )
    },
    /** How many facts point at the account: its unit cannot change, nor can it be removed, while any do. */
    factCount: (id: number): number =>
      (
        prepare(
          `SELECT (SELECT count(*) FROM lots WHERE account_id = @id) + (SELECT count(*) FROM usage WHERE account_id = @id)
           + (SELECT count(*) FROM programs WHERE account_id = @id) + (SELECT count(*) FROM recharge_rules WHERE account_id = @id)
           + (SELECT count(*) FROM observations WHERE account_id = @id) + (SELECT count(*) FROM rates WHERE account_id = @id)
           AS n`,
        ).get({ id }) as { n: number }
      ).n,
    remove: (id: number): void => {
      prepare('DELETE FROM accounts WHERE id = ?').run(id)
    },
  }
}
