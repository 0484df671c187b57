import type { Reminder, ReminderKind, ReminderLink, ReminderLogState } from '@shared/reminders/types'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/**
 * The reminder log (migration 0005): one row per reminder key, inserted — claimed — before the reminder is shown,
 * so a key is shown at most once whatever restarts or second processes do; its events are the inbox's history.
 */

export interface LogRow {
  readonly key: string
  readonly kind: ReminderKind
  readonly account_id: number
  readonly state: ReminderLogState['state']
  readonly due_at: number
  readonly event_at: number
  readonly fired_at: number | null
  readonly state_at: number
  readonly snoozed_until: number | null
  readonly seen_at: number | null
  readonly title: string
  readonly body: string
  readonly link: string
}

export interface LogEvent {
  readonly key: string
  readonly action: 'fired' | 'superseded' | 'snoozed' | 'resurfaced' | 'dismissed' | 'seen'
  readonly at: number
  readonly until: number | null
}

export const linkOf = (row: LogRow): ReminderLink => JSON.parse(row.link) as ReminderLink

const stateOf = (row: LogRow): ReminderLogState =>
  row.state === 'snoozed'
    ? { state: 'snoozed', at: row.state_at, until: row.snoozed_until ?? row.state_at }
    : { state: row.state, at: row.state_at }

export const reminderLog = (db: Connection) => {
  const prepare = preparedFor(db)
  const event = (key: string, action: LogEvent['action'], at: number, until: number | null = null): void => {
    prepare('INSERT INTO reminder_events (key, action, at, until) VALUES (?, ?, ?, ?)').run(key, action, at, until)
  }
  /** Insert the key in `state`; false when it is already there (claimed before, by this process or another). */
  const claim = (reminder: Reminder, state: 'fired' | 'superseded', now: number): boolean => {
    const inserted = prepare(
      `INSERT INTO reminder_log (key, kind, account_id, state, due_at, event_at, fired_at, state_at, title, body, link)
       VALUES (@key, @kind, @accountId, @state, @dueAt, @eventAt, @firedAt, @now, @title, @body, @link)
       ON CONFLICT (key) DO NOTHING`,
    ).run({
      key: reminder.key,
      kind: reminder.kind,
      accountId: reminder.accountId,
      state,
      dueAt: reminder.dueAt,
      eventAt: reminder.eventAt,
      firedAt: state === 'fired' ? now : null,
      now,
      title: reminder.title,
      body: reminder.body,
      link: JSON.stringify(reminder.link),
    }).changes
    if (inserted > 0) event(reminder.key, state, now)
    return inserted > 0
  }
  const setState = (key: string, state: LogRow['state'], now: number, until: number | null = null): boolean =>
    prepare(
      `UPDATE reminder_log SET state = ?, state_at = ?, snoozed_until = ?,
         fired_at = coalesce(fired_at, CASE WHEN ? = 'fired' THEN ? END)
       WHERE key = ?`,
    ).run(state, now, until, state, now, key).changes > 0
  return {
    /** Every key's state, for planDelivery. */
    states: (): Map<string, ReminderLogState> =>
      new Map((prepare('SELECT * FROM reminder_log').all() as LogRow[]).map((row) => [row.key, stateOf(row)] as const)),
    get: (key: string): LogRow | undefined =>
      prepare('SELECT * FROM reminder_log WHERE key = ?').get(key) as LogRow | undefined,
    claim,
    /** A snoozed reminder whose time came is shown again: back to fired (a new unseen entry in the inbox). */
    resurface: (key: string, now: number): boolean => {
      const done =
        prepare(
          "UPDATE reminder_log SET state = 'fired', state_at = ?, snoozed_until = NULL, seen_at = NULL WHERE key = ? AND state = 'snoozed'",
        ).run(now, key).changes > 0
      if (done) event(key, 'resurfaced', now)
      return done
    },
    /** A snoozed reminder that went stale or was outdone by a more urgent one of its group. */
    supersede: (key: string, now: number): void => {
      if (setState(key, 'superseded', now)) event(key, 'superseded', now)
    },
    snooze: (key: string, until: number, now: number): void => {
      setState(key, 'snoozed', now, until)
      event(key, 'snoozed', now, until)
    },
    dismiss: (key: string, now: number): void => {
      setState(key, 'dismissed', now)
      event(key, 'dismissed', now)
    },
    /** Mark fired reminders seen (the badge counts the others); answers how many changed. */
    markSeen: (keys: readonly string[] | null, now: number): number => {
      const rows = (
        keys === null
          ? prepare("SELECT key FROM reminder_log WHERE state = 'fired' AND seen_at IS NULL").all()
          : keys.map((key) => ({ key }))
      ) as { key: string }[]
      let changed = 0
      for (const { key } of rows) {
        const done =
          prepare("UPDATE reminder_log SET seen_at = ? WHERE key = ? AND state = 'fired' AND seen_at IS NULL").run(
            now,
            key,
          ).changes > 0
        if (done) {
          event(key, 'seen', now)
          changed += 1
        }
      }
      return changed
    },
    /** The inbox: shown reminders (superseded ones never were), newest first. */
    inbox: (limit: number): LogRow[] =>
      prepare("SELECT * FROM reminder_log WHERE state <> 'superseded' ORDER BY state_at DESC, key LIMIT ?").all(
        limit,
      ) as LogRow[],
    unseen: (): number =>
      (
        prepare("SELECT count(*) AS n FROM reminder_log WHERE state = 'fired' AND seen_at IS NULL").get() as {
          n: number
        }
      ).n,
    events: (keys: readonly string[]): LogEvent[] => {
      if (keys.length === 0) return []
      return prepare(
        'SELECT key, action, at, until FROM reminder_events WHERE key IN (SELECT value FROM json_each(?)) ORDER BY id',
      ).all(JSON.stringify(keys)) as LogEvent[]
    },
    /** The earliest end of a snooze, for the scheduler's next wake. */
    nextSnoozeEnd: (): number | null =>
      (
        prepare("SELECT min(snoozed_until) AS at FROM reminder_log WHERE state = 'snoozed'").get() as {
          at: number | null
        }
      ).at,
  }
}
