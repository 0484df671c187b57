import type { z } from 'zod'
import type { newAccountInput, newUnitInput, newVendorInput, updateAccountInput } from '@shared/catalog/schemas'
import type { Account, Vendor } from '@shared/catalog/types'
import { ApiFailure } from '@shared/api/result'
import type { Unit } from '@shared/money/units'
import { accountsRepo } from '../repositories/accounts-repo'
import { unitsRepo } from '../repositories/units-repo'
import { vendorsRepo } from '../repositories/vendors-repo'
import { inTransaction, type ServiceContext } from './context'
import { parseAmount } from './facts/scope'

/** Units, vendors and accounts: every mutation is one transaction; conflicts are reported on the field at fault. */

const notFound = (what: string, id: number | string) =>
  new ApiFailure({ code: 'NOT_FOUND', message: `No ${what} with id ${id}` })

const conflict = (field: string, message: string) =>
  new ApiFailure({ code: 'CONFLICT', message, fields: { [field]: message } })

export const listUnits = (ctx: ServiceContext): Unit[] => unitsRepo(ctx.db).list()

export const addUnit = (ctx: ServiceContext, input: z.output<typeof newUnitInput>): Unit =>
  inTransaction(ctx, () => {
    const units = unitsRepo(ctx.db)
    const existing = units.get(input.id)
    if (existing) throw conflict('id', `A unit named ${existing.id} already exists`)
    units.insert(input, ctx.clock.now())
    return units.get(input.id) ?? raise(notFound('unit', input.id))
  })

export const listVendors = (ctx: ServiceContext): Vendor[] => vendorsRepo(ctx.db).list()

export const addVendor = (ctx: ServiceContext, input: z.output<typeof newVendorInput>): Vendor =>
  inTransaction(ctx, () => {
    const vendors = vendorsRepo(ctx.db)
    if (vendors.findByName(input.name)) throw conflict('name', `A vendor named “${input.name}” already exists`)
    const id = vendors.insert({ name: input.name, website: input.website ?? null }, ctx.clock.now())
    return vendors.get(id) ?? raise(notFound('vendor', id))
  })

export const renameVendor = (ctx: ServiceContext, id: number, name: string): Vendor =>
  inTransaction(ctx, () => {
    const vendors = vendorsRepo(ctx.db)
    if (!vendors.get(id)) throw notFound('vendor', id)
    const clash = vendors.findByName(name)
    if (clash && clash.id !== id) throw conflict('name', `A vendor named “${name}” already exists`)
    vendors.rename(id, name)
    return vendors.get(id) ?? raise(notFound('vendor', id))
  })

export const removeVendor = (ctx: ServiceContext, id: number): { id: number } =>
  inTransaction(ctx, () => {
    const vendors = vendorsRepo(ctx.db)
    const vendor = vendors.get(id)
    if (!vendor) throw notFound('vendor', id)
    if (vendor.accountCount > 0) {
      const count = vendor.accountCount === 1 ? '1 account' : `${vendor.accountCount} accounts`
      throw new ApiFailure({
        code: 'CONFLICT',
        message: `${vendor.name} still has ${count}; delete or move them first`,
      })
    }
    vendors.remove(id)
    return { id }
  })

export const listAccounts = (ctx: ServiceContext, vendorId?: number): Account[] => accountsRepo(ctx.db).list(vendorId)

const requireUnit = (ctx: ServiceContext, unitId: string): Unit => {
  const unit = unitsRepo(ctx.db).get(unitId)
  if (!unit) {
    throw new ApiFailure({
      code: 'VALIDATION',
      message: `Unknown unit ${unitId}`,
      fields: { unitId: 'Unknown unit' },
    })
  }
  return unit
}

