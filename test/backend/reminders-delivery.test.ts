import { describe, expect, it } from 'vitest'
import type { ReminderInbox } from '@shared/api/types/reminders'
import { DEFAULT_REMINDER_RULES } from '@shared/reminders/rules'
import { DAY_MS } from '@shared/time/calendar'
import { openTestBackend } from './helpers'
import { at, ledgerFixture, minor, monthlyPlan } from './ledger-fixtures'

/**
 * Reminders against a real ledger (issue 6 §1–3): what is due comes from the replay and the forecast, each key is
 * claimed before it is shown and never shown again — across steps, restarts and a second process on the file.
 */

const HOUR = 3_600_000

/** Credits bought Dec 15 2025 10:00Z that expire a year later; reminders at 09:00 Berlin (08:00Z in winter). */
const expiringCredits = async () => {
  const fixture = await ledgerFixture(at('2026-11-22T09:00:00Z'))
  await fixture.call('settings.set', { timeZone: 'Europe/Berlin', reminderHour: 9 })
  const account = await fixture.account({ name: 'API' })
  const lot = fixture.lot(account, {
    amount: minor('50'),
    effectiveAt: at('2025-12-15T10:00:00Z'),
    cost: { amount: minor('50'), currency: 'USD' },
    expiry: { kind: 'at', at: at('2026-12-15T10:00:00Z') },
  })
  const step = (holder = 'app') => fixture.backend.reminderStep('evaluate', holder)
  return { ...fixture, account, lot, step }
}

