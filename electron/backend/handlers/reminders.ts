import type { remindersMethods } from '@shared/api/methods/reminders'
import { accountRules, dismiss, dueAt, inbox, markSeen, setAccountRules, snooze } from '../reminders/reminders-service'
import { resolveAtOrNow } from '../services/instants'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/reminders.ts. */
export const remindersHandlers = {
  'reminders.inbox': (input, ctx) => inbox(ctx.services(), input ?? {}),
  'reminders.due': (input, ctx) => {
    const services = ctx.services()
    return dueAt(services, resolveAtOrNow(services, input?.at))
  },
  'reminders.snooze': (input, ctx) => snooze(ctx.services(), input.key, input.option),
  'reminders.dismiss': (input, ctx) => dismiss(ctx.services(), input.key),
  'reminders.seen': (input, ctx) => markSeen(ctx.services(), input?.keys),
  'reminders.accountRules': (input, ctx) => accountRules(ctx.services(), input.accountId),
  'reminders.setAccountRules': (input, ctx) => setAccountRules(ctx.services(), input.accountId, input.rules),
} as const satisfies Pick<Handlers, keyof typeof remindersMethods>
