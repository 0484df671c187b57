import { ApiFailure } from '@shared/api/result'
import type { AccountRef } from '@shared/api/types/views'
import type { UnitKind } from '@shared/money/units'
import { preparedFor } from '../../db/statements'
import type { ServiceContext } from '../context'

/** An account as the views need it: its reference for the answer, and its unit's scale and kind for amounts. */
export interface ViewAccount {
  readonly ref: AccountRef
  readonly scale: number
  readonly unitKind: UnitKind
  readonly zone: string
  readonly drawdown: 'default' | 'free_first'
}

interface Row {
  readonly id: number
  readonly name: string
  readonly vendor_id: number
  readonly vendor_name: string
  readonly unit_id: string
  readonly currency: string
  readonly scale: number
  readonly kind: UnitKind
  readonly time_zone: string
  readonly drawdown: 'default' | 'free_first'
}

const toViewAccount = (row: Row): ViewAccount => ({
  ref: {
    id: row.id,
    name: row.name,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    unitId: row.unit_id,
    currency: row.currency,
  },
  scale: row.scale,
  unitKind: row.kind,
  zone: row.time_zone,
  drawdown: row.drawdown,
})

const SELECT = `SELECT a.id, a.name, a.vendor_id, v.name AS vendor_name, a.unit_id, a.currency, u.scale, u.kind,
  a.time_zone, a.drawdown
  FROM accounts a JOIN vendors v ON v.id = a.vendor_id JOIN units u ON u.id = a.unit_id`
const ORDER = 'ORDER BY v.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id'

export interface AccountFilter {
  readonly accountId?: number | undefined
  readonly vendorId?: number | undefined
}

const notFound = (field: string, message: string) =>
  new ApiFailure({ code: 'NOT_FOUND', message, fields: { [field]: message } })

/** The accounts a view covers, by vendor then name; NOT_FOUND on the field when a named account or vendor is missing. */
export const viewAccounts = (ctx: ServiceContext, filter: AccountFilter = {}): ViewAccount[] => {
  const prepare = preparedFor(ctx.db)
  if (filter.accountId !== undefined) {
    const row = prepare(`${SELECT} WHERE a.id = ?`).get(filter.accountId) as Row | undefined
    if (row === undefined) throw notFound('accountId', `No account with id ${filter.accountId}`)
    if (filter.vendorId !== undefined && row.vendor_id !== filter.vendorId) return []
    return [toViewAccount(row)]
  }
  if (filter.vendorId !== undefined) {
    const vendor = prepare('SELECT id FROM vendors WHERE id = ?').get(filter.vendorId)
    if (vendor === undefined) throw notFound('vendorId', `No vendor with id ${filter.vendorId}`)
    return (prepare(`${SELECT} WHERE a.vendor_id = ? ${ORDER}`).all(filter.vendorId) as Row[]).map(toViewAccount)
  }
  return (prepare(`${SELECT} ${ORDER}`).all() as Row[]).map(toViewAccount)
}

/** A lookup of every account by id (reports that scan facts of all accounts). */
export const accountsById = (ctx: ServiceContext): Map<number, ViewAccount> =>
  new Map(viewAccounts(ctx).map((account) => [account.ref.id, account]))
