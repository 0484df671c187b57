import { ApiFailure } from '@shared/api/result'
import type { Connection } from '../db/connection'
import type { TargetAccount } from './usage-rows'

/**
 * Which account a usage file goes to: the one the user chose, else the only account of the vendor the format
 * belongs to. Several (or none) is a question for the user, never a guess.
 */
export type TargetChoice =
  | { readonly kind: 'account'; readonly account: TargetAccount & { readonly name: string } }
  | { readonly kind: 'ask'; readonly message: string; readonly candidates: readonly { id: number; name: string }[] }

interface AccountRow {
  id: number
  name: string
  vendor_name: string
  unit_id: string
  kind: TargetAccount['unitKind']
  scale: number
  time_zone: string
}

const SELECT = `SELECT a.id, a.name, v.name AS vendor_name, a.unit_id, u.kind, u.scale, a.time_zone
  FROM accounts a JOIN vendors v ON v.id = a.vendor_id JOIN units u ON u.id = a.unit_id`

const toTarget = (row: AccountRow) => ({
  id: row.id,
  name: `${row.vendor_name} / ${row.name}`,
  unitId: row.unit_id,
  unitKind: row.kind,
  scale: row.scale,
  zone: row.time_zone,
})

export const chooseTarget = (db: Connection, accountId: number | undefined, vendor: string | null): TargetChoice => {
  if (accountId !== undefined) {
    const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(accountId) as AccountRow | undefined
    if (row === undefined) {
      throw new ApiFailure({
        code: 'NOT_FOUND',
        message: `No account ${accountId}`,
        fields: { accountId: 'No such account' },
      })
    }
    return { kind: 'account', account: toTarget(row) }
  }
  const rows = (
    vendor === null
      ? db.prepare(`${SELECT} ORDER BY a.id`).all()
      : db.prepare(`${SELECT} WHERE v.name = ? COLLATE NOCASE ORDER BY a.id`).all(vendor)
  ) as AccountRow[]
  if (vendor !== null && rows.length === 1 && rows[0] !== undefined)
    return { kind: 'account', account: toTarget(rows[0]) }
  const candidates = rows.map((row) => ({ id: row.id, name: `${row.vendor_name} / ${row.name}` }))
  return {
    kind: 'ask',
    message:
      rows.length === 0
        ? `No account${vendor === null ? '' : ` at ${vendor}`} to import into yet: add one (a preset does it in one step), then choose it`
        : `Choose the account these rows belong to`,
    candidates,
  }
}
