import type { AccountSpec, Cost, ExpiryRule, Instant, LotFact, ProgramFact, RechargeRule } from '../ledger/model'
import type { RateEntry } from '../ledger/rates'
import { mulDiv } from '../money/amount'
import { PresetInputError, positiveAmount, programTemplate, required } from './input'
import { programFact, type ProgramInput } from './program-facts'
import type { CreditPreset, ExpiryTemplate, LotTemplate, ProgramTemplate } from './types'

export { PresetInputError } from './input'
export { cancelProgram, programFact, programFromTemplate, type ProgramInput } from './program-facts'

/**
 * Pure functions from a preset (defaults, possibly with the user's overrides) to the engine's facts
 * (shared/ledger/model.ts). Values the caller passes win over the preset's; a value the preset leaves open
 * (null: "the user enters it") must be passed, else PresetInputError names the missing field.
 */

/** How long after an auto-recharge trigger a recorded purchase counts as its confirmation (app default). */
export const RECHARGE_CONFIRM_MS = 86_400_000

/** Pay-as-you-go overage of a program's periods, billed in money (engine: account.overdraft.billedWith). */
export interface OverageInput {
  /** The program template whose overage terms apply. */
  readonly template: string
  /** The program fact whose periods bill it. */
  readonly programId: string
  /** The most overage per period (the user's budget); defaults to the template's. null = no maximum. */
  readonly max?: number | null
}

export interface AccountInput {
  readonly id: string
  /** Defaults to the preset's vendor zone. */
  readonly zone?: string
  /** Turn on billed overage for one program (HubSpot): use beyond the credits is invoiced, never taken from them. */
  readonly overage?: OverageInput
}

/**
 * Use beyond the allowance billed in money at each period's end: never repaid from next period's credits, flagged
 * beyond the period maximum when there is one.
 */
export const billedOverage = (
  template: ProgramTemplate,
  programId: string,
  max: number | null | undefined,
): AccountSpec['overdraft'] => {
  if (template.overage === null) throw new PresetInputError('overage', `"${template.label}" has no overage`)
  const limit = max !== undefined ? max : template.overage.periodMax.value
  if (limit !== null && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new PresetInputError('overage.max', 'must be a whole number of minor units, 0 or more')
  }
  return { mode: limit === null ? 'unlimited' : 'limit', limit: limit ?? 0, billedWith: programId }
}

export const accountSpec = (preset: CreditPreset, input: AccountInput): AccountSpec => ({
  id: input.id,
  zone: input.zone ?? preset.account.zone.value,
  overdraft:
    input.overage === undefined
      ? preset.account.overdraft.value
      : billedOverage(programTemplate(preset, input.overage.template), input.overage.programId, input.overage.max),
  drawdown: preset.account.drawdown.value,
})

/** What `units` of billed overage cost at the template's unit price (rounded half-even); null when unknown. */
export const overageCost = (template: ProgramTemplate, units: number): Cost | null => {
  const price = template.overage?.unitPrice.value ?? null
  if (price === null) return null
  return { amount: mulDiv(units, price.amount, price.per, 'half-even'), currency: price.currency }
}

export interface LotInput {
  readonly id: string
  readonly accountId: string
  readonly createdSeq: number
  readonly effectiveAt: Instant
  /** Defaults to the template's pack size. */
  readonly amount?: number
  /** Defaults: 0 for free lots; the amount itself for a balance kept in the billing currency; the pack price. */
  readonly cost?: Cost | null
  /** An explicit expiry (null = never): required when the template's expiry is `ask`, and wins over its rule. */
  readonly expiresAt?: Instant | null
  readonly tags?: readonly string[]
  /** The program fact id the lot depends on, when the template needs an active program. */
  readonly programId?: string
}

const expiryOf = (template: ExpiryTemplate, explicit: Instant | null | undefined, field: string): ExpiryRule => {
  if (explicit !== undefined) return explicit === null ? { kind: 'never' } : { kind: 'at', at: explicit }
  if (template.kind === 'ask') {
    throw new PresetInputError(field, 'this kind of lot expires on a date given by the vendor: enter it')
  }
  return template
}

const lotTemplate = (preset: CreditPreset, key: string): LotTemplate =>
  required(preset.lots[key], 'template', `${preset.id} has no lot template "${key}"`)

const defaultCost = (preset: CreditPreset, template: LotTemplate, amount: number): Cost | null => {
  const currency = preset.account.currency.value
  if (template.funding.value === 'promotional') return { amount: 0, currency }
  const unit = preset.account.unit.value
  if (unit.kind === 'money' && unit.id === currency) return { amount, currency }
  return amount === template.packSize.value ? template.packPrice.value : null
}

