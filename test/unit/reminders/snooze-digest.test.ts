import { describe, expect, it } from 'vitest'
import { DIGEST_LINES, notificationText } from '@shared/reminders/digest'
import { snoozeUntil } from '@shared/reminders/snooze'
import type { SnoozeOption } from '@shared/reminders/types'
import { iso, prefs, reminder, utc } from './fixtures'

describe('snoozeUntil', () => {
  it.each<[string, SnoozeOption, string, string]>([
    // 1 hour is elapsed time, even across the spring-forward gap (01:30 CET → 03:30 CEST).
    ['Europe/Berlin', 'hour', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00.000Z'],
    // Tomorrow at 09:00 local: 12 h after 20:00 on the short night, 14 h after it on the long one.
    ['Europe/Berlin', 'tomorrow', '2026-03-28T19:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['Europe/Berlin', 'tomorrow', '2026-10-24T18:00:00Z', '2026-10-25T08:00:00.000Z'],
    ['America/New_York', 'tomorrow', '2026-03-08T01:00:00Z', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', 'tomorrow', '2026-11-01T00:00:00Z', '2026-11-01T14:00:00.000Z'],
    // Tomorrow is the next local date, even right after midnight.
    ['UTC', 'tomorrow', '2026-06-10T00:30:00Z', '2026-06-11T09:00:00.000Z'],
    // A week is the same wall time 7 calendar days later: 167 h across spring-forward, 169 h across fall-back.
    ['Europe/Berlin', 'week', '2026-03-25T09:15:00Z', '2026-04-01T08:15:00.000Z'],
    ['America/New_York', 'week', '2026-10-28T14:15:00Z', '2026-11-04T15:15:00.000Z'],
  ])('%s: %s from %s → %s', (zone, option, now, until) => {
    expect(iso(snoozeUntil(option, utc(now), prefs(zone)))).toBe(until)
  })

  it('never ends inside quiet hours', () => {
    const p = prefs('Europe/Berlin', { hour: 6, quietHours: { start: '22:00', end: '07:00' } })
    // 21:30 + 1 h = 22:30, quiet → 07:00; tomorrow at 06:00 → 07:00; a week from 06:30 (quiet) → 07:00.
    expect(iso(snoozeUntil('hour', utc('2026-06-10T19:30:00Z'), p))).toBe('2026-06-11T05:00:00.000Z')
    expect(iso(snoozeUntil('tomorrow', utc('2026-06-10T12:00:00Z'), p))).toBe('2026-06-11T05:00:00.000Z')
    expect(iso(snoozeUntil('week', utc('2026-06-10T04:30:00Z'), p))).toBe('2026-06-17T05:00:00.000Z')
  })
})

describe('notificationText', () => {
  const at = utc('2026-06-10T12:00:00Z')

  it('shows a single reminder as it is, linking where it is about', () => {
    const one = reminder('a', at, { link: { view: 'lot', accountId: 1, lotId: 'L2' } })
    expect(notificationText([one])).toEqual({
      title: 'title a',
      body: 'body a',
      link: { view: 'lot', accountId: 1, lotId: 'L2' },
    })
  })

  it('lists several by urgency (soonest deadline, events first) and opens the inbox', () => {
    const text = notificationText([
      reminder('renews-friday', at, { staleAt: at + 5e8 }),
      reminder('expires-tonight', at, { staleAt: at + 1e7 }),
      reminder('went-negative', at - 1e7, { kind: 'negative_balance' }),
    ])
    expect(text).toEqual({
      title: '3 credit reminders',
      body: 'title went-negative\ntitle expires-tonight\ntitle renews-friday',
      link: { view: 'inbox' },
    })
  })

  it(`stops after ${DIGEST_LINES} lines and counts the rest`, () => {
    const many = Array.from({ length: 9 }, (_, i) => reminder(`r${i}`, at, { staleAt: at + i }))
    expect(notificationText(many).body).toBe('title r0\ntitle r1\ntitle r2\nand 6 more')
    expect(notificationText(many.slice(0, 4)).body).toBe('title r0\ntitle r1\ntitle r2\ntitle r3')
    expect(notificationText(many.slice(0, 5)).title).toBe('5 credit reminders')
  })

  it('refuses an empty list: there is nothing to show', () => {
    expect(() => notificationText([])).toThrow(RangeError)
  })
})
