import type { DueReminder, DueReport, ReminderEntry, ReminderInbox } from '@shared/api/types/reminders'
import type { Command } from '../../command'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { present, VIEW_FLAGS, when } from '../views/format'

/**
 * `reminders due [--at ISO]`: what would fire at an instant, without sending or recording anything (issue 6 §7);
 * `reminders log`: every reminder shown, with what happened to it.
 */

const dueLines = (report: DueReport): string[] => {
  const head =
    report.due.length === 0
      ? [`Nothing is due at ${when(report.at)}.`]
      : [
          `Due at ${when(report.at)}: ${report.due.length} reminder${report.due.length === 1 ? '' : 's'}` +
            (report.notification !== null && report.due.length > 1
              ? ` (one notification: ${report.notification.title})`
              : ''),
          ...table<DueReminder>(
            [
              { header: 'DUE', cell: (r) => when(r.dueAt) },
              { header: 'KIND', cell: (r) => (r.resurfaced ? `${r.kind} (snoozed)` : r.kind) },
              { header: 'REMINDER', cell: (r) => r.title },
            ],
            report.due,
          ),
        ]
  return [...head, `Next due: ${report.nextDueAt === null ? 'nothing scheduled' : when(report.nextDueAt)}`]
}

const logLines = (inbox: ReminderInbox): string[] =>
  inbox.items.length === 0
    ? ['No reminder has been shown yet.']
    : [
        `${inbox.items.length} reminder${inbox.items.length === 1 ? '' : 's'}, ${inbox.unseen} unseen`,
        ...table<ReminderEntry>(
          [
            { header: 'SHOWN', cell: (r) => when(r.firedAt) },
            {
              header: 'STATE',
              cell: (r) => (r.state === 'snoozed' ? `snoozed until ${when(r.snoozedUntil)}` : r.state),
            },
            { header: 'KIND', cell: (r) => r.kind },
            { header: 'REMINDER', cell: (r) => r.title },
          ],
          inbox.items,
        ),
      ]

const dueCommand = defineCommand({
  summary: 'What reminders would fire at an instant (default now), without sending or recording anything',
  synopsis: '[--at ISO]',
  options: { at: { type: 'string', value: 'ISO', description: 'The instant to look at (default now)' } },
  run: (context, values) =>
    callAndRespond(context, 'reminders due', 'reminders.due', present({ at: values.at }), {
      flags: VIEW_FLAGS,
      human: dueLines,
    }),
})

const logCommand = defineCommand({
  summary: 'Every reminder shown, newest first: fired, snoozed, dismissed, and the history of each (--json)',
  synopsis: '[--limit N] [--all]',
  options: {
    limit: { type: 'string', value: 'N', description: 'At most N reminders (default 200)' },
    all: { type: 'boolean', description: 'Also those never shown (a more urgent one of the same thing was)' },
  },
  run: (context, values) => {
    const limit = values.limit === undefined ? undefined : Number(values.limit)
    return callAndRespond(
      context,
      'reminders log',
      'reminders.inbox',
      { ...(limit === undefined ? {} : { limit }), ...(values.all === true ? { includeSuperseded: true } : {}) },
      { flags: { limit: '--limit' }, human: logLines },
    )
  },
})

export const REMINDER_COMMANDS: Readonly<Record<string, Command>> = {
  'reminders due': dueCommand,
  'reminders log': logCommand,
}
