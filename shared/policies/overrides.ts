import type { z } from 'zod'
import { fail, ok, type Result } from '../api/result'
import { DRAWDOWN_KEYS, type DrawdownKey, type DrawdownPolicy } from '../ledger/drawdown-order'
import type { lotOverride, overageOverride, programOverride, rechargeOverride } from './override-schemas'
import {
  creditOverridesSchema,
  subscriptionOverridesSchema,
  type CreditOverrides,
  type SubscriptionOverrides,
} from './override-schemas'
import { userRule } from './rules'
import type {
  CreditPreset,
  LotTemplate,
  OverageTemplate,
  PresetRule,
  ProgramTemplate,
  RechargeTemplate,
  SubscriptionPreset,
} from './types'

/**
 * The user's overrides merged over a preset's defaults. Input is validated first (zod, one message per field,
 * dot-joined paths such as "lots.purchase.priority"); each value given replaces its rule by a `user` rule that
 * keeps the default it replaced, so the UI can show "yours (vendor: …)" and undo it.
 */

const fieldErrors = (error: z.ZodError): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    fields[key] ??= issue.message
  }
  return fields
}

const invalid = (fields: Record<string, string>) =>
  fail(
    'VALIDATION',
    Object.entries(fields)
      .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
      .join('; '),
    { fields },
  )

/** Replace the rule when a value was given (undefined = keep the preset's rule). */
const over = <T>(rule: PresetRule<T>, value: T | undefined): PresetRule<T> =>
  value === undefined ? rule : userRule(rule, value)

/** A user-chosen drawdown order gets its own version (1,000,000 + the order's code), so checkpoints notice it. */
export const drawdownPolicy = (keys: readonly DrawdownKey[]): DrawdownPolicy => ({
  version: 1_000_000 + keys.reduce((code, key) => code * 8 + DRAWDOWN_KEYS.indexOf(key) + 1, 0),
  keys,
})

const mergeLot = (template: LotTemplate, change: z.output<typeof lotOverride> | undefined): LotTemplate =>
  change === undefined
    ? template
    : {
        ...template,
        funding: over(template.funding, change.funding),
        priority: over(template.priority, change.priority),
        expiry: over(template.expiry, change.expiry),
        expiryExtendable: over(template.expiryExtendable, change.expiryExtendable),
        packSize: over(template.packSize, change.packSize),
        packPrice: over(template.packPrice, change.packPrice),
        needsActiveProgram: over(template.needsActiveProgram, change.needsActiveProgram),
      }

const mergeOverage = (
  template: OverageTemplate | null,
  change: z.output<typeof overageOverride> | undefined,
): OverageTemplate | null =>
  template === null || change === undefined
    ? template
    : {
        ...template,
        unitPrice: over(template.unitPrice, change.unitPrice),
        periodMax: over(template.periodMax, change.periodMax),
        enabledByDefault: over(template.enabledByDefault, change.enabledByDefault),
      }

const mergeProgram = <T extends ProgramTemplate>(
  template: T,
  change: z.output<typeof programOverride> | undefined,
): T =>
  change === undefined
    ? template
    : {
        ...template,
        anchor: over(template.anchor, change.anchor),
        interval: over(template.interval, change.interval),
        periods: over(template.periods, change.periods),
        amountPerPeriod: over(template.amountPerPeriod, change.amountPerPeriod),
        price: over(template.price, change.price),
        funding: over(template.funding, change.funding),
        priority: over(template.priority, change.priority),
        expiry: over(template.expiry, change.expiry?.kind === 'period' ? 'period' : change.expiry),
        rollover: over(template.rollover, change.rollover),
        rolled: over(template.rolled, change.rolled),
        rolledLostOnEnd: over(template.rolledLostOnEnd, change.rolledLostOnEnd),
        onCancel: over(template.onCancel, change.onCancel),
        overage: mergeOverage(template.overage, change.overage),
      }

const mergeRecharge = (
  template: RechargeTemplate | null,
  change: z.output<typeof rechargeOverride> | undefined,
): RechargeTemplate | null =>
  template === null || change === undefined
    ? template
    : {
        ...template,
        enabledByDefault: over(template.enabledByDefault, change.enabledByDefault),
        threshold: over(template.threshold, change.threshold),
        mode: over(template.mode, change.mode),
        amount: over(template.amount, change.amount),
        monthlyMaxCount: over(template.monthlyMaxCount, change.monthlyMaxCount),
        monthlyMaxAmount: over(template.monthlyMaxAmount, change.monthlyMaxAmount),
      }

