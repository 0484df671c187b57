import { inTransaction, type ServiceContext } from '../services/context'
import { deliverDue, type TickOutcome } from './reminder-delivery'
import type { StepMode } from './reminder-scheduler'
import { holdLease, releaseLease } from './scheduler-lease'

/** One scheduler step against the database: renew the lease only, or evaluate and deliver (reminder-delivery.ts). */
export const reminderStep = (ctx: ServiceContext, mode: StepMode, holder: string): TickOutcome => {
  if (mode === 'evaluate') return deliverDue(ctx, holder)
  const leaseHeld = inTransaction(ctx, () => holdLease(ctx.db, holder, ctx.clock.now()))
  return { leaseHeld, notification: null, shown: [], nextWakeAt: null }
}

/** A clean shutdown hands delivery over at once instead of after the lease lapses. */
export const releaseReminders = (ctx: ServiceContext, holder: string): void => {
  inTransaction(ctx, () => releaseLease(ctx.db, holder))
}
