import type { z } from 'zod'
import type {
  changeExpiryInput,
  lotFilter,
  newLotInput,
  retractLotInput,
  voidLotInput,
} from '@shared/api/schemas/facts-lots'
import type { LotView } from '@shared/api/types/facts'
import { resolveExpiry } from '@shared/ledger/expiry'
import type { ExpiryRule, Funding, LotKind } from '@shared/ledger/model'
import { isoInstant } from '@shared/time/iso-instant'
import { expiryColumns } from '../../ledger/fact-rows'
import { programsRepo } from '../../repositories/facts/programs-repo'
import {
  lotsRepo,
  type LotEventColumns,
  type StoredLotEventRow,
  type StoredLotRow,
} from '../../repositories/facts/lots-repo'
import { inTransaction, type ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { lotView } from './fact-views'
import {
  accountScopes,
  conflict,
  instantOrNow,
  invalid,
  notFound,
  parseAmount,
  parseCost,
  provenance,
  requireAccount,
  scopeIn,
} from './scope'

/**
 * Lots and their events. A lot is never deleted or edited: a refund is a void from an instant, a mistake is a
 * retract (replayed as if the lot never existed), a vendor's new date is an expiry change. Each is a fact of its
 * own, so the history of a balance can always be explained.
 */

const FREE_KINDS: ReadonlySet<LotKind> = new Set(['promo', 'trial', 'grant'])
/** After monthly allowances (10), like the generic top-up preset. */
const DEFAULT_PRIORITY = 20

const requireLot = (ctx: ServiceContext, id: number): StoredLotRow => {
  const lot = lotsRepo(ctx.db).get(id)
  if (lot === undefined) throw notFound('lot', id)
  return lot
}

const viewOf = (ctx: ServiceContext, id: number): LotView => {
  const lot = requireLot(ctx, id)
  return lotView(lot, lotsRepo(ctx.db).eventsOf(id), requireAccount(ctx, lot.account_id))
}

const expiryRuleOf = (ctx: ServiceContext, input: z.output<typeof newLotInput>['expiry']): ExpiryRule => {
  if (input === undefined) return { kind: 'never' }
  return input.kind === 'at' ? { kind: 'at', at: resolveAt(ctx, input.at) } : input
}

const requirePlanOf = (ctx: ServiceContext, planId: number, accountId: number): number => {
  const plan = programsRepo(ctx.db).get(planId)
  if (plan === undefined) throw notFound('plan', planId, 'planId')
  if (plan.account_id !== accountId) throw invalid('planId', `Plan ${planId} belongs to another account`)
  return plan.id
}

export const addLot = (ctx: ServiceContext, input: z.output<typeof newLotInput>, source = 'manual'): LotView =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const kind = input.kind ?? 'purchase'
    const funding: Funding = input.funding ?? (FREE_KINDS.has(kind) ? 'promotional' : 'paid')
    const amount = parseAmount(input.amount, scope.scale, 'amount', 'Amount').value
    // A free lot's cost is known: nothing. A paid one's is unknown until entered (value at risk then says so).
    const cost =
      input.cost === undefined
        ? funding === 'promotional'
          ? { amount: 0, currency: scope.currency }
          : null
        : parseCost(input.cost, 'cost')
    const effectiveAt = instantOrNow(ctx, input.effectiveAt)
    const expiry = expiryRuleOf(ctx, input.expiry)
    const expiresAt = resolveExpiry(expiry, effectiveAt, scope.zone)
    if (expiresAt !== null && expiresAt <= effectiveAt) {
      throw invalid(
        expiry.kind === 'at' ? 'expiry.at' : 'expiry',
        `The lot would expire (${isoInstant(expiresAt)}) before it takes effect (${isoInstant(effectiveAt)})`,
      )
    }
    const id = lotsRepo(ctx.db).insert(
      scope.id,
      {
        kind,
        funding,
        amount,
        cost_amount: cost?.amount ?? null,
        cost_currency: cost?.currency ?? null,
        effective_at: effectiveAt,
        ...expiryColumns(expiry),
        priority: input.priority ?? DEFAULT_PRIORITY,
        tags: JSON.stringify(input.tags ?? []),
        program_id: input.planId === undefined ? null : requirePlanOf(ctx, input.planId, scope.id),
        note: input.note ?? null,
      },
      provenance(ctx, source),
    )
    return viewOf(ctx, id)
  })

