import { mulDiv } from '../money/amount'
import type { Instant } from './model'

/**
 * Rate tables: how a metered quantity becomes an amount in the account's unit, with effective dates.
 * Schematic-style credits per action ("image" costs 25 credits, "text" 1) and API prices per model
 * ("gpt-4o:input" costs 2,500,000 micro-USD per 1,000,000 tokens) are the same thing: a fraction
 * numerator / denominator applied to a quantity. A price change is a new entry with a later effectiveFrom;
 * old entries stay, so usage is always priced at the rate in force when it occurred (never re-priced).
 */
export interface RateEntry {
  readonly accountId: string
  /** An action ("image") or a model and meter ("gpt-4o:input"): whatever the usage import names. */
  readonly key: string
  /** The rate applies to usage at or after this instant, until a later entry for the same key replaces it. */
  readonly effectiveFrom: Instant
  /** Amount (minor units of the account unit) per `denominator` units of quantity. */
  readonly numerator: number
  readonly denominator: number
}

export interface UsageQuantity {
  readonly accountId: string
  readonly key: string
  /** How many actions, tokens, seconds…: a non-negative safe integer. */
  readonly quantity: number
  readonly occurredAt: Instant
}

export type ResolvedAmount =
  | {
      readonly ok: true
      readonly amount: number
      /** The exact product was not a whole number of minor units: it was rounded half-even (report it, DESIGN §4). */
      readonly rounded: boolean
      readonly rate: RateEntry
    }
  | { readonly ok: false; readonly reason: string }

const isRateValid = (rate: RateEntry): boolean =>
  Number.isSafeInteger(rate.numerator) &&
  rate.numerator >= 0 &&
  Number.isSafeInteger(rate.denominator) &&
  rate.denominator > 0

/**
 * The entry in force for (account, key) at `at`: the latest effectiveFrom at or before it. Two entries with the
 * same key and the same effectiveFrom but different fractions are a data error, reported rather than guessed.
 */
export const rateAt = (
  rates: readonly RateEntry[],
  accountId: string,
  key: string,
  at: Instant,
): { readonly ok: true; readonly rate: RateEntry } | { readonly ok: false; readonly reason: string } => {
  let best: RateEntry | undefined
  let conflict = false
  let later: RateEntry | undefined
  for (const rate of rates) {
    if (rate.accountId !== accountId || rate.key !== key) continue
    if (rate.effectiveFrom > at) {
      if (later === undefined || rate.effectiveFrom < later.effectiveFrom) later = rate
      continue
    }
    if (best === undefined || rate.effectiveFrom > best.effectiveFrom) {
      best = rate
      conflict = false
    } else if (rate.effectiveFrom === best.effectiveFrom) {
      // Equal fractions (25/1 and 50/2) are the same rate recorded twice, not a conflict.
      const same =
        isRateValid(rate) &&
        isRateValid(best) &&
        BigInt(rate.numerator) * BigInt(best.denominator) === BigInt(best.numerator) * BigInt(rate.denominator)
      conflict ||= !same
    }
  }
  if (best === undefined) {
    const iso = new Date(at).toISOString()
    return {
      ok: false,
      reason:
        later === undefined
          ? `no rate for "${key}" on account ${accountId}`
          : `no rate for "${key}" on account ${accountId} at ${iso}: the first one starts ${new Date(later.effectiveFrom).toISOString()}`,
    }
  }
  if (conflict) {
    return {
      ok: false,
      reason: `two different rates for "${key}" start at ${new Date(best.effectiveFrom).toISOString()}`,
    }
  }
  if (!isRateValid(best)) {
    return { ok: false, reason: `the rate for "${key}" is not a non-negative integer fraction with a positive divisor` }
  }
  return { ok: true, rate: best }
}

/**
 * quantity × numerator / denominator, exactly (bigint inside mulDiv), rounded half-even once when the product is
 * not whole; `rounded` says so. Problems of the input (no rate, a bad quantity, a result beyond safe integers)
 * come back as { ok: false, reason } so an import can report the row instead of failing the batch.
 */
export const resolveUsageAmount = (usage: UsageQuantity, rates: readonly RateEntry[]): ResolvedAmount => {
  if (!Number.isSafeInteger(usage.quantity) || usage.quantity < 0) {
    return { ok: false, reason: `quantity must be a non-negative whole number, got ${String(usage.quantity)}` }
  }
  const found = rateAt(rates, usage.accountId, usage.key, usage.occurredAt)
  if (!found.ok) return found
  const { rate } = found
  const exact = BigInt(usage.quantity) * BigInt(rate.numerator)
  try {
    const amount = mulDiv(usage.quantity, rate.numerator, rate.denominator, 'half-even')
    return { ok: true, amount, rounded: exact % BigInt(rate.denominator) !== 0n, rate }
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: `amount out of range: ${error.message}` }
    throw error
  }
}
