import type { ReminderRulesPatch } from '../../reminders/rules'
import type { NotificationText, ReminderKind, ReminderLink, ReminderRules } from '../../reminders/types'

/** What the reminder methods answer (issue 6): instants as ISO 8601 UTC strings. */

export interface ReminderHistoryEntry {
  readonly action: 'fired' | 'superseded' | 'snoozed' | 'resurfaced' | 'dismissed' | 'seen'
  readonly at: string
  /** The end of a snooze. */
  readonly until: string | null
}

/** One reminder of the log, as the inbox shows it. */
export interface ReminderEntry {
  readonly key: string
  readonly kind: ReminderKind
  readonly accountId: number
  readonly title: string
  readonly body: string
  readonly link: ReminderLink
  /** fired: shown (snoozed and dismissed ones were shown too); superseded: never shown (a more urgent one was). */
  readonly state: 'fired' | 'superseded' | 'dismissed' | 'snoozed'
  readonly dueAt: string
  readonly eventAt: string
  readonly firedAt: string | null
  readonly stateAt: string
  readonly snoozedUntil: string | null
  readonly seen: boolean
  readonly history: readonly ReminderHistoryEntry[]
}

export interface ReminderInbox {
  readonly items: readonly ReminderEntry[]
  /** Fired and not yet seen: the badge. */
  readonly unseen: number
}

/** A reminder evaluation says is due at an instant. */
export interface DueReminder {
  readonly key: string
  readonly kind: ReminderKind
  readonly accountId: number
  readonly title: string
  readonly body: string
  readonly link: ReminderLink
  readonly dueAt: string
  readonly eventAt: string
  /** A snoozed reminder whose snooze ends by then. */
  readonly resurfaced: boolean
}

export interface DueReport {
  readonly at: string
  /** What would be shown at `at` (nothing is claimed or sent). */
  readonly due: readonly DueReminder[]
  /** The notification it would make: one reminder as it is, several as a digest. */
  readonly notification: NotificationText | null
  /** Due then, but left out: stale, or a more urgent one of the same thing is shown. */
  readonly superseded: readonly string[]
  readonly nextDueAt: string | null
}

export interface AccountReminderRules {
  readonly accountId: number
  /** The account's own settings over the global ones; null = it follows the global rules. */
  readonly override: ReminderRulesPatch | null
  readonly effective: ReminderRules
}