export const addAccount = (ctx: ServiceContext, input: z.output<typeof newAccountInput>): Account =>
  inTransaction(ctx, () => {
    if (!vendorsRepo(ctx.db).get(input.vendorId)) {
      throw new ApiFailure({
        code: 'NOT_FOUND',
        message: `No vendor with id ${input.vendorId}`,
        fields: { vendorId: 'This vendor no longer exists' },
      })
    }
    const unit = requireUnit(ctx, input.unitId)
    const accounts = accountsRepo(ctx.db)
    if (accounts.findByName(input.vendorId, input.name)) {
      throw conflict('name', `This vendor already has an account named “${input.name}”`)
    }
    if (input.overdraft?.billedWith !== undefined && input.overdraft.billedWith !== null) {
      throw new ApiFailure({
        code: 'VALIDATION',
        message: 'A new account has no plans yet: set the overdraft billing plan once the plan is added',
        fields: { 'overdraft.billedWith': 'Add the plan first, then edit the account' },
      })
    }
    const id = accounts.insert(
      {
        vendorId: input.vendorId,
        name: input.name,
        unitId: unit.id,
        currency: input.currency,
        timeZone: input.timeZone,
        drawdown: input.drawdown ?? 'default',
        overdraftMode: input.overdraft?.mode ?? 'none',
        overdraftLimit: overdraftLimit(input.overdraft?.limit, unit),
        overdraftBilledWith: null,
      },
      ctx.clock.now(),
    )
    return accounts.get(id) ?? raise(notFound('account', id))
  })

export const updateAccount = (ctx: ServiceContext, input: z.output<typeof updateAccountInput>): Account =>
  inTransaction(ctx, () => {
    const accounts = accountsRepo(ctx.db)
    const current = accounts.get(input.id)
    if (!current) throw notFound('account', input.id)
    const unit = requireUnit(ctx, input.unitId ?? current.unitId)
    if (unit.id !== current.unitId && accounts.factCount(current.id) > 0) {
      throw conflict('unitId', 'The account already has lots, usage or plans counted in its unit: add a new account')
    }
    const billedWith =
      input.overdraft?.billedWith === undefined ? current.overdraft.billedWith : input.overdraft.billedWith
    if (billedWith !== null && !programOfAccount(ctx, billedWith, current.id)) {
      throw new ApiFailure({
        code: 'VALIDATION',
        message: `Plan ${billedWith} is not a plan of this account`,
        fields: { 'overdraft.billedWith': 'Choose a plan of this account' },
      })
    }
    const next = {
      name: input.name ?? current.name,
      unitId: unit.id,
      currency: input.currency ?? current.currency,
      timeZone: input.timeZone ?? current.timeZone,
      drawdown: input.drawdown ?? current.drawdown,
      overdraftMode: input.overdraft?.mode ?? current.overdraft.mode,
      overdraftLimit:
        input.overdraft?.limit === undefined
          ? Number(current.overdraft.limit.minor)
          : overdraftLimit(input.overdraft.limit, unit),
      overdraftBilledWith: billedWith,
    }
    const clash = accounts.findByName(current.vendorId, next.name)
    if (clash && clash.id !== current.id) {
      throw conflict('name', `This vendor already has an account named “${next.name}”`)
    }
    accounts.update(current.id, next)
    return accounts.get(current.id) ?? raise(notFound('account', current.id))
  })

export const removeAccount = (ctx: ServiceContext, id: number): { id: number } =>
  inTransaction(ctx, () => {
    const accounts = accountsRepo(ctx.db)
    if (!accounts.get(id)) throw notFound('account', id)
    const facts = accounts.factCount(id)
    if (facts > 0) {
      throw new ApiFailure({
        code: 'CONFLICT',
        message: `The account holds ${facts} plans, lots, usage rows, observations or rates: remove them first`,
      })
    }
    accounts.remove(id)
    return { id }
  })

const raise = (failure: ApiFailure): never => {
  throw failure
}

/** The overdraft limit typed as a decimal in the account's unit, exactly (more decimals than the unit has: refused). */
const overdraftLimit = (text: string | undefined, unit: Unit): number =>
  text === undefined ? 0 : parseAmount(text, unit.scale, 'overdraft.limit', 'Overdraft limit').value

const programOfAccount = (ctx: ServiceContext, programId: number, accountId: number): boolean =>
  ctx.db.prepare('SELECT 1 FROM programs WHERE id = ? AND account_id = ?').get(programId, accountId) !== undefined
