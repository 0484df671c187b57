import type { AmountView } from '@shared/money/amount-view'
import type { ExpiryView } from '@shared/api/types/facts'
import { parseId, UsageError, type OptionSpec } from '../../args'

/**
 * Flags the fact commands share, and their translation into contract input. Values the backend validates (ISO
 * instants, decimals, durations) pass through as typed, so its field message names the problem; only the shape of
 * the command line (a whole number, a known keyword) is checked here, as a usage error (exit 2).
 */

export const accountOption = (description: string) =>
  ({ type: 'string', value: 'ID', description }) as const satisfies OptionSpec

export const EXPIRY_OPTIONS = {
  expires: {
    type: 'string',
    value: 'WHEN',
    description: 'An ISO instant, never or end-of-day: when the lot stops being usable (default never)',
  },
  'expires-after': {
    type: 'string',
    value: 'DUR',
    description: 'Expires this long after it takes effect, e.g. P1Y',
  },
} as const

/** `--account ID`: a missing value is sent as absent, so the contract's "Account is required" is the message shown. */
export const accountId = (command: string, value: string | undefined): number =>
  (value === undefined ? undefined : parseId(command, '--account', value)) as number

export const optionalId = (command: string, flag: string, value: string | undefined): number | undefined =>
  value === undefined ? undefined : parseId(command, flag, value)

/** A whole number flag (`--priority -5`, `--periods 12`). */
export const whole = (command: string, flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  if (!/^-?\d{1,15}$/.test(value.trim()))
    throw new UsageError(`${flag} must be a whole number, got "${value}"`, command)
  return Number(value)
}

/** `--tag a,b` (comma-separated: the argument parser takes each flag once). */
export const tagsOf = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((tag) => tag.trim())

type ExpiryInput =
  | { kind: 'never' }
  | { kind: 'end_of_local_day' }
  | { kind: 'period' }
  | { kind: 'at'; at: string }
  | { kind: 'after'; duration: string }

/** `--expires ISO|never|end-of-day` (and `period` for plans) or `--expires-after DURATION`; not both. */
export const expiryOf = (
  command: string,
  values: { readonly expires?: string; readonly 'expires-after'?: string },
  allowPeriod = false,
): ExpiryInput | undefined => {
  const { expires, 'expires-after': after } = values
  if (expires !== undefined && after !== undefined) {
    throw new UsageError('give --expires or --expires-after, not both', command)
  }
  if (after !== undefined) return { kind: 'after', duration: after }
  if (expires === undefined) return undefined
  if (expires === 'never') return { kind: 'never' }
  if (expires === 'end-of-day') return { kind: 'end_of_local_day' }
  if (expires === 'period') {
    if (!allowPeriod)
      throw new UsageError('--expires period is for plans; give an ISO instant, never or end-of-day', command)
    return { kind: 'period' }
  }
  return { kind: 'at', at: expires }
}

/** `--cost DEC --currency CUR` (or --price, --unit-price): `none` clears it; a missing currency is the backend's to name. */
export const moneyOf = (
  command: string,
  flag: string,
  amount: string | undefined,
  currency: string | undefined,
): { amount: string; currency: string } | null | undefined => {
  if (amount === undefined) {
    if (currency !== undefined) throw new UsageError(`--currency goes with ${flag}`, command)
    return undefined
  }
  if (amount === 'none') return null
  return { amount, currency: currency as string }
}

/** Field paths of the shared flags, for error lines named as typed. */
export const EXPIRY_FLAGS = {
  expiry: '--expires',
  'expiry.kind': '--expires',
  'expiry.at': '--expires',
  'expiry.duration': '--expires-after',
} as const

/** Keeps only the entries whose value was given, so an edit sends exactly what the user changed. */
export const defined = <T extends Record<string, unknown>>(entries: T): Partial<T> =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Partial<T>

/** "41.20 USD" */
export const amountText = (amount: AmountView): string => `${amount.value} ${amount.unit}`

export const expiryText = (expiry: ExpiryView | { readonly kind: 'period' }, resolved?: string | null): string => {
  switch (expiry.kind) {
    case 'never':
      return 'never'
    case 'period':
      return 'at period end'
    case 'end_of_local_day':
      return resolved ?? 'end of local day'
    case 'at':
      return expiry.at
    case 'after':
      return resolved ?? `${expiry.duration} after`
  }
}
