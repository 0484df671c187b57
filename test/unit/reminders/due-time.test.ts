import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eventDueAt, inQuietHours, leadDueAt, outOfQuietHours } from '@shared/reminders/due-time'
import { civilFromDays, daysFromCivil } from '@shared/time/calendar'
import { toLocal } from '@shared/time/zoned'
import { iso, prefs, utc } from './fixtures'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const night = { start: '22:00', end: '07:00' }

describe('leadDueAt: the lead date at the friendly hour, DST-safe', () => {
  it.each([
    // Europe/Berlin springs forward on 2026-03-29 (02:00 CET → 03:00 CEST) and falls back on 2026-10-25.
    ['Europe/Berlin', '2026-04-04T22:00:00Z', 7, '2026-03-29T07:00:00.000Z'], // Apr 5 00:00 CEST − 7 d = Mar 29 09:00 CEST
    ['Europe/Berlin', '2026-04-04T22:00:00Z', 30, '2026-03-06T08:00:00.000Z'], // 09:00 CET
    ['Europe/Berlin', '2026-03-29T22:00:00Z', 1, '2026-03-29T07:00:00.000Z'], // on the 23-hour day itself
    ['Europe/Berlin', '2026-10-25T23:00:00Z', 1, '2026-10-25T08:00:00.000Z'], // Oct 26 00:00 CET − 1 d, 09:00 CET
    ['Europe/Berlin', '2026-10-25T23:00:00Z', 7, '2026-10-19T07:00:00.000Z'], // 09:00 CEST
    // America/New_York: 2026-03-08 (02:00 EST → 03:00 EDT) and 2026-11-01 (02:00 EDT → 01:00 EST).
    ['America/New_York', '2026-03-09T04:00:00Z', 1, '2026-03-08T13:00:00.000Z'], // 09:00 EDT
    ['America/New_York', '2026-03-09T04:00:00Z', 7, '2026-03-02T14:00:00.000Z'], // 09:00 EST
    ['America/New_York', '2026-11-02T05:00:00Z', 1, '2026-11-01T14:00:00.000Z'], // 09:00 EST
    ['America/New_York', '2026-11-02T05:00:00Z', 7, '2026-10-26T13:00:00.000Z'], // 09:00 EDT
    // The local date of the event counts, not its UTC date: Dec 1 00:00Z is Nov 30 19:00 in New York.
    ['America/New_York', '2026-12-01T00:00:00Z', 1, '2026-11-29T14:00:00.000Z'],
    ['UTC', '2026-12-01T00:00:00Z', 30, '2026-11-01T09:00:00.000Z'],
  ])('%s: event %s, %i days before → %s', (zone, eventAt, lead, due) => {
    expect(iso(leadDueAt(utc(eventAt), lead, prefs(zone)))).toBe(due)
  })

  it('an hour skipped by spring-forward moves forward by the gap; a repeated hour takes the first', () => {
    const berlinAt2 = prefs('Europe/Berlin', { hour: 2 })
    expect(iso(leadDueAt(utc('2026-03-29T22:00:00Z'), 1, berlinAt2))).toBe('2026-03-29T01:00:00.000Z') // 03:00 CEST
    expect(iso(leadDueAt(utc('2026-10-25T23:00:00Z'), 1, berlinAt2))).toBe('2026-10-25T00:00:00.000Z') // first 02:00
  })

  it('is never after the event: a lead of 0 with the hour already past falls back to the day before', () => {
    expect(iso(leadDueAt(utc('2026-12-01T15:00:00Z'), 0, prefs()))).toBe('2026-12-01T09:00:00.000Z')
    expect(iso(leadDueAt(utc('2026-12-01T08:00:00Z'), 0, prefs()))).toBe('2026-11-30T09:00:00.000Z')
  })

  it('moves out of quiet hours, stepping back a day when the quiet end would be after the event', () => {
    const lateHour = prefs('UTC', { hour: 23, quietHours: night })
    // Nov 30 23:00 is quiet and its end (Dec 1 07:00) is after the midnight expiry: Nov 29 23:00 → Nov 30 07:00.
    expect(iso(leadDueAt(utc('2026-12-01T00:00:00Z'), 1, lateHour))).toBe('2026-11-30T07:00:00.000Z')
    // An expiry at noon leaves room: Nov 30 23:00 → Dec 1 07:00, still before the expiry.
    expect(iso(leadDueAt(utc('2026-12-01T12:00:00Z'), 1, lateHour))).toBe('2026-12-01T07:00:00.000Z')
  })

  it('refuses a negative or fractional lead', () => {
    expect(() => leadDueAt(0, -1, prefs())).toThrow(RangeError)
    expect(() => leadDueAt(0, 1.5, prefs())).toThrow(RangeError)
  })

  const zones = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'UTC')
  const instant2026 = fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2026-12-31T00:00:00Z') })

  it('lands on the local date lead days before the event at the friendly hour (property)', () => {
    // Hours 4–23: no zone here changes its clocks then, so the wall time is exactly the hour.
    fc.assert(
      fc.property(
        zones,
        instant2026,
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 4, max: 23 }),
        (zone, at, lead, hour) => {
          const due = leadDueAt(at, lead, prefs(zone, { hour }))
          const event = toLocal(at, zone)
          const local = toLocal(due, zone)
          expect(civilFromDays(daysFromCivil(event.year, event.month, event.day) - lead)).toEqual({
            year: local.year,
            month: local.month,
            day: local.day,
          })
          expect([local.hour, local.minute, local.second, local.millisecond]).toEqual([hour, 0, 0, 0])
          expect(due).toBeLessThanOrEqual(at)
        },
      ),
      { numRuns },
    )
  })

  it('with quiet hours is never after the event and never inside them (property)', () => {
    fc.assert(
      fc.property(
        zones,
        instant2026,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1439 }),
        (zone, at, lead, hour, start, length) => {
          const clock = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
          const p = prefs(zone, { hour, quietHours: { start: clock(start), end: clock((start + length) % 1440) } })
          const due = leadDueAt(at, lead, p)
          expect(due).toBeLessThanOrEqual(at)
          expect(inQuietHours(due, p)).toBe(false)
        },
      ),
      { numRuns },
    )
  })
})