const mapValues = <T, C>(
  record: Readonly<Record<string, T>>,
  changes: Readonly<Record<string, C | undefined>> | undefined,
  merge: (value: T, change: C | undefined) => T,
): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, merge(value, changes?.[key])]))

/** Checks that need the merged result (a value may be valid alone and wrong next to a default). */
const crossCheck = (preset: CreditPreset): Record<string, string> => {
  const fields: Record<string, string> = {}
  const recharge = preset.recharge
  if (recharge !== null) {
    const amount = recharge.amount.value
    const max = recharge.monthlyMaxAmount.value
    if (amount !== null && max !== null && max < amount) {
      fields['recharge.monthlyMaxAmount'] = 'The monthly maximum is below a single recharge'
    }
    if (preset.lots[recharge.lot]?.expiry.value.kind === 'ask') {
      fields[`lots.${recharge.lot}.expiry`] = 'Auto-recharge buys this lot: it needs an expiry rule, not a date per lot'
    }
  }
  return fields
}

const mergeCredit = (preset: CreditPreset, changes: z.output<ReturnType<typeof creditOverridesSchema>>) => {
  const { account } = preset
  return {
    ...preset,
    account: {
      ...account,
      zone: over(account.zone, changes.zone),
      currency: over(account.currency, changes.currency),
      overdraft: over(account.overdraft, changes.overdraft),
      drawdown: over(account.drawdown, changes.drawdown === undefined ? undefined : drawdownPolicy(changes.drawdown)),
    },
    lots: mapValues(preset.lots, changes.lots, mergeLot),
    programs: mapValues(preset.programs, changes.programs, mergeProgram),
    recharge: mergeRecharge(preset.recharge, changes.recharge),
    rates:
      preset.rates === null || changes.rates === undefined
        ? preset.rates
        : userRule(preset.rates, { ...preset.rates.value, ...changes.rates }),
  } satisfies CreditPreset
}

const mergeSubscription = (
  preset: SubscriptionPreset,
  changes: z.output<ReturnType<typeof subscriptionOverridesSchema>>,
): SubscriptionPreset => ({
  ...preset,
  zone: over(preset.zone, changes.zone),
  currency: over(preset.currency, changes.currency),
  plans: mapValues(preset.plans, changes.plans, (plan, change) =>
    change === undefined
      ? plan
      : {
          ...plan,
          price: over(plan.price, change.price),
          interval: over(plan.interval, change.interval),
          allowances: mapValues(plan.allowances, change.allowances, mergeProgram),
        },
  ),
  cancellation: over(
    preset.cancellation,
    changes.cancellation === undefined ? undefined : { ...preset.cancellation.value, ...changes.cancellation },
  ),
})

/**
 * Merge validated overrides over a preset. `overrides` may come straight from a form (unknown): anything wrong
 * comes back as VALIDATION with one message per field; nothing is thrown.
 */
export function applyOverrides(preset: CreditPreset, overrides: CreditOverrides): Result<CreditPreset>
export function applyOverrides(preset: SubscriptionPreset, overrides: SubscriptionOverrides): Result<SubscriptionPreset>
export function applyOverrides<P extends CreditPreset | SubscriptionPreset>(preset: P, overrides: unknown): Result<P>
export function applyOverrides(
  preset: CreditPreset | SubscriptionPreset,
  overrides: unknown,
): Result<CreditPreset | SubscriptionPreset> {
  if (preset.kind === 'subscription') {
    const parsed = subscriptionOverridesSchema(preset).safeParse(overrides ?? {})
    return parsed.success ? ok(mergeSubscription(preset, parsed.data)) : invalid(fieldErrors(parsed.error))
  }
  const parsed = creditOverridesSchema(preset).safeParse(overrides ?? {})
  if (!parsed.success) return invalid(fieldErrors(parsed.error))
  const merged = mergeCredit(preset, parsed.data)
  const fields = crossCheck(merged)
  return Object.keys(fields).length > 0 ? invalid(fields) : ok(merged)
}
