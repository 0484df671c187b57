import { formatMinor } from './decimal'

/**
 * How every amount leaves the backend (API, CLI --json, exports): the decimal text at the unit's scale, the exact
 * integer minor units as a string, and the unit. Strings, never floats, so no consumer can round it by accident.
 * `value` keeps at least two decimals for money-like scales and trims the rest of the trailing zeros.
 */
export interface AmountView {
  readonly value: string
  readonly minor: string
  readonly unit: string
}

export const amountView = (minor: number, unit: string, scale: number): AmountView => ({
  value: formatMinor(minor, scale, { minFractionDigits: Math.min(2, scale) }),
  minor: String(minor),
  unit,
})
