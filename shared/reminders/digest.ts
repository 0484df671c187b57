import type { NotificationText, Reminder } from './types'

/**
 * One notification for whatever is delivered at once (issue 6 §3: a laptop closed for three days shows one digest,
 * not a stack of toasts). Notification bodies are cut off after a few lines on every OS, so a digest lists the most
 * urgent few and counts the rest; the inbox has them all.
 */

/** Lines a digest body lists at most (the last says "and K more" when there are more). */
export const DIGEST_LINES = 4

/**
 * Soonest deadline first: an event that already happened (negative balance, drift: no deadline) by when it happened,
 * which is in the past and so first; a reminder about an expiry, renewal or period end by that instant.
 */
const byUrgency = (a: Reminder, b: Reminder): number =>
  (a.staleAt ?? a.eventAt) - (b.staleAt ?? b.eventAt) || a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

export const notificationText = (reminders: readonly Reminder[]): NotificationText => {
  const [only] = reminders
  if (only === undefined) throw new RangeError('notificationText needs at least one reminder')
  if (reminders.length === 1) return { title: only.title, body: only.body, link: only.link }
  const sorted = [...reminders].sort(byUrgency)
  const listed = sorted.length <= DIGEST_LINES ? sorted : sorted.slice(0, DIGEST_LINES - 1)
  const lines = listed.map((reminder) => reminder.title)
  if (listed.length < sorted.length) lines.push(`and ${sorted.length - listed.length} more`)
  return { title: `${reminders.length} credit reminders`, body: lines.join('\n'), link: { view: 'inbox' } }
}
