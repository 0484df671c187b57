import type { z } from 'zod'
import type { PlanView } from '@shared/api/types/facts'
import type { newPlanInput, updatePlanInput } from '@shared/api/schemas/facts-plans'
import type { ExpiryRule, LotKind, ProgramFact, RolloverRule } from '@shared/ledger/model'
import { parseDuration, type Duration } from '@shared/time/duration'
import { isoInstant } from '@shared/time/iso-instant'
import { formatLocalDateTime } from '@shared/time/local-text'
import { boundaryAt, toInstant, toLocal, type LocalDateTime } from '@shared/time/zoned'
import { programRef } from '../../ledger/engine-ids'
import { programFactOf } from '../../ledger/fact-rows'
import type { StoredProgramRow } from '../../repositories/facts/programs-repo'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { costView, expiryView, provenanceView, rolloverView, unitAmount } from './fact-views'
import { invalid, parseAmount, parseCost, type AccountScope } from './scope'

/**
 * A plan's terms as the engine's ProgramFact (without id, account and seq), from a new plan's input or from a stored
 * plan with an edit applied. Defaults follow the generic presets: monthly allowances at priority 10 before add-ons
 * at 20, daily credits at 5, banked (rolled) credits at 5 and lost when the plan ends.
 */

export type PlanTerms = Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'>
type PlanKind = ProgramFact['kind']
type PlanPatch = Omit<z.output<typeof updatePlanInput>, 'id' | 'correction'>

const LOT_KIND: Readonly<Record<PlanKind, LotKind>> = {
  allowance: 'subscription',
  addon: 'addon',
  annual_release: 'subscription',
  daily: 'daily',
  commitment: 'commitment',
}
const PRIORITY: Readonly<Record<PlanKind, number>> = {
  allowance: 10,
  addon: 20,
  annual_release: 10,
  daily: 5,
  commitment: 10,
}
const P1M = parseDuration('P1M') as Duration
const P1D = parseDuration('P1D') as Duration

/** The defaults of a new plan of `kind`, before its input is applied (the anchor is always given). */
export const defaultTerms = (input: z.output<typeof newPlanInput>, scope: AccountScope): PlanTerms => {
  const free = parseCost(input.price, 'price')?.amount === 0
  return {
    name: input.name,
    kind: input.kind,
    anchor: { local: toLocal(0, 'UTC'), zone: input.zone ?? scope.zone },
    interval: input.kind === 'daily' ? P1D : P1M,
    amountPerPeriod: 0,
    costPerPeriod: null,
    periods: input.kind === 'annual_release' ? 12 : null,
    endsAt: null,
    lot: {
      kind: LOT_KIND[input.kind],
      funding: input.kind === 'commitment' ? 'postpaid' : free ? 'promotional' : 'paid',
      priority: PRIORITY[input.kind],
      tags: [],
      expiry: 'period',
    },
    rollover: { mode: 'none' },
    rolled: { periods: null, priority: 5 },
    rolledLostOnEnd: true,
  }
}

const expiryRule = (
  ctx: ServiceContext,
  input: NonNullable<PlanPatch['lot']>['expiry'],
): ExpiryRule | 'period' | undefined => {
  if (input === undefined) return undefined
  switch (input.kind) {
    case 'period':
      return 'period'
    case 'at':
      return { kind: 'at', at: resolveAt(ctx, input.at) }
    default:
      return input
  }
}

const rolloverRule = (input: PlanPatch['rollover'], scope: AccountScope): RolloverRule | undefined => {
  if (input === undefined || input.mode !== 'capped') return input
  return { mode: 'capped', cap: parseAmount(input.cap, scope.scale, 'rollover.cap', 'Rollover cap').value }
}

const anchorOf = (ctx: ServiceContext, patch: PlanPatch, current: PlanTerms, zone: string): LocalDateTime => {
  if (patch.anchor !== undefined) return patch.anchor
  if (patch.start !== undefined) return toLocal(resolveAt(ctx, patch.start), zone)
  return current.anchor.local
}

