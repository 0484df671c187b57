import type { ReminderEntry, ReminderHistoryEntry } from '@shared/api/types/reminders'
import type { ReminderKind, SnoozeOption } from '@shared/reminders/types'
import { formatDateTime } from '../../lib/format'

/** The words the inbox uses for a reminder's kind, state and history. */

export const KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  expiry: 'Expiry',
  renewal: 'Renewal',
  trial_end: 'Trial ending',
  threshold: 'Usage threshold',
  low_balance: 'Low balance',
  recharge_blocked: 'Recharge blocked',
  negative_balance: 'Negative balance',
  drift: 'Balance drift',
}

export const SNOOZE_OPTIONS: readonly {
  readonly option: SnoozeOption
  readonly label: string
  readonly spoken: string
}[] = [
  { option: 'hour', label: '1 hour', spoken: 'for 1 hour' },
  { option: 'tomorrow', label: 'Tomorrow', spoken: 'until tomorrow' },
  { option: 'week', label: '1 week', spoken: 'for 1 week' },
]

export type ReminderTone = 'new' | 'seen' | 'snoozed' | 'dismissed'

export interface ReminderStatus {
  readonly tone: ReminderTone
  readonly label: string
}

/** "New" while unseen (or new when the inbox was opened), then what the user did with it. */
export const statusOf = (entry: ReminderEntry, arrived: boolean): ReminderStatus => {
  if (entry.state === 'snoozed' && entry.snoozedUntil !== null)
    return { tone: 'snoozed', label: `Snoozed until ${formatDateTime(entry.snoozedUntil)}` }
  if (entry.state === 'dismissed') return { tone: 'dismissed', label: 'Dismissed' }
  if (!entry.seen || arrived) return { tone: 'new', label: 'New' }
  return { tone: 'seen', label: 'Seen' }
}

const ACTION_LABELS: Readonly<Record<ReminderHistoryEntry['action'], string>> = {
  fired: 'Shown',
  superseded: 'Left out: a more urgent reminder about the same thing was shown',
  snoozed: 'Snoozed',
  resurfaced: 'Shown again after its snooze',
  dismissed: 'Dismissed',
  seen: 'Seen',
}

export const historyText = (entry: ReminderHistoryEntry): string =>
  entry.action === 'snoozed' && entry.until !== null
    ? `Snoozed until ${formatDateTime(entry.until)}`
    : ACTION_LABELS[entry.action]
