import { notificationText } from '@shared/reminders/digest'
import { evaluateAll } from '@shared/reminders/evaluate'
import { planDelivery } from '@shared/reminders/plan'
import type { DeliveryPlan, NotificationText, Reminder } from '@shared/reminders/types'
import { DAY_MS } from '@shared/time/calendar'
import { inTransaction, type ServiceContext } from '../services/context'
import { deliveryPreferences, reminderInputs } from './reminder-inputs'
import { reminderLog } from './reminder-log'
import { holdLease } from './scheduler-lease'

/**
 * One scheduler step (issue 6 §3), in one write transaction: hold the lease, evaluate every account's reminders at
 * now, plan against the log, and claim what is to be shown BEFORE it is shown — a crash after this commits shows
 * nothing twice (at most once: the inbox still lists it). Answers the notification text and when to wake next.
 */

/**
 * Events (a threshold crossed, a negative balance, drift…) older than this are history, not news: importing a year of
 * exports must not replay a year of alerts. Within it they are shown, late, once — a laptop asleep for days included.
 */
export const EVENT_CATCH_UP_MS = 7 * DAY_MS

export interface TickOutcome {
  readonly leaseHeld: boolean
  /** Shown now: one reminder as it is, several as one digest; null when nothing is due. */
  readonly notification: NotificationText | null
  readonly shown: readonly Reminder[]
  readonly nextWakeAt: number | null
}

/** What would be shown at `at` (without claiming anything): the plan against the log. */
export const planAt = (ctx: ServiceContext, at: number): DeliveryPlan => {
  const reminders = evaluateAll(reminderInputs(ctx, at), deliveryPreferences(ctx))
  return planDelivery({
    reminders,
    log: reminderLog(ctx.db).states(),
    now: at,
    eventsSince: at - EVENT_CATCH_UP_MS,
  })
}

export const deliverDue = (ctx: ServiceContext, holder: string): TickOutcome =>
  inTransaction(ctx, () => {
    const now = ctx.clock.now()
    if (!holdLease(ctx.db, holder, now)) return { leaseHeld: false, notification: null, shown: [], nextWakeAt: null }
    const plan = planAt(ctx, now)
    const log = reminderLog(ctx.db)
    const shown: Reminder[] = []
    for (const reminder of plan.deliver) if (log.claim(reminder, 'fired', now)) shown.push(reminder)
    for (const reminder of plan.resurfaced) if (log.resurface(reminder.key, now)) shown.push(reminder)
    for (const reminder of plan.superseded) {
      if (log.get(reminder.key) === undefined) log.claim(reminder, 'superseded', now)
      else log.supersede(reminder.key, now)
    }
    const snoozeEnd = log.nextSnoozeEnd()
    const wakes = [plan.nextWakeAt, snoozeEnd].filter((at): at is number => at !== null && at > now)
    return {
      leaseHeld: true,
      notification: shown.length === 0 ? null : notificationText(shown),
      shown,
      nextWakeAt: wakes.length === 0 ? null : Math.min(...wakes),
    }
  })
