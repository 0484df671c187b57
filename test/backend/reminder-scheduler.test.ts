import { describe, expect, it } from 'vitest'
import type { TickOutcome } from '../../electron/backend/reminders/reminder-delivery'
import {
  createReminderScheduler,
  POKE_DEBOUNCE_MS,
  type StepMode,
  type Timer,
} from '../../electron/backend/reminders/reminder-scheduler'
import { RENEW_MS } from '../../electron/backend/reminders/scheduler-lease'
import { fakeClock } from './helpers'

/** The scheduler's timing (issue 6 §3) with a fake clock and timer: when it evaluates, renews, retries and stops. */

const fakeTimer = () => {
  const pending: { at: number; run: () => void; id: number }[] = []
  let next = 1
  const timer: Timer = {
    set: (ms, run) => {
      const id = next++
      pending.push({ at: ms, run, id })
      return id
    },
    clear: (handle) => {
      const index = pending.findIndex((entry) => entry.id === handle)
      if (index >= 0) pending.splice(index, 1)
    },
  }
  return { timer, pending }
}

const outcome = (fields: Partial<TickOutcome> = {}): TickOutcome => ({
  leaseHeld: true,
  notification: null,
  shown: [],
  nextWakeAt: null,
  ...fields,
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const setup = (answer: (mode: StepMode, now: number) => TickOutcome) => {
  const clock = fakeClock(Date.UTC(2026, 10, 22, 9))
  const { timer, pending } = fakeTimer()
  const steps: { mode: StepMode; at: number }[] = []
  const notes: string[] = []
  const scheduler = createReminderScheduler({
    clock,
    timer,
    step: (mode) => {
      steps.push({ mode, at: clock.now() })
      return Promise.resolve(answer(mode, clock.now()))
    },
    notify: (text) => notes.push(text.title),
  })
  /** Let the clock run to the only pending timer and fire it. */
  const fire = async () => {
    const [entry] = pending.splice(0, 1)
    if (entry === undefined) throw new Error('nothing is scheduled')
    clock.advance(entry.at)
    entry.run()
    await flush()
  }
  return { clock, pending, steps, notes, scheduler, fire }
}

describe('the reminder scheduler', () => {
  it('evaluates at start, renews its lease in between, and evaluates again when the next reminder is due', async () => {
    const start = Date.UTC(2026, 10, 22, 9)
    const due = start + 3 * RENEW_MS + 5_000
    const { steps, notes, scheduler, fire, pending } = setup((mode, now) =>
      mode === 'evaluate' && now >= due
        ? outcome({ notification: { title: 'Credits expire', body: '', link: { view: 'inbox' } } })
        : outcome({ nextWakeAt: due }),
    )
    scheduler.start()
    for (let i = 0; i < 5; i += 1) await fire()
    expect(steps.map((s) => s.mode)).toEqual(['evaluate', 'renew', 'renew', 'renew', 'evaluate'])
    expect(steps[4]?.at).toBe(due)
    expect(notes).toEqual(['Credits expire'])
    // No timer is ever longer than the renew interval (far below setTimeout's 24.8-day limit).
    expect(pending.every((entry) => entry.at <= RENEW_MS)).toBe(true)
    scheduler.stop()
    expect(pending).toEqual([])
  })

  it('a poke (ledger change, resume) evaluates after a short debounce, however far the next due time is', async () => {
    const { steps, scheduler, fire, pending } = setup(() => outcome({ nextWakeAt: null }))
    scheduler.start()
    await fire()
    scheduler.poke()
    scheduler.poke()
    expect(pending).toHaveLength(1)
    expect(pending[0]?.at).toBe(POKE_DEBOUNCE_MS)
    await fire()
    expect(steps.map((s) => s.mode)).toEqual(['evaluate', 'evaluate'])
  })

  it('without the lease it keeps asking, evaluating once it gets it; a failing step is retried', async () => {
    let calls = 0
    const { steps, scheduler, fire } = setup(() => {
      calls += 1
      if (calls === 2) throw new Error('disk full')
      return outcome({ leaseHeld: calls > 3 })
    })
    scheduler.start()
    for (let i = 0; i < 4; i += 1) await fire()
    expect(steps.map((s) => s.mode)).toEqual(['evaluate', 'evaluate', 'evaluate', 'evaluate'])
  })
})