/** `current` with `patch` applied; amounts parse at the account unit's scale, prices in micro-units. */
export const applyTerms = (
  ctx: ServiceContext,
  current: PlanTerms,
  patch: PlanPatch,
  scope: AccountScope,
): PlanTerms => {
  const zone = patch.zone ?? current.anchor.zone
  const currentPrice = current.totalCost ?? current.costPerPeriod
  const price = patch.price === undefined ? currentPrice : parseCost(patch.price, 'price')
  const kind = patch.kind ?? current.kind
  // Without a price yet, an annual plan's price is the whole term's (paid once); any other plan's is per period.
  const currentBasis =
    current.totalCost !== undefined || (currentPrice === null && kind === 'annual_release') ? 'total' : 'per_period'
  const basis = patch.priceBasis ?? currentBasis
  const periods = patch.periods === undefined ? current.periods : patch.periods
  const expiry = expiryRule(ctx, patch.lot?.expiry)
  const terms: PlanTerms = {
    name: patch.name ?? current.name,
    kind,
    anchor: { local: anchorOf(ctx, patch, current, zone), zone },
    interval: patch.interval ?? current.interval,
    amountPerPeriod:
      patch.amount === undefined
        ? current.amountPerPeriod
        : parseAmount(patch.amount, scope.scale, 'amount', 'Amount per period').value,
    costPerPeriod: basis === 'total' ? null : price,
    ...(basis === 'total' && price !== null ? { totalCost: price } : {}),
    periods,
    endsAt: current.endsAt,
    lot: {
      kind: patch.lot?.kind ?? current.lot.kind,
      funding: patch.lot?.funding ?? current.lot.funding,
      priority: patch.lot?.priority ?? current.lot.priority,
      tags: patch.lot?.tags ?? current.lot.tags,
      expiry: expiry ?? current.lot.expiry,
    },
    rollover: rolloverRule(patch.rollover, scope) ?? current.rollover,
    rolled: {
      periods: patch.rolled?.periods === undefined ? current.rolled.periods : patch.rolled.periods,
      priority: patch.rolled?.priority ?? current.rolled.priority,
    },
    rolledLostOnEnd: patch.rolledLostOnEnd ?? current.rolledLostOnEnd,
    ...(current.replaces === undefined ? {} : { replaces: current.replaces }),
  }
  return checkTerms(terms)
}

/** What the schema cannot see: a zero interval, a total price without periods, an anchor the zone cannot place. */
const checkTerms = (terms: PlanTerms): PlanTerms => {
  try {
    boundaryAt(terms.anchor, terms.interval, 1)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw invalid('interval', `Interval: ${error.message}`)
  }
  if (terms.totalCost !== undefined && terms.periods === null) {
    throw invalid('periods', 'A total price is split over the plan’s periods: give the number of periods')
  }
  return terms
}

export const firstBoundary = (terms: Pick<PlanTerms, 'anchor' | 'interval'>): number =>
  boundaryAt(terms.anchor, terms.interval, 0)

export const planView = (row: StoredProgramRow, scope: AccountScope): PlanView => {
  const fact = programFactOf(row)
  return {
    id: row.id,
    ref: programRef(row.id),
    accountId: row.account_id,
    name: fact.name,
    kind: fact.kind,
    anchor: isoInstant(toInstant(fact.anchor.local, fact.anchor.zone)),
    anchorLocal: formatLocalDateTime(fact.anchor.local),
    zone: fact.anchor.zone,
    interval: row.interval,
    amountPerPeriod: unitAmount(fact.amountPerPeriod, scope),
    price: costView(fact.totalCost ?? fact.costPerPeriod),
    priceBasis: row.cost_basis,
    periods: fact.periods,
    endsAt: fact.endsAt === null ? null : isoInstant(fact.endsAt),
    lot: {
      ...fact.lot,
      expiry: fact.lot.expiry === 'period' ? { kind: 'period' } : expiryView(fact.lot.expiry),
    },
    rollover: rolloverView(fact.rollover, scope),
    rolled: fact.rolled,
    rolledLostOnEnd: fact.rolledLostOnEnd,
    replaces: row.replaces,
    ...provenanceView(row),
  }
}
