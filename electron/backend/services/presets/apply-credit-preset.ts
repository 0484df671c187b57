import type { ApplyPresetInput, PresetApplied } from '@shared/api/schemas/preset-apply'
import { policyFingerprint } from '@shared/ledger/replay-state'
import { accountSpec, lotFact, programFromTemplate, rateEntries, rechargeRule } from '@shared/policies/build'
import { programTemplate } from '@shared/policies/input'
import { unconfirmedRules } from '@shared/policies/rules'
import type { CreditPreset } from '@shared/policies/types'
import { accountRef, programRef } from '../../ledger/engine-ids'
import { DRAWDOWNS, lotColumns, programColumns, type DrawdownName } from '../../ledger/fact-rows'
import { lotsRepo } from '../../repositories/facts/lots-repo'
import { programsRepo } from '../../repositories/facts/programs-repo'
import type { Provenance } from '../../repositories/facts/provenance'
import { ratesRepo } from '../../repositories/facts/rates-repo'
import { rechargeRepo } from '../../repositories/facts/recharge-repo'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { invalid } from '../facts/scope'
import { addPresetAccount, ensureUnit, ensureVendor, minorOf } from './preset-catalog'

/**
 * A credit preset applied (OpenAI API, Anthropic, Kreator…): unit, vendor, account with the preset's policy, then
 * the plans, purchases, auto-recharge and rate table the user gave, built by shared/policies (the vendor's expiry
 * rules, priorities and pack prices) and stored with the same row mapping as manual facts.
 */
export const applyCreditPreset = (
  ctx: ServiceContext,
  preset: CreditPreset,
  input: ApplyPresetInput,
  provenance: Provenance,
): PresetApplied => {
  for (const field of ['plan', 'start', 'price'] as const) {
    if (input[field] !== undefined) throw invalid(field, `${preset.name} is a credit preset: use plans and purchases`)
  }
  const unit = ensureUnit(ctx, preset.account.unit.value)
  const vendorId = ensureVendor(ctx, input.vendorId, preset.vendor)
  const zone = input.zone ?? preset.account.zone.value
  const currency = input.currency ?? preset.account.currency.value
  const spec = accountSpec(preset, { id: 'new', zone })
  const account = addPresetAccount(ctx, {
    vendorId,
    name: input.accountName ?? preset.name,
    unitId: unit.id,
    currency,
    timeZone: zone,
    drawdown: drawdownName(preset),
    overdraftMode: spec.overdraft.mode,
    overdraftLimit: spec.overdraft.limit,
    preset: { id: preset.id, version: preset.version },
  })
  const ref = accountRef(account.id)
  const money = (text: string | undefined, field: string) => minorOf(text, 6, field)
  const credits = (text: string | undefined, field: string) => minorOf(text, unit.scale, field)

  const plans = (input.plans ?? []).map((plan, index) => {
    const fact = programFromTemplate(programTemplate(preset, plan.template), zone, {
      id: 'new',
      accountId: ref,
      createdSeq: 0,
      start: resolveAt(ctx, plan.start),
      ...(plan.amountPerPeriod === undefined
        ? {}
        : { amountPerPeriod: credits(plan.amountPerPeriod, `plans.${index}.amountPerPeriod`) }),
      ...(plan.price === undefined
        ? {}
        : { price: { amount: money(plan.price, `plans.${index}.price`) ?? 0, currency } }),
      ...(plan.periods === undefined ? {} : { periods: plan.periods }),
    })
    return programsRepo(ctx.db).insert(account.id, programColumns(fact), provenance)
  })

  const lots = (input.purchases ?? []).map((purchase, index) => {
    const template = purchase.template ?? preset.purchase
    if (template === null) throw invalid(`purchases.${index}.template`, `${preset.name} sells no credit packs`)
    const expiresAt = purchase.expiresAt
    const fact = lotFact(preset, template, {
      id: 'new',
      accountId: ref,
      createdSeq: 0,
      effectiveAt: resolveAt(ctx, purchase.effectiveAt),
      ...(purchase.amount === undefined ? {} : { amount: credits(purchase.amount, `purchases.${index}.amount`) }),
      ...(purchase.cost === undefined
        ? {}
        : { cost: { amount: money(purchase.cost, `purchases.${index}.cost`) ?? 0, currency } }),
      ...(expiresAt === undefined ? {} : { expiresAt: expiresAt === 'never' ? null : resolveAt(ctx, expiresAt) }),
      ...(plans[0] === undefined ? {} : { programId: programRef(plans[0]) }),
    })
    return lotsRepo(ctx.db).insert(account.id, { ...lotColumns(fact), note: null }, provenance)
  })

  const rechargeRules =
    input.recharge === undefined
      ? []
      : [
          rechargeRepo(ctx.db).insert(
            account.id,
            rechargeColumns(preset, ref, input.recharge, ctx, credits),
            provenance,
          ),
        ]

  const rates =
    preset.rates === null
      ? []
      : rateEntries(preset, ref, ctx.clock.now()).map((rate) =>
          ratesRepo(ctx.db).insert(
            account.id,
            {
              key: rate.key,
              effective_from: rate.effectiveFrom,
              numerator: rate.numerator,
              denominator: rate.denominator,
            },
            provenance,
          ),
        )

  return {
    presetId: preset.id,
    presetVersion: preset.version,
    vendorId,
    accounts: [{ id: account.id, name: account.name, unitId: unit.id }],
    plans,
    lots,
    rechargeRules,
    rates,
    unconfirmed: unconfirmedRules(preset).map(({ path, reason }) => ({ path, reason })),
  }
}

/** The two orders the accounts table names; a custom order from overrides is refused rather than approximated. */
const drawdownName = (preset: CreditPreset): DrawdownName => {
  const fingerprint = policyFingerprint(preset.account.drawdown.value)
  for (const [name, policy] of Object.entries(DRAWDOWNS)) {
    if (policyFingerprint(policy) === fingerprint) return name as DrawdownName
  }
  throw invalid('overrides.account.drawdown', 'only the default order or free credits first can be stored')
}

const rechargeColumns = (
  preset: CreditPreset,
  ref: string,
  input: NonNullable<ApplyPresetInput['recharge']>,
  ctx: ServiceContext,
  credits: (text: string | undefined, field: string) => number | undefined,
) => {
  const maxAmount =
    input.monthlyMaxAmount === null ? null : credits(input.monthlyMaxAmount, 'recharge.monthlyMaxAmount')
  const rule = rechargeRule(preset, {
    id: 'new',
    accountId: ref,
    createdSeq: 0,
    enabledFrom: input.enabledFrom === undefined ? ctx.clock.now() : resolveAt(ctx, input.enabledFrom),
    ...(input.threshold === undefined ? {} : { threshold: credits(input.threshold, 'recharge.threshold') }),
    ...(input.amount === undefined ? {} : { amount: credits(input.amount, 'recharge.amount') }),
    ...(input.mode === undefined ? {} : { mode: input.mode }),
    ...(input.monthlyMaxCount === undefined ? {} : { monthlyMaxCount: input.monthlyMaxCount }),
    ...(input.monthlyMaxAmount === undefined ? {} : { monthlyMaxAmount: maxAmount ?? null }),
  })
  return {
    threshold: rule.threshold,
    mode: rule.mode,
    amount: rule.amount,
    monthly_max_count: rule.monthlyMaxCount,
    monthly_max_amount: rule.monthlyMaxAmount,
    enabled_from: rule.enabledFrom,
    enabled_until: rule.enabledUntil,
    lot: JSON.stringify(rule.lot),
    confirm_within_ms: rule.confirmWithinMs,
  }
}
