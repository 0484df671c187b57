import type { z } from 'zod'
import type { newUsageInput, usageFilter } from '@shared/api/schemas/facts-usage'
import type { UsageAdded, UsagePage, UsageView } from '@shared/api/types/facts'
import { resolveUsageAmount } from '@shared/ledger/rates'
import { isoInstant } from '@shared/time/iso-instant'
import { accountRef, usageRef } from '../../ledger/engine-ids'
import { ratesRepo } from '../../repositories/facts/rates-repo'
import { usageRepo, type StoredUsageRow, type UsageCursor } from '../../repositories/facts/usage-repo'
import { inTransaction, type ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { provenanceView, tagsOf, unitAmount } from './fact-views'
import { rateEntryOf } from './rates-service'
import {
  accountScopes,
  instantOrNow,
  invalid,
  notFound,
  parseAmount,
  provenance,
  requireAccount,
  scopeIn,
  type AccountScope,
} from './scope'

/**
 * Usage rows: an amount in the account unit, or an action × quantity priced by the rate in force when it occurred.
 * More decimals than the unit holds are rounded half-even once and the answer says so (DESIGN §4), never silently.
 */

const DEFAULT_PAGE = 50

export const usageView = (row: StoredUsageRow, scope: AccountScope): UsageView => ({
  id: row.id,
  ref: usageRef(row.id),
  accountId: row.account_id,
  occurredAt: isoInstant(row.occurred_at),
  amount: unitAmount(row.amount, scope),
  billable: row.billable === 1,
  tags: tagsOf(row.tags),
  action: row.action,
  quantity: row.quantity,
  note: row.note,
  ...provenanceView(row),
})

interface Priced {
  readonly amount: number
  readonly rounded: boolean
  readonly rate: UsageAdded['rate']
}

const priceAction = (
  ctx: ServiceContext,
  scope: AccountScope,
  action: string,
  quantity: number,
  at: number,
): Priced => {
  const rows = ratesRepo(ctx.db).ofKey(scope.id, action)
  const resolved = resolveUsageAmount(
    { accountId: accountRef(scope.id), key: action, quantity, occurredAt: at },
    rows.map(rateEntryOf),
  )
  if (!resolved.ok) throw invalid(resolved.reason.startsWith('no rate') ? 'action' : 'quantity', resolved.reason)
  const row = rows.find(
    (candidate) =>
      candidate.effective_from === resolved.rate.effectiveFrom && candidate.numerator === resolved.rate.numerator,
  )
  return {
    amount: resolved.amount,
    rounded: resolved.rounded,
    rate:
      row === undefined
        ? null
        : {
            id: row.id,
            effectiveFrom: isoInstant(row.effective_from),
            amount: unitAmount(row.numerator, scope),
            per: row.denominator,
          },
  }
}

const typedAmount = (text: string, scope: AccountScope): Priced => {
  const parsed = parseAmount(text, scope.scale, 'amount', 'Amount', 'half-even')
  return { amount: parsed.value, rounded: parsed.rounded, rate: null }
}

export const addUsage = (ctx: ServiceContext, input: z.output<typeof newUsageInput>, source = 'manual'): UsageAdded =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const occurredAt = instantOrNow(ctx, input.occurredAt)
    const priced: Priced =
      input.amount !== undefined
        ? typedAmount(input.amount, scope)
        : priceAction(ctx, scope, input.action ?? '', input.quantity ?? 0, occurredAt)
    const repo = usageRepo(ctx.db)
    const id = repo.insert(
      scope.id,
      {
        occurred_at: occurredAt,
        amount: priced.amount,
        billable: input.billable === false ? 0 : 1,
        tags: JSON.stringify(input.tags ?? []),
        action: input.amount === undefined ? (input.action ?? null) : null,
        quantity: input.amount === undefined ? (input.quantity ?? null) : null,
        note: input.note ?? null,
      },
      provenance(ctx, source),
    )
    const row = repo.get(id) ?? raise(notFound('usage row', id))
    return { ...usageView(row, scope), rounded: priced.rounded, rate: priced.rate }
  })

const raise = (failure: Error): never => {
  throw failure
}

const cursorOf = (text: string | undefined): UsageCursor | undefined => {
  if (text === undefined) return undefined
  const [at = '', id = ''] = text.split(':')
  return { occurredAt: Number(at), id: Number(id) }
}

export const listUsage = (ctx: ServiceContext, filter: z.output<typeof usageFilter>): UsagePage => {
  if (filter?.accountId !== undefined) requireAccount(ctx, filter.accountId)
  const range = {
    ...(filter?.accountId === undefined ? {} : { accountId: filter.accountId }),
    ...(filter?.from === undefined ? {} : { from: resolveAt(ctx, filter.from) }),
    ...(filter?.to === undefined ? {} : { to: resolveAt(ctx, filter.to) }),
  }
  const limit = filter?.limit ?? DEFAULT_PAGE
  const repo = usageRepo(ctx.db)
  // One row more than asked tells whether another page follows.
  const rows = repo.page(range, limit + 1, cursorOf(filter?.cursor))
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const scopes = accountScopes(ctx)
  return {
    items: page.map((row) => usageView(row, scopeIn(scopes, row.account_id))),
    total: repo.count(range),
    nextCursor: rows.length > limit && last !== undefined ? `${last.occurred_at}:${last.id}` : null,
  }
}

export const removeUsage = (ctx: ServiceContext, id: number): { id: number } =>
  inTransaction(ctx, () => {
    const repo = usageRepo(ctx.db)
    if (repo.get(id) === undefined) throw notFound('usage row', id)
    repo.remove(id)
    return { id }
  })
