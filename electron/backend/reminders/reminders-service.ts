import { ApiFailure } from '@shared/api/result'
import type { AccountReminderRules, DueReport, ReminderEntry, ReminderInbox } from '@shared/api/types/reminders'
import { mergeRules, type ReminderRulesPatch } from '@shared/reminders/rules'
import { notificationText } from '@shared/reminders/digest'
import { snoozeUntil } from '@shared/reminders/snooze'
import type { Reminder, SnoozeOption } from '@shared/reminders/types'
import { isoInstant } from '@shared/time/iso-instant'
import { preparedFor } from '../db/statements'
import { inTransaction, type ServiceContext } from '../services/context'
import { getSettings } from '../services/settings-service'
import { requireAccount } from '../services/facts/scope'
import { planAt } from './reminder-delivery'
import { accountOverrides, deliveryPreferences } from './reminder-inputs'
import { linkOf, reminderLog, type LogEvent, type LogRow } from './reminder-log'

/** The reminder methods (issue 6 §5, §7): the inbox and its history, what is due, snooze, dismiss, seen, rules. */

const iso = (at: number | null): string | null => (at === null ? null : isoInstant(at))

const entryOf = (row: LogRow, events: readonly LogEvent[]): ReminderEntry => ({
  key: row.key,
  kind: row.kind,
  accountId: row.account_id,
  title: row.title,
  body: row.body,
  link: linkOf(row),
  state: row.state,
  dueAt: isoInstant(row.due_at),
  eventAt: isoInstant(row.event_at),
  firedAt: iso(row.fired_at),
  stateAt: isoInstant(row.state_at),
  snoozedUntil: iso(row.snoozed_until),
  seen: row.seen_at !== null,
  history: events.map((event) => ({ action: event.action, at: isoInstant(event.at), until: iso(event.until) })),
})

export const inbox = (
  ctx: ServiceContext,
  input: { readonly limit?: number | undefined; readonly includeSuperseded?: boolean | undefined } = {},
): ReminderInbox => {
  const log = reminderLog(ctx.db)
  const limit = input.limit ?? 200
  const rows =
    input.includeSuperseded === true
      ? (preparedFor(ctx.db)('SELECT * FROM reminder_log ORDER BY state_at DESC, key LIMIT ?').all(limit) as LogRow[])
      : log.inbox(limit)
  const events = log.events(rows.map((row) => row.key))
  const byKey = new Map<string, LogEvent[]>()
  for (const event of events) byKey.set(event.key, [...(byKey.get(event.key) ?? []), event])
  return { items: rows.map((row) => entryOf(row, byKey.get(row.key) ?? [])), unseen: log.unseen() }
}

export const dueAt = (ctx: ServiceContext, at: number): DueReport => {
  const plan = planAt(ctx, at)
  const shown: Reminder[] = [...plan.deliver, ...plan.resurfaced]
  const resurfaced = new Set(plan.resurfaced.map((reminder) => reminder.key))
  return {
    at: isoInstant(at),
    due: shown.map((reminder) => ({
      key: reminder.key,
      kind: reminder.kind,
      accountId: reminder.accountId,
      title: reminder.title,
      body: reminder.body,
      link: reminder.link,
      dueAt: isoInstant(reminder.dueAt),
      eventAt: isoInstant(reminder.eventAt),
      resurfaced: resurfaced.has(reminder.key),
    })),
    notification: shown.length === 0 ? null : notificationText(shown),
    superseded: plan.superseded.map((reminder) => reminder.key),
    nextDueAt: iso(plan.nextWakeAt),
  }
}

const shownReminder = (ctx: ServiceContext, key: string): LogRow => {
  const row = reminderLog(ctx.db).get(key)
  if (row === undefined || row.state === 'superseded') {
    throw new ApiFailure({ code: 'NOT_FOUND', message: 'No such reminder', fields: { key: 'No such reminder' } })
  }
  return row
}

export const snooze = (ctx: ServiceContext, key: string, option: SnoozeOption): ReminderInbox => {
  inTransaction(ctx, () => {
    const row = shownReminder(ctx, key)
    if (row.state === 'dismissed') {
      throw new ApiFailure({ code: 'CONFLICT', message: 'A dismissed reminder cannot be snoozed' })
    }
    const now = ctx.clock.now()
    reminderLog(ctx.db).snooze(key, snoozeUntil(option, now, deliveryPreferences(ctx)), now)
  })
  return inbox(ctx)
}

export const dismiss = (ctx: ServiceContext, key: string): ReminderInbox => {
  inTransaction(ctx, () => {
    if (shownReminder(ctx, key).state !== 'dismissed') reminderLog(ctx.db).dismiss(key, ctx.clock.now())
  })
  return inbox(ctx)
}

export const markSeen = (ctx: ServiceContext, keys: readonly string[] | undefined): ReminderInbox => {
  inTransaction(ctx, () => reminderLog(ctx.db).markSeen(keys ?? null, ctx.clock.now()))
  return inbox(ctx)
}

export const accountRules = (ctx: ServiceContext, accountId: number): AccountReminderRules => {
  requireAccount(ctx, accountId)
  const override = accountOverrides(ctx).get(accountId) ?? null
  return { accountId, override, effective: mergeRules(getSettings(ctx).reminderRules, override) }
}

export const setAccountRules = (
  ctx: ServiceContext,
  accountId: number,
  rules: ReminderRulesPatch | null,
): AccountReminderRules => {
  requireAccount(ctx, accountId)
  const prepare = preparedFor(ctx.db)
  if (rules === null || Object.keys(rules).length === 0) {
    prepare('DELETE FROM reminder_account_rules WHERE account_id = ?').run(accountId)
  } else {
    prepare(
      `INSERT INTO reminder_account_rules (account_id, rules, recorded_at) VALUES (?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET rules = excluded.rules, recorded_at = excluded.recorded_at`,
    ).run(accountId, JSON.stringify(rules), ctx.clock.now())
  }
  return accountRules(ctx, accountId)
}
