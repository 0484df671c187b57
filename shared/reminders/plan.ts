import type { Instant } from '../ledger/model'
import type { DeliveryPlan, Reminder, ReminderKind, ReminderLogState } from './types'

/**
 * What the scheduler does at `now` (issue 6 §3), decided from the evaluated reminders and the log alone, so a restart,
 * a crash or a laptop closed for a week all come back to the same answer. The rules:
 * - a key the log has as fired, superseded or dismissed is done: never shown again;
 * - a snoozed key comes back (resurfaced) once its snooze ends, unless it has gone stale or a more urgent reminder of
 *   its group was shown meanwhile;
 * - a new key is due at its dueAt. When it comes due it is superseded instead of shown if it is stale (its expiry or
 *   renewal passed), if it is an event from before `eventsSince` (history imported long after the fact, or from
 *   before the scheduler ever ran: news, not reminders), or if its group already showed one at least as urgent;
 * - a group shows at most one reminder per plan, the most urgent (lowest rank); the others due with it are
 *   superseded (a laptop closed past both the 7-day and the 1-day reminder shows only the 1-day one).
 */

export const EVENT_KINDS: ReadonlySet<ReminderKind> = new Set<ReminderKind>([
  'threshold',
  'low_balance',
  'recharge_blocked',
  'negative_balance',
  'drift',
])

export interface PlanInput {
  readonly reminders: readonly Reminder[]
  /** The reminder log by key (the scheduler's store). */
  readonly log: ReadonlyMap<string, ReminderLogState>
  readonly now: Instant
  /** Events that happened before this are recorded as superseded, never shown. */
  readonly eventsSince: Instant
}

const byDueThenKey = (a: Reminder, b: Reminder): number =>
  a.dueAt - b.dueAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** Most urgent first; ties by due time, then key, so the choice never depends on input order. */
const byUrgency = (a: Reminder, b: Reminder): number => a.rank - b.rank || byDueThenKey(a, b)

export const planDelivery = ({ reminders, log, now, eventsSince }: PlanInput): DeliveryPlan => {
  const pointlessAt = (reminder: Reminder, at: Instant): boolean =>
    (reminder.staleAt !== null && reminder.staleAt <= at) ||
    (EVENT_KINDS.has(reminder.kind) && reminder.eventAt < eventsSince)

  const unique = [...new Map(reminders.map((reminder) => [reminder.key, reminder])).values()]

  // The most urgent rank each group already showed for good (fired or dismissed; a snoozed one is still pending).
  const shownRank = new Map<string, number>()
  for (const reminder of unique) {
    const state = log.get(reminder.key)?.state
    if (state === 'fired' || state === 'dismissed') {
      shownRank.set(reminder.group, Math.min(reminder.rank, shownRank.get(reminder.group) ?? Infinity))
    }
  }

  const candidates: Reminder[] = []
  const resurfacing = new Set<string>()
  const superseded: Reminder[] = []
  let nextWakeAt: Instant | null = null
  const wakeAt = (at: Instant): void => {
    if (nextWakeAt === null || at < nextWakeAt) nextWakeAt = at
  }

  for (const reminder of unique) {
    const entry = log.get(reminder.key)
    if (entry === undefined) {
      if (reminder.dueAt > now) {
        if (!pointlessAt(reminder, reminder.dueAt)) wakeAt(reminder.dueAt)
      } else if (pointlessAt(reminder, now)) superseded.push(reminder)
      else candidates.push(reminder)
    } else if (entry.state === 'snoozed') {
      if (entry.until > now) {
        if (!pointlessAt(reminder, entry.until)) wakeAt(entry.until)
      } else if (pointlessAt(reminder, now)) superseded.push(reminder)
      else {
        candidates.push(reminder)
        resurfacing.add(reminder.key)
      }
    }
  }

  const deliver: Reminder[] = []
  const resurfaced: Reminder[] = []
  const taken = new Set<string>()
  for (const reminder of candidates.sort(byUrgency)) {
    const shown = shownRank.get(reminder.group)
    if (taken.has(reminder.group) || (shown !== undefined && shown <= reminder.rank)) {
      superseded.push(reminder)
      continue
    }
    taken.add(reminder.group)
    ;(resurfacing.has(reminder.key) ? resurfaced : deliver).push(reminder)
  }

  return {
    deliver: deliver.sort(byDueThenKey),
    resurfaced: resurfaced.sort(byDueThenKey),
    superseded: superseded.sort(byDueThenKey),
    nextWakeAt,
  }
}