describe('quiet hours', () => {
  const berlinNights = prefs('Europe/Berlin', { quietHours: night })

  it.each([
    ['21:59:59.999 is not quiet', '2026-06-10T19:59:59.999Z', '2026-06-10T19:59:59.999Z'],
    ['22:00 is quiet until 07:00 the next morning', '2026-06-10T20:00:00Z', '2026-06-11T05:00:00.000Z'],
    ['03:00 is quiet until 07:00 the same morning', '2026-06-11T01:00:00Z', '2026-06-11T05:00:00.000Z'],
    ['07:00 is no longer quiet', '2026-06-11T05:00:00Z', '2026-06-11T05:00:00.000Z'],
    ['noon is not quiet', '2026-06-11T10:00:00Z', '2026-06-11T10:00:00.000Z'],
    // The spring-forward night is an hour shorter: 23:30 CET → 07:00 CEST, 6.5 h later, not 7.5.
    ['23:30 before spring-forward', '2026-03-28T22:30:00Z', '2026-03-29T05:00:00.000Z'],
    // The fall-back night is an hour longer: 23:00 CEST → 07:00 CET, 9 h later.
    ['23:00 before fall-back', '2026-10-24T21:00:00Z', '2026-10-25T06:00:00.000Z'],
  ])('Berlin 22:00–07:00: %s', (_, at, out) => {
    expect(iso(outOfQuietHours(utc(at), berlinNights))).toBe(out)
  })

  it('in New York across both DST changes', () => {
    const p = prefs('America/New_York', { quietHours: night })
    expect(iso(outOfQuietHours(utc('2026-03-08T03:30:00Z'), p))).toBe('2026-03-08T11:00:00.000Z') // 07:00 EDT
    expect(iso(outOfQuietHours(utc('2026-11-01T03:30:00Z'), p))).toBe('2026-11-01T12:00:00.000Z') // 07:00 EST
  })

  it('an end skipped by spring-forward ends at the first instant after the gap', () => {
    // Quiet until 02:30; on 2026-03-29 Berlin jumps from 02:00 CET to 03:00 CEST (01:00Z), and 03:00 is past 02:30.
    const p = prefs('Europe/Berlin', { quietHours: { start: '22:00', end: '02:30' } })
    expect(iso(outOfQuietHours(utc('2026-03-29T00:30:00Z'), p))).toBe('2026-03-29T01:00:00.000Z')
    expect(inQuietHours(utc('2026-03-29T00:59:59.999Z'), p)).toBe(true)
    expect(inQuietHours(utc('2026-03-29T01:00:00Z'), p)).toBe(false)
  })

  it('an end in the repeated hour of fall-back is the next 02:30 after the instant', () => {
    const p = prefs('Europe/Berlin', { quietHours: { start: '22:00', end: '02:30' } })
    // 02:10 CEST (first pass) → 02:30 CEST; 02:10 CET (second pass, quiet again by the clock) → 02:30 CET.
    expect(iso(outOfQuietHours(utc('2026-10-25T00:10:00Z'), p))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(outOfQuietHours(utc('2026-10-25T01:10:00Z'), p))).toBe('2026-10-25T01:30:00.000Z')
  })

  it('a night whose only free minutes a spring-forward gap skips ends the next night', () => {
    // Free only 02:00–02:03; on 2026-03-29 Berlin has no 02:00–03:00, so 03:00 CEST is already quiet again.
    const p = prefs('Europe/Berlin', { quietHours: { start: '02:03', end: '02:00' } })
    expect(iso(outOfQuietHours(utc('2026-03-28T12:00:00Z'), p))).toBe('2026-03-30T00:00:00.000Z') // Mar 30 02:00 CEST
  })

  it('quiet hours within a day (12:00–13:00) do not wrap', () => {
    const p = prefs('UTC', { quietHours: { start: '12:00', end: '13:00' } })
    expect(iso(outOfQuietHours(utc('2026-06-10T12:59:00Z'), p))).toBe('2026-06-10T13:00:00.000Z')
    expect(iso(outOfQuietHours(utc('2026-06-10T23:00:00Z'), p))).toBe('2026-06-10T23:00:00.000Z')
  })

  it('events are due at once, or when the quiet hours they happened in end', () => {
    expect(iso(eventDueAt(utc('2026-06-10T15:00:00Z'), berlinNights))).toBe('2026-06-10T15:00:00.000Z')
    expect(iso(eventDueAt(utc('2026-06-10T21:15:00Z'), berlinNights))).toBe('2026-06-11T05:00:00.000Z')
    expect(iso(eventDueAt(utc('2026-06-10T21:15:00Z'), prefs('Europe/Berlin')))).toBe('2026-06-10T21:15:00.000Z')
  })

  it('refuses malformed quiet hours instead of ignoring them', () => {
    expect(() => outOfQuietHours(0, prefs('UTC', { quietHours: { start: '22:00', end: '22:00' } }))).toThrow(RangeError)
    expect(() => outOfQuietHours(0, prefs('UTC', { quietHours: { start: '25:00', end: '07:00' } }))).toThrow(RangeError)
  })

  it('ends at the earliest instant outside quiet hours (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'),
        fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2026-12-31T00:00:00Z') }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1439 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, at, start, length, fraction) => {
          const clock = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
          const p = prefs(zone, { quietHours: { start: clock(start), end: clock((start + length) % 1440) } })
          const out = outOfQuietHours(at, p)
          expect(out).toBeGreaterThanOrEqual(at)
          expect(inQuietHours(out, p)).toBe(false)
          expect(out - at).toBeLessThanOrEqual(49 * 3_600_000)
          if (out > at) {
            // Everything from `at` up to the end is quiet: nothing earlier would have done.
            expect(inQuietHours(at, p)).toBe(true)
            expect(inQuietHours(out - 1, p)).toBe(true)
            expect(inQuietHours(at + Math.floor((out - at) * fraction * 0.999), p)).toBe(true)
          }
        },
      ),
      { numRuns },
    )
  })
})
