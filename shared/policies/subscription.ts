import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import type { AccountSpec, Cost, Instant, ProgramFact } from '../ledger/model'
import { boundaryAt, boundaryIndexAt, toLocal, type Anchor } from '../time/zoned'
import { billedOverage, PresetInputError, programFromTemplate, type ProgramInput } from './build'
import type { PlanTemplate, ProgramTemplate, SubscriptionPreset, UnitSuggestion } from './types'

/**
 * Subscriptions whose limits are usage caps rather than credits (ChatGPT Plus, Claude Pro/Max, Midjourney, Cursor,
 * Copilot): renewals, what a cancellation keeps, and the credit-like allowances the vendor states, as programs.
 */

export interface SubscriptionInput {
  readonly plan: string
  /** The first charge: renewals fall on the same day of the month (clamped: Jan 31 → Feb 28/29 → Mar 31). */
  readonly start: Instant
  /** Defaults to the preset's zone. */
  readonly zone?: string
  /** When the user cancelled: nothing renews at or after it. */
  readonly cancelledAt?: Instant | null
}

export interface Charge {
  /** 0 = the first charge, k = the k-th renewal. */
  readonly k: number
  readonly at: Instant
  /** null = the price is unknown (enter it). */
  readonly price: Cost | null
}

export const planOf = (preset: SubscriptionPreset, key: string): PlanTemplate => {
  const plan = preset.plans[key]
  if (plan === undefined) throw new PresetInputError('plan', `${preset.id} has no plan "${key}"`)
  return plan
}

const zoneOf = (preset: SubscriptionPreset, input: SubscriptionInput): string => input.zone ?? preset.zone.value

/** When access ends after the input's cancellation; null while not cancelled. */
const endOf = (preset: SubscriptionPreset, input: SubscriptionInput): Instant | null =>
  input.cancelledAt === undefined || input.cancelledAt === null ? null : accessUntil(preset, input, input.cancelledAt)

const anchorOf = (preset: SubscriptionPreset, input: SubscriptionInput): Anchor => {
  const zone = zoneOf(preset, input)
  return { local: toLocal(input.start, zone), zone }
}

/** The instant of charge k (always from the anchor, never chained). */
export const chargeAt = (preset: SubscriptionPreset, input: SubscriptionInput, k: number): Instant =>
  boundaryAt(anchorOf(preset, input), planOf(preset, input.plan).interval.value, k)

/** When access ends after a cancellation at `cancelledAt`: the end of the paid period, or at once. */
export const accessUntil = (preset: SubscriptionPreset, input: SubscriptionInput, cancelledAt: Instant): Instant => {
  if (preset.cancellation.value.access === 'immediate') return cancelledAt
  const anchor = anchorOf(preset, input)
  const interval = planOf(preset, input.plan).interval.value
  const k = boundaryIndexAt(anchor, interval, cancelledAt)
  if (k < 0) return boundaryAt(anchor, interval, 0)
  const start = boundaryAt(anchor, interval, k)
  return start === cancelledAt ? start : boundaryAt(anchor, interval, k + 1)
}

/** Charges with `from <= at < to`, stopping at a cancellation (nothing renews once access has ended). */
export const chargesBetween = (
  preset: SubscriptionPreset,
  input: SubscriptionInput,
  from: Instant,
  to: Instant,
  limit = 1000,
): Charge[] => {
  const plan = planOf(preset, input.plan)
  const anchor = anchorOf(preset, input)
  const end = endOf(preset, input)
  const charges: Charge[] = []
  let k = Math.max(0, boundaryIndexAt(anchor, plan.interval.value, from))
  for (; charges.length < limit; k += 1) {
    const at = boundaryAt(anchor, plan.interval.value, k)
    if (at >= to || (end !== null && at >= end)) break
    if (at >= from) charges.push({ k, at, price: plan.price.value })
  }
  return charges
}

/** The first charge strictly after `after`, or null once the subscription is cancelled. */
export const nextCharge = (preset: SubscriptionPreset, input: SubscriptionInput, after: Instant): Charge | null => {
  const plan = planOf(preset, input.plan)
  const anchor = anchorOf(preset, input)
  const k = Math.max(0, boundaryIndexAt(anchor, plan.interval.value, after) + 1)
  const at = boundaryAt(anchor, plan.interval.value, k)
  const end = endOf(preset, input)
  return end !== null && at >= end ? null : { k, at, price: plan.price.value }
}

type Allowance = ProgramTemplate & { readonly unit: { readonly value: UnitSuggestion } }

const allowanceOf = (preset: SubscriptionPreset, input: SubscriptionInput, key: string): Allowance => {
  const allowance = planOf(preset, input.plan).allowances[key]
  if (allowance === undefined) {
    throw new PresetInputError('allowance', `plan "${input.plan}" of ${preset.id} has no allowance "${key}"`)
  }
  return allowance
}

export type AllowanceInput = Omit<ProgramInput, 'start' | 'zone' | 'endsAt'>

const programInput = (preset: SubscriptionPreset, input: SubscriptionInput, rest: AllowanceInput): ProgramInput => ({
  ...rest,
  start: input.start,
  zone: zoneOf(preset, input),
  endsAt: endOf(preset, input),
})

/** The allowance (premium requests, fast hours, included usage) as a program on its own account (allowanceAccount). */
export const allowanceProgram = (
  preset: SubscriptionPreset,
  input: SubscriptionInput,
  key: string,
  program: AllowanceInput,
): ProgramFact =>
  programFromTemplate(allowanceOf(preset, input, key), zoneOf(preset, input), programInput(preset, input, program))

/**
 * The account an allowance lives in. Without `overage`, app defaults rather than vendor rules: one bucket in the
 * default order, use beyond it recorded and flagged. With `overage` (the allowance program's id and the user's
 * budget), use beyond it is billed in money at the period's end at the template's unit price (see overageCost).
 */
export const allowanceAccount = (
  preset: SubscriptionPreset,
  input: SubscriptionInput,
  key: string,
  accountId: string,
  overage?: { readonly programId: string; readonly max?: number | null },
): { account: AccountSpec; unit: UnitSuggestion } => {
  const allowance = allowanceOf(preset, input, key)
  return {
    account: {
      id: accountId,
      zone: zoneOf(preset, input),
      overdraft:
        overage === undefined ? { mode: 'none', limit: 0 } : billedOverage(allowance, overage.programId, overage.max),
      drawdown: DEFAULT_DRAWDOWN,
    },
    unit: allowance.unit.value,
  }
}
