import type { Instant } from '../ledger/model'
import type { AmountView } from '../money/amount-view'
import { toLocal } from '../time/zoned'
import type { ExpiringInput, PeriodUsageInput, RenewalInput, TrialInput } from './types'

/**
 * The words of each reminder. Plain fixed English built from exact strings: amounts are AmountView text, dates are
 * formatted by hand in the user's zone (no Intl locale data, which differs between Node, Electron and browsers, so
 * the same reminder reads the same everywhere and tests are deterministic). Dates are absolute ("on Dec 1, 2026"),
 * never relative ("in 7 days"): a reminder caught up after a closed laptop must still say the truth.
 */

export interface ReminderWords {
  readonly title: string
  readonly body: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const monthName = (month: number): string => MONTHS[month - 1] ?? String(month)
const pad = (value: number): string => String(value).padStart(2, '0')

/** "Dec 1, 2026", with " at 19:00" unless it is local midnight (an expiry "on Dec 1" means as Dec 1 begins). */
export const formatWhen = (instant: Instant, zone: string): string => {
  const local = toLocal(instant, zone)
  const date = `${monthName(local.month)} ${local.day}, ${local.year}`
  const midnight = local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0
  return midnight ? date : `${date} at ${pad(local.hour)}:${pad(local.minute)}`
}

/** "2026-11" → "Nov 2026" (the engine's recharge-cap months); anything else as it is. */
export const formatMonth = (month: string): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  const index = match === null ? 0 : Number(match[2])
  return match === null || index < 1 || index > 12 ? month : `${monthName(index)} ${match[1]}`
}

export const formatAmount = (amount: AmountView): string => `${amount.value} ${amount.unit}`

/** "OpenAI · Personal": how every reminder names its account. */
export const accountLabel = (vendorName: string, accountName: string): string => `${vendorName} · ${accountName}`

export const expiryWords = (label: string, lot: ExpiringInput, zone: string): ReminderWords => {
  const when = formatWhen(lot.expiresAt, zone)
  // What it cost, when that says something the amount does not (credits bought at a discount, another currency).
  const same = lot.value !== null && lot.value.unit === lot.unused.unit && lot.value.minor === lot.unused.minor
  const worth = lot.value === null || same ? '' : ` (worth ${formatAmount(lot.value)})`
  return {
    title: `${label}: ${formatAmount(lot.unused)} expire on ${when}`,
    body: `About ${formatAmount(lot.unused)}${worth} of ${label} will expire unused on ${when}.`,
  }
}

export const trialWords = (label: string, trial: TrialInput, zone: string): ReminderWords => {
  const when = formatWhen(trial.expiresAt, zone)
  return {
    title: `${label}: trial ends on ${when}`,
    body: `The trial of ${label} ends on ${when} with ${formatAmount(trial.remaining)} left; paid billing may start then.`,
  }
}

export const renewalWords = (label: string, renewal: RenewalInput, zone: string): ReminderWords => {
  const when = formatWhen(renewal.at, zone)
  const price = renewal.price === null ? '' : ` for ${formatAmount(renewal.price)}`
  return {
    title: `${label}: ${renewal.name} renews on ${when}`,
    body: `${renewal.name} of ${label} renews on ${when}${price}.`,
  }
}

export const thresholdWords = (
  label: string,
  period: PeriodUsageInput,
  percent: number,
  zone: string,
): ReminderWords => {
  const ends = formatWhen(period.periodEnd, zone)
  return percent >= 100
    ? {
        title: `${label}: ${period.name} allowance used up`,
        body: `All of this period's ${period.name} allowance of ${label} is used; the period ends on ${ends}.`,
      }
    : {
        title: `${label}: ${percent}% of ${period.name} used`,
        body: `${percent}% of this period's ${period.name} allowance of ${label} is used; the period ends on ${ends}.`,
      }
}

export const lowBalanceWords = (
  label: string,
  balance: AmountView,
  below: string,
  since: Instant,
  zone: string,
): ReminderWords => ({
  title: `${label}: balance below ${below} ${balance.unit}`,
  body: `The balance of ${label} is ${formatAmount(balance)}, below ${below} ${balance.unit} since ${formatWhen(since, zone)}.`,
})

export const rechargeBlockedWords = (label: string, month: string, at: Instant, zone: string): ReminderWords => ({
  title: `${label}: auto-recharge blocked`,
  body: `An auto-recharge of ${label} was blocked on ${formatWhen(at, zone)}: its cap for ${formatMonth(month)} is reached.`,
})

export const negativeBalanceWords = (label: string, debt: AmountView, at: Instant, zone: string): ReminderWords => ({
  title: `${label}: balance went negative`,
  body: `The balance of ${label} went negative on ${formatWhen(at, zone)}: ${formatAmount(debt)} owed.`,
})

export const driftWords = (
  label: string,
  observed: AmountView,
  model: AmountView,
  at: Instant,
  zone: string,
): ReminderWords => ({
  title: `${label}: balance differs from the vendor's`,
  body: `The vendor reported ${formatAmount(observed)} for ${label} on ${formatWhen(at, zone)}; the ledger says ${formatAmount(model)}.`,
})
