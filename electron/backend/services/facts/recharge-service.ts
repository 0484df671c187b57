import type { z } from 'zod'
import type { newRechargeInput, updateRechargeInput } from '@shared/api/schemas/facts-recharge'
import type { RechargeRuleView } from '@shared/api/types/facts'
import type { ExpiryRule, RechargeRule } from '@shared/ledger/model'
import { mulDiv } from '@shared/money/amount'
import { amountView } from '@shared/money/amount-view'
import { MONEY_SCALE } from '@shared/money/units'
import { formatDuration, timePartMs, ZERO_DURATION, type Duration } from '@shared/time/duration'
import { isoInstant } from '@shared/time/iso-instant'
import { rechargeRef } from '../../ledger/engine-ids'
import { rechargeRuleOf } from '../../ledger/fact-rows'
import { rechargeRepo, type RechargeColumns, type StoredRechargeRow } from '../../repositories/facts/recharge-repo'
import { inTransaction, type ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { expiryView, isoOrNull, provenanceView, unitAmount } from './fact-views'
import {
  accountScopes,
  instantOrNow,
  invalid,
  notFound,
  parseAmount,
  parseCost,
  provenance,
  requireAccount,
  scopeIn,
  type AccountScope,
} from './scope'

/**
 * Auto-recharge rules. An edit applies to the rule as if it had always been so (past projections change; recorded
 * auto_recharge lots do not); a change from a date is `enabledUntil` on the old rule and a new rule from then.
 */

type Patch = Omit<z.output<typeof updateRechargeInput>, 'id'>
type Rule = Omit<RechargeRule, 'id' | 'accountId' | 'createdSeq'>

const DAY_MS = 86_400_000
const DEFAULT_RULE: Rule = {
  threshold: 0,
  mode: 'fixed',
  amount: 0,
  monthlyMaxCount: null,
  monthlyMaxAmount: null,
  enabledFrom: 0,
  enabledUntil: null,
  lot: { priority: 20, expiry: { kind: 'never' }, costPerUnit: null },
  confirmWithinMs: DAY_MS,
}

/** Days and weeks count as 24 h here (a confirmation window, not a calendar rule); months and years are refused. */
const windowMs = (duration: Duration): number => {
  if (duration.years !== 0 || duration.months !== 0) {
    throw invalid('confirmWithin', 'Confirm window: use days or hours (e.g. P1D, PT12H), not months or years')
  }
  return (duration.weeks * 7 + duration.days) * DAY_MS + timePartMs(duration)
}

const expiryOf = (ctx: ServiceContext, input: NonNullable<Patch['lot']>['expiry']): ExpiryRule | undefined =>
  input === undefined || input.kind !== 'at' ? input : { kind: 'at', at: resolveAt(ctx, input.at) }

const apply = (ctx: ServiceContext, current: Rule, patch: Patch, scope: AccountScope): Rule => {
  const amount = (text: string, field: string, label: string) => parseAmount(text, scope.scale, field, label).value
  const price = parseCost(patch.unitPrice, 'unitPrice')
  const rule: Rule = {
    threshold: patch.threshold === undefined ? current.threshold : amount(patch.threshold, 'threshold', 'Threshold'),
    mode: patch.mode ?? current.mode,
    amount: patch.amount === undefined ? current.amount : amount(patch.amount, 'amount', 'Amount'),
    monthlyMaxCount: patch.monthlyMaxCount === undefined ? current.monthlyMaxCount : patch.monthlyMaxCount,
    monthlyMaxAmount:
      patch.monthlyMaxAmount === undefined
        ? current.monthlyMaxAmount
        : patch.monthlyMaxAmount === null
          ? null
          : amount(patch.monthlyMaxAmount, 'monthlyMaxAmount', 'Monthly maximum amount'),
    enabledFrom: patch.enabledFrom === undefined ? current.enabledFrom : resolveAt(ctx, patch.enabledFrom),
    enabledUntil:
      patch.enabledUntil === undefined
        ? current.enabledUntil
        : patch.enabledUntil === null
          ? null
          : resolveAt(ctx, patch.enabledUntil),
    lot: {
      priority: patch.lot?.priority ?? current.lot.priority,
      expiry: expiryOf(ctx, patch.lot?.expiry) ?? current.lot.expiry,
      // A price per whole unit in micro-units is an exact fraction of money minor units per account minor units.
      costPerUnit:
        price === undefined
          ? current.lot.costPerUnit
          : price === null
            ? null
            : { numerator: price.amount, denominator: 10 ** scope.scale, currency: price.currency },
    },
    confirmWithinMs: patch.confirmWithin === undefined ? current.confirmWithinMs : windowMs(patch.confirmWithin),
  }
  if (rule.enabledUntil !== null && rule.enabledUntil <= rule.enabledFrom) {
    throw invalid('enabledUntil', `Enabled until must be after enabled from (${isoInstant(rule.enabledFrom)})`)
  }
  return rule
}

const columnsOf = (rule: Rule): RechargeColumns => ({
  threshold: rule.threshold,
  mode: rule.mode,
  amount: rule.amount,
  monthly_max_count: rule.monthlyMaxCount,
  monthly_max_amount: rule.monthlyMaxAmount,
  enabled_from: rule.enabledFrom,
  enabled_until: rule.enabledUntil,
  lot: JSON.stringify(rule.lot),
  confirm_within_ms: rule.confirmWithinMs,
})

const windowText = (ms: number): string => {
  const seconds = Math.floor(ms / 1000)
  return formatDuration({
    ...ZERO_DURATION,
    hours: Math.floor(seconds / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    seconds: seconds % 60,
  })
}

const rechargeView = (row: StoredRechargeRow, scope: AccountScope): RechargeRuleView => {
  const rule = rechargeRuleOf(row)
  const price = rule.lot.costPerUnit
  return {
    id: row.id,
    ref: rechargeRef(row.id),
    accountId: row.account_id,
    threshold: unitAmount(rule.threshold, scope),
    mode: rule.mode,
    amount: unitAmount(rule.amount, scope),
    monthlyMaxCount: rule.monthlyMaxCount,
    monthlyMaxAmount: rule.monthlyMaxAmount === null ? null : unitAmount(rule.monthlyMaxAmount, scope),
    enabledFrom: isoInstant(rule.enabledFrom),
    enabledUntil: isoOrNull(rule.enabledUntil),
    lot: { priority: rule.lot.priority, expiry: expiryView(rule.lot.expiry) },
    unitPrice:
      price === null
        ? null
        : {
            price: amountView(
              mulDiv(10 ** scope.scale, price.numerator, price.denominator, 'half-even'),
              price.currency,
              MONEY_SCALE,
            ),
            numerator: price.numerator,
            denominator: price.denominator,
          },
    confirmWithin: windowText(rule.confirmWithinMs),
    ...provenanceView(row),
  }
}

const requireRule = (ctx: ServiceContext, id: number): StoredRechargeRow => {
  const row = rechargeRepo(ctx.db).get(id)
  if (row === undefined) throw notFound('auto-recharge rule', id)
  return row
}

export const addRecharge = (
  ctx: ServiceContext,
  input: z.output<typeof newRechargeInput>,
  source = 'manual',
): RechargeRuleView =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const rule = apply(ctx, { ...DEFAULT_RULE, enabledFrom: instantOrNow(ctx, input.enabledFrom) }, input, scope)
    const id = rechargeRepo(ctx.db).insert(scope.id, columnsOf(rule), provenance(ctx, source))
    return rechargeView(requireRule(ctx, id), scope)
  })

export const listRecharges = (ctx: ServiceContext, accountId: number | undefined): RechargeRuleView[] => {
  if (accountId !== undefined) requireAccount(ctx, accountId)
  const scopes = accountScopes(ctx)
  return rechargeRepo(ctx.db)
    .list(accountId)
    .map((row) => rechargeView(row, scopeIn(scopes, row.account_id)))
}

export const updateRecharge = (ctx: ServiceContext, input: z.output<typeof updateRechargeInput>): RechargeRuleView =>
  inTransaction(ctx, () => {
    const row = requireRule(ctx, input.id)
    const scope = requireAccount(ctx, row.account_id)
    const { id, ...patch } = input
    const { id: _id, accountId: _account, createdSeq: _seq, ...current } = rechargeRuleOf(row)
    rechargeRepo(ctx.db).update(id, columnsOf(apply(ctx, current, patch, scope)))
    return rechargeView(requireRule(ctx, id), scope)
  })

export const removeRecharge = (ctx: ServiceContext, id: number): { id: number } =>
  inTransaction(ctx, () => {
    requireRule(ctx, id)
    rechargeRepo(ctx.db).remove(id)
    return { id }
  })