export const listLots = (ctx: ServiceContext, filter: z.output<typeof lotFilter>): LotView[] => {
  const accountId = filter?.accountId
  if (accountId !== undefined) requireAccount(ctx, accountId)
  const repo = lotsRepo(ctx.db)
  const events = new Map<number, StoredLotEventRow[]>()
  for (const event of repo.eventsOfAccount(accountId)) {
    const list = events.get(event.lot_id)
    if (list === undefined) events.set(event.lot_id, [event])
    else list.push(event)
  }
  const scopes = accountScopes(ctx)
  return repo
    .list(accountId, filter?.includeRetracted === true)
    .map((lot) => lotView(lot, events.get(lot.id) ?? [], scopeIn(scopes, lot.account_id)))
}

/** The lot an event is about, refused when it was retracted (it no longer counts) or `kind` already happened. */
const eventTarget = (ctx: ServiceContext, id: number, once?: 'void' | 'retract'): StoredLotRow => {
  const lot = requireLot(ctx, id)
  const events = lotsRepo(ctx.db).eventsOf(id)
  const retract = events.find((event) => event.kind === 'retract')
  if (retract !== undefined) {
    throw conflict('id', `Lot ${id} was retracted (recorded ${isoInstant(retract.recorded_at)}): it no longer counts`)
  }
  const earlier = once === undefined ? undefined : events.find((event) => event.kind === once)
  if (earlier !== undefined) throw conflict('id', `Lot ${id} was already voided at ${isoInstant(earlier.at)}`)
  return lot
}

const recordEvent = (ctx: ServiceContext, lot: StoredLotRow, event: Omit<LotEventColumns, 'lot_id' | 'account_id'>) => {
  lotsRepo(ctx.db).insertEvent({ lot_id: lot.id, account_id: lot.account_id, ...event }, provenance(ctx))
  return viewOf(ctx, lot.id)
}

const notBeforeEffective = (lot: StoredLotRow, at: number, field: string, what: string): number => {
  if (at < lot.effective_at) {
    throw invalid(field, `${what} (${isoInstant(at)}) is before the lot takes effect (${isoInstant(lot.effective_at)})`)
  }
  return at
}

export const voidLot = (ctx: ServiceContext, input: z.output<typeof voidLotInput>): LotView =>
  inTransaction(ctx, () => {
    const lot = eventTarget(ctx, input.id, 'void')
    const at = notBeforeEffective(lot, instantOrNow(ctx, input.at), 'at', 'The void')
    return recordEvent(ctx, lot, {
      kind: 'void',
      at,
      mode: input.mode ?? 'forward',
      expires_at: null,
      note: input.note ?? null,
    })
  })

export const retractLot = (ctx: ServiceContext, input: z.output<typeof retractLotInput>): LotView =>
  inTransaction(ctx, () => {
    const lot = eventTarget(ctx, input.id)
    // A retract has no instant of its own (the lot never was); `at` records when it was entered.
    return recordEvent(ctx, lot, {
      kind: 'retract',
      at: ctx.clock.now(),
      mode: null,
      expires_at: null,
      note: input.note ?? null,
    })
  })

export const changeLotExpiry = (ctx: ServiceContext, input: z.output<typeof changeExpiryInput>): LotView =>
  inTransaction(ctx, () => {
    const lot = eventTarget(ctx, input.id)
    const at = notBeforeEffective(lot, instantOrNow(ctx, input.at), 'at', 'The change')
    const expiresAt = input.expiresAt === null ? null : resolveAt(ctx, input.expiresAt)
    if (expiresAt !== null && expiresAt <= lot.effective_at) {
      throw invalid('expiresAt', `The new expiry (${isoInstant(expiresAt)}) is not after the lot takes effect`)
    }
    return recordEvent(ctx, lot, {
      kind: 'expiry_change',
      at,
      mode: null,
      expires_at: expiresAt,
      note: input.note ?? null,
    })
  })
