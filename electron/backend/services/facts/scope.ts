import { ApiFailure } from '@shared/api/result'
import type { Cost } from '@shared/ledger/model'
import { parseDecimal, type DecimalRounding } from '@shared/money/decimal'
import { MONEY_SCALE } from '@shared/money/units'
import type { InstantText } from '@shared/time/iso-instant'
import { preparedFor } from '../../db/statements'
import { currentBatchId } from '../../history/batches'
import type { Provenance } from '../../repositories/facts/provenance'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'

/**
 * What every fact service needs: the account a fact belongs to (its unit's scale parses amounts, its zone resolves
 * expiry rules), exact parsing of decimal text with the failure on the field at fault, and the fact's provenance.
 */

export interface AccountScope {
  readonly id: number
  readonly unitId: string
  readonly scale: number
  readonly currency: string
  readonly zone: string
}

interface ScopeRow {
  readonly id: number
  readonly unit_id: string
  readonly scale: number
  readonly currency: string
  readonly time_zone: string
}

const SCOPE_SQL = `SELECT a.id, a.unit_id, u.scale, a.currency, a.time_zone FROM accounts a JOIN units u ON u.id = a.unit_id`

const scopeOf = (row: ScopeRow): AccountScope => ({
  id: row.id,
  unitId: row.unit_id,
  scale: row.scale,
  currency: row.currency,
  zone: row.time_zone,
})

export const invalid = (field: string, message: string): ApiFailure =>
  new ApiFailure({ code: 'VALIDATION', message, fields: { [field]: message } })

export const conflict = (field: string, message: string): ApiFailure =>
  new ApiFailure({ code: 'CONFLICT', message, fields: { [field]: message } })

export const notFound = (what: string, id: number, field = 'id'): ApiFailure => {
  const message = `No ${what} with id ${id}`
  return new ApiFailure({ code: 'NOT_FOUND', message, fields: { [field]: message } })
}

export const requireAccount = (ctx: ServiceContext, accountId: number, field = 'accountId'): AccountScope => {
  const row = preparedFor(ctx.db)(`${SCOPE_SQL} WHERE a.id = ?`).get(accountId) as ScopeRow | undefined
  if (row === undefined) throw notFound('account', accountId, field)
  return scopeOf(row)
}

/** Every account's scope, for lists that span accounts. */
export const accountScopes = (ctx: ServiceContext): ReadonlyMap<number, AccountScope> =>
  new Map((preparedFor(ctx.db)(SCOPE_SQL).all() as ScopeRow[]).map((row) => [row.id, scopeOf(row)]))

export const scopeIn = (scopes: ReadonlyMap<number, AccountScope>, accountId: number): AccountScope => {
  const scope = scopes.get(accountId)
  if (scope === undefined) throw new Error(`account ${accountId} of a stored fact is missing`)
  return scope
}

/** Decimal text at `scale`, exactly (reject) or rounded half-even and reported; failures name `field`. */
export const parseAmount = (
  text: string,
  scale: number,
  field: string,
  label: string,
  rounding: DecimalRounding = 'reject',
): { readonly value: number; readonly rounded: boolean } => {
  const parsed = parseDecimal(text, scale, rounding)
  if (!parsed.ok) throw invalid(field, `${label}: ${parsed.reason}`)
  return { value: parsed.value, rounded: parsed.rounded }
}

/** A price or cost in a currency, held in micro-units (DESIGN §4); undefined stays undefined (not given). */
export function parseCost(input: { amount: string; currency: string }, field: string): Cost
export function parseCost(input: { amount: string; currency: string } | null, field: string): Cost | null
export function parseCost(
  input: { amount: string; currency: string } | null | undefined,
  field: string,
): Cost | null | undefined
export function parseCost(
  input: { amount: string; currency: string } | null | undefined,
  field: string,
): Cost | null | undefined {
  if (input === undefined || input === null) return input
  const amount = parseAmount(input.amount, MONEY_SCALE, `${field}.amount`, 'Amount').value
  return { amount, currency: input.currency }
}

export const provenance = (ctx: ServiceContext, source = 'manual'): Provenance => ({
  recordedAt: ctx.clock.now(),
  source,
  batchId: currentBatchId(ctx.db),
})

/** An instant as typed (no offset: the user's zone), or now. */
export const instantOrNow = (ctx: ServiceContext, text: InstantText | undefined): number => resolveAtOrNow(ctx, text)
