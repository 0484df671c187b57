import { ApiFailure } from '@shared/api/result'
import type { Account } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import type { UnitSuggestion } from '@shared/policies/types'
import type { AccountFields } from '../../repositories/accounts-repo'
import { accountsRepo } from '../../repositories/accounts-repo'
import { unitsRepo } from '../../repositories/units-repo'
import { vendorsRepo } from '../../repositories/vendors-repo'
import type { ServiceContext } from '../context'
import { invalid, parseAmount } from '../facts/scope'

/** The catalog rows a preset needs: its unit, its vendor (found by name or made) and a new account. */

/** The preset's unit, declared when missing; an existing unit of that id must have the same scale. */
export const ensureUnit = (ctx: ServiceContext, suggestion: UnitSuggestion): Unit => {
  const units = unitsRepo(ctx.db)
  const existing = units.get(suggestion.id)
  if (existing !== undefined) {
    if (existing.scale !== suggestion.scale) {
      throw new ApiFailure({
        code: 'CONFLICT',
        message: `Unit ${suggestion.id} exists with ${existing.scale} decimals; this preset counts it with ${suggestion.scale}`,
      })
    }
    return existing
  }
  units.insert(
    { id: suggestion.id, kind: suggestion.kind, scale: suggestion.scale, label: suggestion.label },
    ctx.clock.now(),
  )
  return units.get(suggestion.id) ?? raise(invalid('unit', `could not declare ${suggestion.id}`))
}

/** The vendor given, or the one named like the preset's vendor, or a new one. */
export const ensureVendor = (ctx: ServiceContext, vendorId: number | undefined, name: string): number => {
  const vendors = vendorsRepo(ctx.db)
  if (vendorId !== undefined) {
    if (vendors.get(vendorId) === undefined) {
      throw new ApiFailure({
        code: 'NOT_FOUND',
        message: `No vendor with id ${vendorId}`,
        fields: { vendorId: 'No such vendor' },
      })
    }
    return vendorId
  }
  return vendors.findByName(name)?.id ?? vendors.insert({ name, website: null }, ctx.clock.now())
}

export const addPresetAccount = (
  ctx: ServiceContext,
  fields: Omit<AccountFields, 'overdraftBilledWith'>,
  field = 'accountName',
): Account => {
  const accounts = accountsRepo(ctx.db)
  if (accounts.findByName(fields.vendorId, fields.name) !== undefined) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `This vendor already has an account named “${fields.name}”`,
      fields: { [field]: 'Choose another account name' },
    })
  }
  const id = accounts.insert({ ...fields, overdraftBilledWith: null }, ctx.clock.now(), 'preset')
  return accounts.get(id) ?? raise(invalid(field, 'the account could not be read back'))
}

/** A decimal typed by the user, exactly in minor units of `scale` (facts/scope.ts parseAmount); undefined stays so. */
export const minorOf = (text: string | undefined, scale: number, field: string): number | undefined =>
  text === undefined ? undefined : parseAmount(text, scale, field, 'Amount').value

export const raise = (failure: ApiFailure): never => {
  throw failure
}
