import type { z } from 'zod'
import type { newRateInput, rateFilter } from '@shared/api/schemas/facts-usage'
import type { RateView } from '@shared/api/types/facts'
import type { RateEntry } from '@shared/ledger/rates'
import { isoInstant } from '@shared/time/iso-instant'
import { accountRef } from '../../ledger/engine-ids'
import { ratesRepo, type StoredRateRow } from '../../repositories/facts/rates-repo'
import { inTransaction, type ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { provenanceView, unitAmount } from './fact-views'
import {
  accountScopes,
  conflict,
  invalid,
  parseAmount,
  provenance,
  requireAccount,
  scopeIn,
  type AccountScope,
} from './scope'

/**
 * Rate tables (shared/ledger/rates.ts): an action's price in the account unit, as an exact fraction, from an
 * instant on. A price change is a new entry; usage is priced when it is recorded, so old rows are never re-priced.
 */

export const rateView = (row: StoredRateRow, scope: AccountScope): RateView => ({
  id: row.id,
  accountId: row.account_id,
  key: row.key,
  effectiveFrom: isoInstant(row.effective_from),
  amount: unitAmount(row.numerator, scope),
  per: row.denominator,
  ...provenanceView(row),
})

export const rateEntryOf = (row: StoredRateRow): RateEntry => ({
  accountId: accountRef(row.account_id),
  key: row.key,
  effectiveFrom: row.effective_from,
  numerator: row.numerator,
  denominator: row.denominator,
})

/**
 * "2.50" per 1,000,000 at scale 6 is 2,500,000 / 1,000,000. "0.0000025" per 1 is finer than the unit: at scale 6 it
 * is 25 / 10 (the digits beyond the scale move into the denominator), so nothing is ever rounded.
 */
const fractionOf = (text: string, per: number, scale: number): { numerator: number; denominator: number } => {
  const parsed = parseAmount(text, scale, 'amount', 'Amount', 'half-even')
  if (!parsed.rounded) return { numerator: parsed.value, denominator: per }
  // The schema allows only digits with an optional fraction: N / 10^f with f > scale.
  const [int = '', frac = ''] = text.split('.')
  const digits = frac.replace(/0+$/, '')
  const numerator = BigInt(int + digits)
  const denominator = BigInt(per) * 10n ** BigInt(digits.length - scale)
  if (numerator > BigInt(Number.MAX_SAFE_INTEGER) || denominator > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid('amount', 'Amount has too many digits to keep exactly: use numerator and denominator')
  }
  return { numerator: Number(numerator), denominator: Number(denominator) }
}

export const addRate = (ctx: ServiceContext, input: z.output<typeof newRateInput>, source = 'manual'): RateView =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const effectiveFrom = resolveAt(ctx, input.effectiveFrom)
    const repo = ratesRepo(ctx.db)
    if (repo.find(scope.id, input.key, effectiveFrom) !== undefined) {
      throw conflict(
        'effectiveFrom',
        `A rate for "${input.key}" already starts at ${isoInstant(effectiveFrom)}: a price change starts later`,
      )
    }
    const fraction =
      input.amount === undefined
        ? { numerator: input.numerator ?? 0, denominator: input.denominator ?? 1 }
        : fractionOf(input.amount, input.per ?? 1, scope.scale)
    const id = repo.insert(
      scope.id,
      { key: input.key, effective_from: effectiveFrom, ...fraction },
      provenance(ctx, source),
    )
    const row = repo.get(id)
    if (row === undefined) throw new Error(`rate ${id} vanished after insert`)
    return rateView(row, scope)
  })

export const listRates = (ctx: ServiceContext, filter: z.output<typeof rateFilter>): RateView[] => {
  if (filter?.accountId !== undefined) requireAccount(ctx, filter.accountId)
  const scopes = accountScopes(ctx)
  return ratesRepo(ctx.db)
    .list(filter?.accountId, filter?.key)
    .map((row) => rateView(row, scopeIn(scopes, row.account_id)))
}
