import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { reminderRulesPatch } from '../../reminders/rules'
import { mutation, query, type MethodSpec } from '../define'
import { instantText } from '../fields'
import type { AccountReminderRules, DueReport, ReminderInbox } from '../types/reminders'

/**
 * Reminders (issue 6): the inbox with every reminder's history, what is due at an instant, snooze, dismiss and
 * "seen", and per-account rules (global rules, hour and quiet hours are settings). Acting on a reminder is not a
 * ledger change: no undoable batch (`false`). Changing an account's rules is one, like any setting.
 */

const key = z
  .string({ error: 'Reminder key is required' })
  .trim()
  .min(1, 'Reminder key is required')
  .max(500, 'Unknown reminder')

export const remindersMethods = {
  'reminders.inbox': query<ReminderInbox>()(
    z
      .strictObject({
        limit: z.number().int().min(1, 'Limit is at least 1').max(1000, 'Limit is at most 1000').optional(),
        includeSuperseded: z.boolean().optional(),
      })
      .optional(),
    'Reminders shown (newest first) with their history, and how many are unseen',
  ),
  'reminders.due': query<DueReport>()(
    z.strictObject({ at: instantText('Instant').optional() }).optional(),
    'What would fire at an instant (default now), without sending or recording anything',
  ),
  'reminders.snooze': mutation<ReminderInbox>()(
    z.strictObject({
      key,
      option: z.enum(['hour', 'tomorrow', 'week'], { error: 'Snooze for an hour, until tomorrow or for a week' }),
    }),
    'Snooze a shown reminder: 1 hour, tomorrow at the reminder hour, or 1 week',
    false,
  ),
  'reminders.dismiss': mutation<ReminderInbox>()(
    z.strictObject({ key }),
    'Dismiss a reminder (it never comes back)',
    false,
  ),
  'reminders.seen': mutation<ReminderInbox>()(
    z.strictObject({ keys: z.array(key).max(1000).optional() }).optional(),
    'Mark shown reminders seen (all when no keys are given): the badge counts the others',
    false,
  ),
  'reminders.accountRules': query<AccountReminderRules>()(
    z.strictObject({ accountId: id }),
    "An account's reminder rules: its own settings and the rules in effect",
  ),
  'reminders.setAccountRules': mutation<AccountReminderRules>()(
    z.strictObject({ accountId: id, rules: reminderRulesPatch.nullable() }),
    "Set an account's own reminder rules over the global ones (null: follow the global rules)",
  ),
} as const satisfies Record<string, MethodSpec>