/** One lot of template `key` (a purchase, a free grant, an add-on pack) with the vendor's expiry rule applied. */
export const lotFact = (preset: CreditPreset, key: string, input: LotInput): LotFact => {
  const template = lotTemplate(preset, key)
  const amount = positiveAmount(
    required(input.amount ?? template.packSize.value, 'amount', 'enter the amount: this preset has no pack size'),
    'amount',
  )
  const endsWithProgram = template.needsActiveProgram.value
    ? required(input.programId, 'programId', 'this lot is only usable while its subscription is active')
    : undefined
  return {
    id: input.id,
    accountId: input.accountId,
    kind: template.kind,
    funding: template.funding.value,
    amount,
    cost: input.cost !== undefined ? input.cost : defaultCost(preset, template, amount),
    effectiveAt: input.effectiveAt,
    expiry: expiryOf(template.expiry.value, input.expiresAt, 'expiresAt'),
    priority: template.priority.value,
    tags: input.tags ?? [],
    createdSeq: input.createdSeq,
    ...(endsWithProgram === undefined ? {} : { endsWithProgram }),
  }
}

/** A purchase (top-up) with the vendor's expiry rule: `purchaseLot(openaiApi, { id, amount, effectiveAt, … })`. */
export const purchaseLot = (preset: CreditPreset, input: LotInput): LotFact =>
  lotFact(preset, required(preset.purchase, 'template', `${preset.id} sells no credit packs`), input)

export interface RechargeInput {
  readonly id: string
  readonly accountId: string
  readonly createdSeq: number
  readonly enabledFrom: Instant
  readonly enabledUntil?: Instant | null
  readonly threshold?: number
  readonly amount?: number
  readonly mode?: 'fixed' | 'target'
  readonly monthlyMaxCount?: number | null
  readonly monthlyMaxAmount?: number | null
  readonly confirmWithinMs?: number
}

/** An auto-recharge rule from the preset's template: threshold, amount and monthly caps. */
export const rechargeRule = (preset: CreditPreset, input: RechargeInput): RechargeRule => {
  const template = required(preset.recharge, 'template', `${preset.id} has no auto-recharge`)
  const lot = lotTemplate(preset, template.lot)
  const threshold = required(input.threshold ?? template.threshold.value, 'threshold', 'enter the threshold')
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new PresetInputError('threshold', 'must be a whole number of minor units, 0 or more')
  }
  const expiry = lot.expiry.value
  if (expiry.kind === 'ask') throw new PresetInputError('template', 'a recharge lot needs a fixed expiry rule')
  return {
    id: input.id,
    accountId: input.accountId,
    threshold,
    mode: input.mode ?? template.mode.value,
    amount: positiveAmount(required(input.amount ?? template.amount.value, 'amount', 'enter the amount'), 'amount'),
    monthlyMaxCount: input.monthlyMaxCount !== undefined ? input.monthlyMaxCount : template.monthlyMaxCount.value,
    monthlyMaxAmount: input.monthlyMaxAmount !== undefined ? input.monthlyMaxAmount : template.monthlyMaxAmount.value,
    enabledFrom: input.enabledFrom,
    enabledUntil: input.enabledUntil ?? null,
    lot: { priority: lot.priority.value, expiry, costPerUnit: template.pricePerUnit.value },
    confirmWithinMs: input.confirmWithinMs ?? RECHARGE_CONFIRM_MS,
    createdSeq: input.createdSeq,
  }
}

/** The preset's rate table as engine rate entries (shared/ledger/rates.ts), in force from `effectiveFrom`. */
export const rateEntries = (preset: CreditPreset, accountId: string, effectiveFrom: Instant): RateEntry[] => {
  const rates = required(preset.rates, 'rates', `${preset.id} has no rate table`).value
  return Object.entries(rates).map(([key, rate]) => ({
    accountId,
    key,
    effectiveFrom,
    numerator: rate,
    denominator: 1,
  }))
}

/** Credits `count` actions cost under the preset's rate table (25 per image, 1 per text…). */
export const creditsFor = (preset: CreditPreset, action: string, count: number): number => {
  const rates = required(preset.rates, 'action', `${preset.id} has no rate table`).value
  const rate = required(rates[action], 'action', `no rate for "${action}"`)
  if (!Number.isSafeInteger(count) || count < 0)
    throw new PresetInputError('count', 'must be a whole number, 0 or more')
  const credits = rate * count
  if (!Number.isSafeInteger(credits)) throw new PresetInputError('count', 'is too large')
  return credits
}

/** One account and one allowance program per seat (seat credits cannot be shared): each input's accountId is the seat's. */
export const seatFacts = (
  preset: CreditPreset,
  key: string,
  seats: readonly ProgramInput[],
): { account: AccountSpec; program: ProgramFact }[] =>
  seats.map((seat) => ({
    account: accountSpec(preset, { id: seat.accountId, ...(seat.zone === undefined ? {} : { zone: seat.zone }) }),
    program: programFact(preset, key, seat),
  }))
