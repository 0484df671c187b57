/**
 * A unit is what an amount is counted in: a currency (money), a vendor's credits, or tokens.
 * Each unit declares its scale: amounts are stored as integers of 10^-scale of the unit
 * (money in micro-units, scale 6; credits whole or milli, scale 0 or 3; tokens whole, scale 0).
 */
export const UNIT_KINDS = ['money', 'credit', 'token'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export const MAX_SCALE = 6
export const MONEY_SCALE = 6

export interface Unit {
  readonly id: string
  readonly kind: UnitKind
  readonly scale: number
  readonly label: string
  /** Built-in units ship with the app and cannot be removed. */
  readonly builtIn: boolean
}

/** Unit ids are short codes: ISO 4217 for money ("USD"), a slug for credits ("kreator-credit"). */
export const UNIT_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{1,31}$/
