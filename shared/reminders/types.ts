import type { Instant } from '../ledger/model'
import type { AmountView } from '../money/amount-view'

/**
 * Reminders (DESIGN §5, issue 6): what the pure evaluation takes and gives. Amounts are AmountViews (exact, already
 * formatted by the backend); instants are epoch ms (UTC). Evaluation is pure: the backend gathers the inputs from the
 * ledger, the scheduler decides delivery from the reminder log.
 */

export const REMINDER_KINDS = [
  'expiry',
  'renewal',
  'trial_end',
  'threshold',
  'low_balance',
  'recharge_blocked',
  'negative_balance',
  'drift',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Which reminders an account gets. Global defaults, overridable per account (a partial object merged on top). */
export interface ReminderRules {
  /** Days before an expiry (only for credits the forecast says will be left): default [30, 7, 1]. */
  readonly expiryLeadDays: readonly number[]
  /** Days before a plan renews (next period start of a paid plan): default [3]. */
  readonly renewalLeadDays: readonly number[]
  /** Days before a trial lot ends (fires whether or not credits are left: billing starts): default [3, 1]. */
  readonly trialLeadDays: readonly number[]
  /** Percent of the current period's allowance used: default [75, 85, 90, 100]. Once per period each. */
  readonly thresholdPercents: readonly number[]
  /** Balance below this decimal amount of the account's unit; null = off (the default). */
  readonly lowBalanceBelow: string | null
  readonly rechargeBlocked: boolean
  readonly negativeBalance: boolean
  readonly drift: boolean
}

/** When reminders may appear, in the user's zone. */
export interface DeliveryPreferences {
  readonly timeZone: string
  /** Local hour (0–23) for reminders that are about a date (expiry, renewal, trial end). */
  readonly hour: number
  /** Nothing is shown from `start` to `end` (local "HH:MM", may wrap midnight); null = no quiet hours. */
  readonly quietHours: { readonly start: string; readonly end: string } | null
}

/** Where a reminder (and a notification click) leads. */
export type ReminderLink =
  | { readonly view: 'lot'; readonly accountId: number; readonly lotId: string }
  | { readonly view: 'account'; readonly accountId: number }

/** A lot the forecast expects to expire with credits left (from Forecast.expiring, existing lots only). */
export interface ExpiringInput {
  readonly lotId: string
  readonly kind: string
  readonly expiresAt: Instant
  /** What the forecast says will be left at expiry (> 0). */
  readonly unused: AmountView
  /** What that is worth in money; null when the lot's cost is unknown. */
  readonly value: AmountView | null
}

export interface TrialInput {
  readonly lotId: string
  readonly expiresAt: Instant
  readonly remaining: AmountView
}

/** The next renewal of a paid plan (the start of its next period), when the plan has not ended by then. */
export interface RenewalInput {
  readonly programId: string
  readonly name: string
  readonly periodIndex: number
  readonly at: Instant
  readonly price: AmountView | null
}

/** The current period of a plan with an allowance. */
export interface PeriodUsageInput {
  readonly programId: string
  readonly name: string
  readonly periodIndex: number
  readonly periodStart: Instant
  readonly periodEnd: Instant
  /** Exact minor units of the allowance and of what was used of it (same unit). */
  readonly grantedMinor: number
  readonly consumedMinor: number
  /** When consumption reached each percent of thresholdPercents, if it did (instant of the usage that crossed it). */
  readonly crossedAt: Readonly<Record<number, Instant>>
}

/** Everything evaluation needs for one account, gathered by the backend at `now`. */
export interface AccountReminderInput {
  readonly accountId: number
  readonly accountName: string
  readonly vendorName: string
  readonly rules: ReminderRules
  readonly expiring: readonly ExpiringInput[]
  readonly trials: readonly TrialInput[]
  readonly renewals: readonly RenewalInput[]
  readonly periods: readonly PeriodUsageInput[]
  /** Balance now and since when it has been below rules.lowBalanceBelow (null = not below). */
  readonly balance: { readonly now: AmountView; readonly belowSince: Instant | null }
  readonly rechargeBlocked: readonly { readonly ruleId: string; readonly month: string; readonly at: Instant }[]
  /** Each time the balance went negative (engine negative_balance notices). */
  readonly negativeBalance: readonly { readonly at: Instant; readonly debt: AmountView }[]
  readonly drift: readonly {
    readonly observationId: string
    readonly at: Instant
    readonly observed: AmountView
    readonly model: AmountView
  }[]
}

/** One reminder evaluation produced. Equal keys mean the same reminder: it is delivered at most once. */
export interface Reminder {
  /** Stable: built from what the reminder is about, e.g. "expiry:A4:L12:7:2026-12-01T00:00:00.000Z". */
  readonly key: string
  /**
   * Reminders of one group are about the same thing (one expiry of one lot, one renewal, one period's thresholds):
   * when several of a group are due at once only the most urgent is shown; the others are recorded as superseded.
   */
  readonly group: string
  /** Lower = more urgent within its group (lead days for lead-time reminders; 100 − percent for thresholds). */
  readonly rank: number
  readonly kind: ReminderKind
  readonly accountId: number
  /** When it should appear: at the user's hour for date reminders, at once for events, moved out of quiet hours. */
  readonly dueAt: Instant
  /** What it is about happens (expiry, renewal) or happened (threshold crossed) at this instant. */
  readonly eventAt: Instant
  /** After this it is pointless (the expiry passed, the renewal happened); null = no end. */
  readonly staleAt: Instant | null
  readonly title: string
  readonly body: string
  readonly link: ReminderLink
}

/** What the reminder log knows about a key (the scheduler's store). */
export type ReminderLogState =
  | { readonly state: 'fired'; readonly at: Instant }
  | { readonly state: 'superseded'; readonly at: Instant }
  | { readonly state: 'dismissed'; readonly at: Instant }
  | { readonly state: 'snoozed'; readonly at: Instant; readonly until: Instant }

export type SnoozeOption = 'hour' | 'tomorrow' | 'week'

/** What the scheduler does at `now`. */
export interface DeliveryPlan {
  /** Show these now (claim each key first); several become one digest. */
  readonly deliver: readonly Reminder[]
  /** Snoozed reminders whose time came: shown again (their log entry goes back to fired). */
  readonly resurfaced: readonly Reminder[]
  /** Due at the same time as a more urgent one of their group, or stale: recorded, never shown. */
  readonly superseded: readonly Reminder[]
  /** The next instant something becomes due (a dueAt or a snooze end), null when nothing is pending. */
  readonly nextWakeAt: Instant | null
}

/** A notification's text: one reminder as it is, several as one digest. */
export interface NotificationText {
  readonly title: string
  readonly body: string
  /** Where a click leads: the reminder's link for one, the inbox for a digest. */
  readonly link: ReminderLink | { readonly view: 'inbox' }
}