describe('reminder delivery', () => {
  it('shows an expiry with what will be left and its worth, at the reminder hour, and never twice', async () => {
    const { step, clock } = await expiringCredits()
    // The 30-day lead (Nov 15 09:00 Berlin) has passed: caught up now, once.
    const first = step()
    expect(first.notification?.title).toMatch(/expire/i)
    expect(first.notification?.body).toContain('50.00 USD')
    expect(first.notification?.body).toContain('Dec 15, 2026')
    expect(first.shown.map((r) => r.key)).toEqual([expect.stringMatching(/^expiry:A\d+:L\d+:30:/)])
    expect(step().notification).toBeNull()
    // The next one is the 7-day lead: Dec 8 09:00 Berlin = 08:00Z, and that is when it wakes.
    expect(first.nextWakeAt).toBe(at('2026-12-08T08:00:00Z'))
    clock.advance(at('2026-12-08T08:00:00Z') - 1 - clock.now())
    expect(step().notification).toBeNull()
    clock.advance(1)
    expect(step().shown.map((r) => r.key)).toEqual([expect.stringMatching(/:7:/)])
  })

  it('a restart (another holder after the lease was released) shows nothing that was shown before', async () => {
    const { step, backend } = await expiringCredits()
    expect(step('first').shown).toHaveLength(1)
    backend.releaseReminders('first')
    expect(step('second').shown).toEqual([])
    const inbox = (await backend.dispatch('reminders.inbox', {})) as { ok: true; value: ReminderInbox }
    expect(inbox.value.items).toHaveLength(1)
    expect(inbox.value.unseen).toBe(1)
  })

  it('while one process holds the lease, another on the same file delivers nothing', async () => {
    const { step, ctx, clock } = await expiringCredits()
    const other = await openTestBackend(ctx.dbPath, clock)
    expect(other.reminderStep('evaluate', 'serve').leaseHeld).toBe(true)
    expect(step('app')).toMatchObject({ leaseHeld: false, shown: [] })
    // The holder died without releasing: after the lease lapses the other takes over (and shows nothing twice).
    clock.advance(6 * 60_000)
    expect(step('app')).toMatchObject({ leaseHeld: true, shown: [] })
  })

  it('an edited expiry re-arms its reminders', async () => {
    const { step, call, lot, clock } = await expiringCredits()
    expect(step().shown).toHaveLength(1)
    await call('lots.changeExpiry', { id: lot, expiresAt: '2027-01-20T10:00:00Z' })
    // Jan 20 − 30 days = Dec 21 09:00 Berlin.
    const moved = step()
    expect(moved.shown).toEqual([])
    expect(moved.nextWakeAt).toBe(at('2026-12-21T08:00:00Z'))
    clock.advance(at('2026-12-21T08:00:00Z') - clock.now())
    expect(step().notification?.body).toContain('Jan 20, 2027')
  })

  it('no expiry reminder when the pace will use the credits first', async () => {
    const { step, usage, account } = await expiringCredits()
    // 40 used in the last 30 days: the 10 left are gone in about a week, long before Dec 15.
    usage(account, at('2026-11-10T12:00:00Z'), minor('40'))
    expect(step().shown).toEqual([])
  })

  it('a laptop asleep for days gets one digest of everything due meanwhile', async () => {
    const { step, clock, lot, account, call } = await expiringCredits()
    await call('settings.set', { reminderRules: { ...DEFAULT_REMINDER_RULES, expiryLeadDays: [7] } })
    const second = await call<{ id: number }>('accounts.add', {
      vendorId: 1,
      name: 'Team',
      unitId: 'USD',
      currency: 'USD',
      timeZone: 'UTC',
    })
    expect(lot).toBeGreaterThan(0)
    expect(account).toBeGreaterThan(0)
    await call('lots.add', {
      accountId: second.id,
      kind: 'purchase',
      amount: '20',
      effectiveAt: '2026-11-01T00:00:00Z',
      expiry: { kind: 'at', at: '2026-12-10T00:00:00Z' },
    })
    expect(step().shown).toEqual([])
    clock.advance(at('2026-12-09T12:00:00Z') - clock.now())
    const woke = step()
    expect(woke.shown).toHaveLength(2)
    expect(woke.notification?.title).toMatch(/2/)
    expect(woke.notification?.link).toEqual({ view: 'inbox' })
  })

  it('thresholds of a period fire once, the highest crossed; the next period re-arms them', async () => {
    const fixture = await ledgerFixture(at('2026-11-22T09:00:00Z'))
    const account = await fixture.account({ name: 'Plan' })
    fixture.program(account, monthlyPlan('2026-11-01T00:00:00Z', minor('100')))
    fixture.usage(account, at('2026-11-20T10:00:00Z'), minor('86'))
    const first = fixture.backend.reminderStep('evaluate', 'app')
    expect(first.shown.map((r) => r.key)).toEqual([expect.stringMatching(/^threshold:A\d+:P\d+:0:85$/)])
    expect(fixture.backend.reminderStep('evaluate', 'app').shown).toEqual([])
    fixture.clock.advance(at('2026-12-02T09:00:00Z') - fixture.clock.now())
    fixture.usage(account, at('2026-12-02T08:00:00Z'), minor('76'))
    expect(fixture.backend.reminderStep('evaluate', 'app').shown.map((r) => r.key)).toEqual([
      expect.stringMatching(/:1:75$/),
    ])
  })

  it('snooze brings it back at the chosen time; dismiss never', async () => {
    const { step, call, clock } = await expiringCredits()
    const [shown] = step().shown
    const key = shown?.key ?? ''
    const snoozed = await call<ReminderInbox>('reminders.snooze', { key, option: 'hour' })
    expect(snoozed.items[0]).toMatchObject({ key, state: 'snoozed', snoozedUntil: '2026-11-22T10:00:00.000Z' })
    clock.advance(HOUR - 1)
    expect(step().shown).toEqual([])
    clock.advance(1)
    expect(step().shown.map((r) => r.key)).toEqual([key])
    const dismissed = await call<ReminderInbox>('reminders.dismiss', { key })
    expect(dismissed.items[0]?.history.map((h) => h.action)).toEqual(['fired', 'snoozed', 'resurfaced', 'dismissed'])
    clock.advance(DAY_MS)
    expect(step().shown.map((r) => r.key)).not.toContain(key)
  })

  it('quiet hours hold an event back until they end', async () => {
    const fixture = await ledgerFixture(at('2026-11-22T23:30:00Z'))
    await fixture.call('settings.set', { timeZone: 'UTC', quietHours: { start: '22:00', end: '07:00' } })
    const account = await fixture.account({ name: 'Plan' })
    fixture.program(account, monthlyPlan('2026-11-01T00:00:00Z', minor('100')))
    fixture.usage(account, at('2026-11-22T23:00:00Z'), minor('80'))
    const quiet = fixture.backend.reminderStep('evaluate', 'app')
    expect(quiet.shown).toEqual([])
    expect(quiet.nextWakeAt).toBe(at('2026-11-23T07:00:00Z'))
    fixture.clock.advance(at('2026-11-23T07:00:00Z') - fixture.clock.now())
    expect(fixture.backend.reminderStep('evaluate', 'app').shown).toHaveLength(1)
  })
})
