import { randomUUID } from 'node:crypto'
import type { Backend } from '../backend'
import { systemClock } from '../clock'
import { createReminderScheduler, systemTimer } from './reminder-scheduler'
import type { TickOutcome } from './reminder-delivery'

/**
 * The reminder scheduler of a long-running backend (the app's worker, serve): its steps run in the backend's call
 * queue, a ledger change pokes it, and what it delivers goes out as the `reminders.fired` push event, which the
 * Electron main process turns into a native notification and serve into a browser one.
 */
export const startReminders = (
  backend: Backend,
  enqueue: (work: () => TickOutcome) => Promise<TickOutcome>,
): { readonly wake: () => void; readonly stop: () => void } => {
  const holder = `${process.pid}:${randomUUID()}`
  const scheduler = createReminderScheduler({
    clock: systemClock,
    timer: systemTimer,
    step: (mode) => enqueue(() => backend.reminderStep(mode, holder)),
    notify: (text, shown) =>
      backend.emit('reminders.fired', {
        title: text.title,
        body: text.body,
        link: text.link,
        keys: shown.map((r) => r.key),
      }),
    onError: (error) => {
      process.stderr.write(`reminders: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    },
  })
  const unsubscribe = backend.onEvent((name) => {
    if (name === 'ledger.changed') scheduler.poke()
  })
  scheduler.start()
  return {
    wake: () => scheduler.poke(),
    stop: () => {
      unsubscribe()
      scheduler.stop()
      backend.releaseReminders(holder)
    },
  }
}
