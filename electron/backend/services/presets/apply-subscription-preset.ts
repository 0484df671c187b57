import type { ApplyPresetInput, PresetApplied } from '@shared/api/schemas/preset-apply'
import type { ProgramFact } from '@shared/ledger/model'
import { unconfirmedRules } from '@shared/policies/rules'
import { allowanceProgram } from '@shared/policies/subscription'
import type { SubscriptionPreset } from '@shared/policies/types'
import { toLocal } from '@shared/time/zoned'
import { accountRef } from '../../ledger/engine-ids'
import { programColumns } from '../../ledger/fact-rows'
import { programsRepo } from '../../repositories/facts/programs-repo'
import type { Provenance } from '../../repositories/facts/provenance'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { invalid } from '../facts/scope'
import { addPresetAccount, ensureUnit, ensureVendor, minorOf } from './preset-catalog'

/**
 * A subscription preset applied (ChatGPT Plus, Claude Pro, Midjourney, Cursor, Copilot): the subscription itself is
 * a plan that grants no credits (amount 0: renewals and its price, never replayed) on an account in the billing
 * currency; each credit-like allowance of the plan (fast hours, premium requests) is a plan on its own account in
 * its own unit, as the vendor does not let them be shared.
 */
export const applySubscriptionPreset = (
  ctx: ServiceContext,
  preset: SubscriptionPreset,
  input: ApplyPresetInput,
  provenance: Provenance,
): PresetApplied => {
  for (const field of ['plans', 'purchases', 'recharge'] as const) {
    if (input[field] !== undefined) throw invalid(field, `${preset.name} is a subscription: give plan and start`)
  }
  if (input.plan === undefined) throw invalid('plan', `choose one of: ${Object.keys(preset.plans).join(', ')}`)
  if (input.start === undefined) throw invalid('start', 'enter when the subscription started (its billing date)')
  const planKey = input.plan
  const plan = preset.plans[planKey]
  if (plan === undefined) throw invalid('plan', `choose one of: ${Object.keys(preset.plans).join(', ')}`)
  const zone = input.zone ?? preset.zone.value
  const currency = input.currency ?? preset.currency.value
  const start = resolveAt(ctx, input.start)
  const vendorId = ensureVendor(ctx, input.vendorId, preset.vendor)
  const money = ensureUnit(ctx, { kind: 'money', id: currency, scale: 6, label: currency })
  const baseName = input.accountName ?? `${preset.name} ${plan.label}`
  const common = { vendorId, currency, timeZone: zone, drawdown: 'default' as const, overdraftMode: 'none' as const }
  const preset_ = { id: preset.id, version: preset.version }

  const main = addPresetAccount(ctx, {
    ...common,
    name: baseName,
    unitId: money.id,
    overdraftLimit: 0,
    preset: preset_,
  })
  const priced =
    input.price === undefined ? plan.price.value : { amount: minorOf(input.price, 6, 'price') ?? 0, currency }
  const subscription: Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'> = {
    name: `${preset.name} ${plan.label}`,
    kind: 'allowance',
    anchor: { local: toLocal(start, zone), zone },
    interval: plan.interval.value,
    amountPerPeriod: 0,
    costPerPeriod: priced,
    periods: null,
    endsAt: null,
    lot: { kind: 'subscription', funding: 'paid', priority: 0, tags: [], expiry: 'period' },
    rollover: { mode: 'none' },
    rolled: { periods: null, priority: 0 },
    rolledLostOnEnd: true,
  }
  const plans = [programsRepo(ctx.db).insert(main.id, programColumns(subscription), provenance)]
  const accounts = [{ id: main.id, name: main.name, unitId: money.id }]

  for (const [key, allowance] of Object.entries(plan.allowances)) {
    const unit = ensureUnit(ctx, allowance.unit.value)
    const account = addPresetAccount(ctx, {
      ...common,
      name: `${baseName} – ${allowance.label}`,
      unitId: unit.id,
      overdraftLimit: 0,
      preset: preset_,
    })
    const fact = allowanceProgram(preset, { plan: planKey, start, zone }, key, {
      id: 'new',
      accountId: accountRef(account.id),
      createdSeq: 0,
    })
    plans.push(programsRepo(ctx.db).insert(account.id, programColumns(fact), provenance))
    accounts.push({ id: account.id, name: account.name, unitId: unit.id })
  }
  return {
    presetId: preset.id,
    presetVersion: preset.version,
    vendorId,
    accounts,
    plans,
    lots: [],
    rechargeRules: [],
    rates: [],
    unconfirmed: unconfirmedRules(preset).map(({ path, reason }) => ({ path, reason })),
  }
}
