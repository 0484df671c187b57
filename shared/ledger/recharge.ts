import { mulDiv } from '../money/amount'
import { toInstant, toLocal } from '../time/zoned'
import { resolveExpiry } from './expiry'
import { newLotState, type LotState } from './lot-state'
import type { Instant, RechargeRule } from './model'
import type { WorkingLedger } from './working-ledger'

/** Per rule: projected recharges still waiting for their receipt, and until when the monthly cap blocks it. */
export interface RechargeRuleState {
  open: string[]
  blockedUntil: Instant | null
}

/** Recharges (recorded auto_recharge purchases and projected ones) per calendar month of the account's zone. */
export type RechargeMonths = Record<string, { count: number; amount: number }>

const monthOf = (at: Instant, zone: string): { key: string; next: Instant } => {
  const local = toLocal(at, zone)
  const key = `${local.year}-${String(local.month).padStart(2, '0')}`
  const nextMonth =
    local.month === 12 ? { year: local.year + 1, month: 1 } : { year: local.year, month: local.month + 1 }
  const next = toInstant({ ...nextMonth, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone)
  return { key, next }
}

/** Count a recharge lot toward its month's cap (manual purchases never count: they are kind 'purchase'). */
export const countRecharge = (months: RechargeMonths, lot: LotState, zone: string): void => {
  if (lot.kind !== 'auto_recharge') return
  const { key } = monthOf(lot.effectiveAt, zone)
  const month = (months[key] ??= { count: 0, amount: 0 })
  month.count += 1
  month.amount += lot.amount
}

export interface RechargeContext {
  readonly ledger: WorkingLedger
  readonly zone: string
  readonly months: RechargeMonths
  /** Grant a lot now (projected recharge) and let it repay debt. */
  readonly grantNow: (lot: LotState, at: Instant) => void
}

/** How much one trigger buys: fixed amounts repeat until the balance is above the threshold (one charge). */
const purchaseAmount = (rule: RechargeRule, available: number): number => {
  if (rule.mode === 'target') return Math.max(0, rule.amount - available)
  const gap = rule.threshold - available
  return rule.amount * (Math.floor(gap / rule.amount) + 1)
}

/**
 * Phase 6, after the usage of instant `at`: if the balance usable by any usage (minus debt) is at or below the
 * threshold, buy (a projected lot until its receipt is recorded) — unless the monthly cap forbids it, which is
 * recorded as a notice, never a silent stop.
 */
export const evaluateRecharge = (rule: RechargeRule, state: RechargeRuleState, at: Instant, ctx: RechargeContext) => {
  if (at < rule.enabledFrom || (rule.enabledUntil !== null && at >= rule.enabledUntil)) return
  // A rule that buys nothing never fires. (Fix: a fixed amount of 0 divided by zero, and the NaN it bought slipped
  // past every `<= 0` and cap check into a projected lot.)
  if (!(rule.amount > 0)) return
  // Projections past their confirmation window will never be confirmed: forget them so the state stays small.
  if (state.open.length > 0) {
    state.open = state.open.filter((id) => {
      const projected = ctx.ledger.lots.get(id)
      return projected !== undefined && at - projected.effectiveAt <= rule.confirmWithinMs
    })
  }
  const available = ctx.ledger.unrestrictedRemaining - ctx.ledger.debtTotal
  if (available > rule.threshold) return
  if (state.blockedUntil !== null && at < state.blockedUntil) return
  const amount = purchaseAmount(rule, available)
  if (amount <= 0) return

  const month = monthOf(at, ctx.zone)
  const used = ctx.months[month.key] ?? { count: 0, amount: 0 }
  const reason =
    rule.monthlyMaxCount !== null && used.count + 1 > rule.monthlyMaxCount
      ? 'max_count'
      : rule.monthlyMaxAmount !== null && used.amount + amount > rule.monthlyMaxAmount
        ? 'max_amount'
        : null
  if (reason !== null) {
    state.blockedUntil = month.next
    ctx.ledger.notices.push({ kind: 'recharge_blocked', at, ruleId: rule.id, month: month.key, reason })
    return
  }

  // A purchase that would already be expired is never made (a rule with a fixed expiry in the past): buying it
  // would queue its expiry in the replay's past. (Fix: the replay then went back in time.)
  const expiresAt = resolveExpiry(rule.lot.expiry, at, ctx.zone)
  if (expiresAt !== null && expiresAt <= at) return

  let id = `${rule.id}@${at}`
  while (ctx.ledger.lots.has(id)) id += "'"
  const cost = rule.lot.costPerUnit
  const lot = newLotState({
    id,
    kind: 'auto_recharge',
    funding: 'paid',
    amount,
    cost: cost === null ? null : { amount: mulDiv(amount, cost.numerator, cost.denominator), currency: cost.currency },
    effectiveAt: at,
    expiresAt,
    priority: rule.lot.priority,
    tags: [],
    createdSeq: rule.createdSeq,
    projected: true,
    programId: null,
    periodIndex: null,
    parentLotId: null,
    endsWithProgram: null,
  })
  ctx.ledger.notices.push({ kind: 'recharge_projected', at, ruleId: rule.id, lotId: id })
  state.open.push(id)
  ctx.grantNow(lot, at)
}

/**
 * A recorded auto_recharge purchase confirms the oldest open projection of a rule made at most `confirmWithinMs`
 * before it: the receipt replaces the projection (ledger-semantics §9.9). The projection is always made at the
 * trigger, never skipped because a receipt is known to follow, so the balance at any instant depends only on
 * facts effective by then (as-of isolation).
 */
export const confirmRecharge = (
  receipt: LotState,
  rules: readonly RechargeRule[],
  states: Record<string, RechargeRuleState>,
  ctx: RechargeContext,
): void => {
  for (const rule of rules) {
    const state = states[rule.id]
    if (state === undefined) continue
    const index = state.open.findIndex((id) => {
      const projected = ctx.ledger.lots.get(id)
      return (
        projected !== undefined &&
        projected.effectiveAt <= receipt.effectiveAt &&
        receipt.effectiveAt - projected.effectiveAt <= rule.confirmWithinMs
      )
    })
    const projected = index >= 0 ? ctx.ledger.lots.get(state.open[index] ?? '') : undefined
    if (projected === undefined) continue
    state.open.splice(index, 1)
    uncountRecharge(ctx.months, projected, ctx.zone)
    ctx.ledger.replaceProjected(projected, receipt, receipt.effectiveAt)
    return
  }
}

/** The projection a receipt replaces no longer counts toward the cap: the receipt does, once. */
const uncountRecharge = (months: RechargeMonths, lot: LotState, zone: string): void => {
  const month = months[monthOf(lot.effectiveAt, zone).key]
  if (month === undefined) return
  month.count -= 1
  month.amount -= lot.amount
}
