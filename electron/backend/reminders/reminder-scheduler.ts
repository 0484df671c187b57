import type { NotificationText, Reminder } from '@shared/reminders/types'
import { DAY_MS } from '@shared/time/calendar'
import type { Clock } from '../clock'
import type { TickOutcome } from './reminder-delivery'
import { RENEW_MS } from './scheduler-lease'

/**
 * The reminder scheduler (issue 6 §3, DESIGN §5): sleeps until the next due time, wakes early on a poke (a ledger
 * change, power resume, start-up), and between evaluations only renews its lease. Clock, Timer and the step itself
 * are injected, so tests drive it with a fake clock through DST changes, sleeps and restarts.
 */

/** setTimeout fires at once past 2^31 − 1 ms (24.8 days): no single timer is longer than this. */
export const MAX_TIMER_MS = 20 * DAY_MS
/**
 * Ledger changes come in bursts (an import, a preset, a form saved field by field): one evaluation after the burst.
 * An evaluation replays every account (about a second at a million usage rows) in the backend's call queue, so it
 * waits for the user to pause rather than stall each edit that follows.
 */
export const POKE_DEBOUNCE_MS = 3000

export interface Timer {
  readonly set: (ms: number, run: () => void) => unknown
  readonly clear: (handle: unknown) => void
}

export const systemTimer: Timer = {
  set: (ms, run) => {
    const handle = setTimeout(run, ms)
    // The scheduler never keeps a process alive on its own (a CLI command ends when its work does).
    handle.unref()
    return handle
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export type StepMode = 'evaluate' | 'renew'

export interface SchedulerDeps {
  readonly clock: Clock
  readonly timer: Timer
  /** Run one step in the backend's call order (never inside another call's transaction). */
  readonly step: (mode: StepMode) => Promise<TickOutcome>
  readonly notify: (text: NotificationText, shown: readonly Reminder[]) => void
  readonly onError?: (error: unknown) => void
}

export interface ReminderScheduler {
  readonly start: () => void
  /** Something changed (ledger, clock after a sleep): evaluate soon. */
  readonly poke: () => void
  readonly stop: () => void
}

export const createReminderScheduler = (deps: SchedulerDeps): ReminderScheduler => {
  let handle: unknown = null
  let stopped = true
  let running = false
  let pokedWhileRunning = false
  /** When the next evaluation is due; between, steps only renew the lease. */
  let evaluateAt = 0

  const arm = (at: number) => {
    if (handle !== null) deps.timer.clear(handle)
    const delay = Math.min(Math.max(0, at - deps.clock.now()), MAX_TIMER_MS)
    handle = deps.timer.set(delay, () => {
      handle = null
      void run()
    })
  }

  const run = async (): Promise<void> => {
    if (stopped) return
    if (running) {
      pokedWhileRunning = true
      return
    }
    running = true
    const now = deps.clock.now()
    const mode: StepMode = now >= evaluateAt ? 'evaluate' : 'renew'
    let next = now + RENEW_MS
    try {
      const outcome = await deps.step(mode)
      if (!outcome.leaseHeld) {
        // Another process delivers for this file; try again when its lease could have lapsed.
        evaluateAt = 0
      } else if (mode === 'evaluate') {
        evaluateAt = outcome.nextWakeAt ?? Number.POSITIVE_INFINITY
        if (outcome.notification !== null) deps.notify(outcome.notification, outcome.shown)
      }
      next = Math.min(next, evaluateAt)
    } catch (error) {
      deps.onError?.(error)
      evaluateAt = 0
    } finally {
      running = false
    }
    if (stopped) return
    if (pokedWhileRunning) {
      pokedWhileRunning = false
      evaluateAt = 0
      next = deps.clock.now() + POKE_DEBOUNCE_MS
    }
    arm(next)
  }

  return {
    start: () => {
      if (!stopped) return
      stopped = false
      evaluateAt = 0
      arm(deps.clock.now())
    },
    poke: () => {
      if (stopped) return
      evaluateAt = 0
      if (running) pokedWhileRunning = true
      else arm(deps.clock.now() + POKE_DEBOUNCE_MS)
    },
    stop: () => {
      stopped = true
      if (handle !== null) deps.timer.clear(handle)
      handle = null
    },
  }
}
