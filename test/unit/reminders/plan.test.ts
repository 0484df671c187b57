import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { notificationText } from '@shared/reminders/digest'
import { evaluateAll } from '@shared/reminders/evaluate'
import { planDelivery, type PlanInput } from '@shared/reminders/plan'
import { REMINDER_KINDS, type Reminder, type ReminderLogState } from '@shared/reminders/types'
import { account, credits, iso, prefs, reminder, usd, utc } from './fixtures'

const numRuns = Number(process.env.FC_RUNS ?? 100)
const HOUR = 3_600_000
const NOW = utc('2026-06-10T12:00:00Z')
const keys = (list: readonly Reminder[]) => list.map((r) => r.key)
const plan = (reminders: Reminder[], log: [string, ReminderLogState][] = [], extra: Partial<PlanInput> = {}) =>
  planDelivery({ reminders, log: new Map(log), now: NOW, eventsSince: 0, ...extra })

describe('planDelivery', () => {
  it('delivers what is due, sorted by due time then key, and wakes for the earliest pending', () => {
    const result = plan([
      reminder('b', NOW - HOUR),
      reminder('a', NOW - HOUR),
      reminder('c', NOW),
      reminder('later', NOW + 5 * HOUR),
      reminder('soon', NOW + 2 * HOUR),
    ])
    expect(keys(result.deliver)).toEqual(['a', 'b', 'c'])
    expect(result.superseded).toEqual([])
    expect(iso(result.nextWakeAt)).toBe('2026-06-10T14:00:00.000Z')
  })

  it('has nothing to wake for when nothing is pending', () => {
    expect(plan([reminder('a', NOW - HOUR)], [['a', { state: 'fired', at: NOW - HOUR }]])).toEqual({
      deliver: [],
      resurfaced: [],
      superseded: [],
      nextWakeAt: null,
    })
  })

  it.each(['fired', 'superseded', 'dismissed'] as const)('never shows a key the log has as %s again', (state) => {
    expect(plan([reminder('a', NOW - HOUR)], [['a', { state, at: NOW - HOUR }]]).deliver).toEqual([])
  })

  it('supersedes what went stale before it could be shown (the expiry passed while the laptop was closed)', () => {
    const stale = reminder('expired', NOW - 3 * 24 * HOUR, { staleAt: NOW - HOUR })
    const result = plan([stale, reminder('fresh', NOW - HOUR, { staleAt: NOW + HOUR })])
    expect(keys(result.deliver)).toEqual(['fresh'])
    expect(keys(result.superseded)).toEqual(['expired'])
  })

  it('does not wake for a reminder that will be stale when it comes due', () => {
    expect(plan([reminder('a', NOW + 2 * HOUR, { staleAt: NOW + HOUR })]).nextWakeAt).toBeNull()
  })

  it('supersedes events from before eventsSince (imported history), not date reminders', () => {
    const old = NOW - 30 * 24 * HOUR
    const result = plan(
      [
        reminder('old-threshold', old, { kind: 'threshold' }),
        reminder('old-negative', old, { kind: 'negative_balance' }),
        reminder('new-drift', NOW - HOUR, { kind: 'drift' }),
        reminder('renewal', old, { kind: 'renewal', staleAt: NOW + HOUR }),
      ],
      [],
      { eventsSince: NOW - 24 * HOUR },
    )
    expect(keys(result.deliver)).toEqual(['renewal', 'new-drift'])
    expect(keys(result.superseded)).toEqual(['old-negative', 'old-threshold'])
  })

  it('shows only the most urgent of a group due together', () => {
    const group = { group: 'expiry:A1:L1:x', staleAt: NOW + 20 * HOUR }
    const result = plan([
      reminder('lead-30', NOW - 29 * 24 * HOUR, { ...group, rank: 30 }),
      reminder('lead-7', NOW - 6 * 24 * HOUR, { ...group, rank: 7 }),
      reminder('lead-1', NOW - 4 * HOUR, { ...group, rank: 1 }),
    ])
    expect(keys(result.deliver)).toEqual(['lead-1'])
    expect(keys(result.superseded)).toEqual(['lead-30', 'lead-7'])
  })

  it('supersedes a reminder whose group already showed one at least as urgent', () => {
    const group = { group: 'threshold:A1:P1:3' }
    const result = plan(
      [reminder('p100', NOW - 2 * HOUR, { ...group, rank: 0 }), reminder('p90', NOW - HOUR, { ...group, rank: 10 })],
      [['p100', { state: 'fired', at: NOW - 2 * HOUR }]],
    )
    expect(result.deliver).toEqual([])
    expect(keys(result.superseded)).toEqual(['p90'])
  })

  describe('snoozed reminders', () => {
    const snoozed = (until: number): ReminderLogState => ({ state: 'snoozed', at: NOW - 2 * HOUR, until })

    it('wait for their snooze to end, which wakes the scheduler', () => {
      const result = plan([reminder('a', NOW - 3 * HOUR), reminder('b', NOW + 9 * HOUR)], [['a', snoozed(NOW + HOUR)]])
      expect(result.deliver).toEqual([])
      expect(result.resurfaced).toEqual([])
      expect(iso(result.nextWakeAt)).toBe('2026-06-10T13:00:00.000Z')
    })

    it('resurface once it has ended', () => {
      const result = plan([reminder('a', NOW - 3 * HOUR)], [['a', snoozed(NOW)]])
      expect(keys(result.resurfaced)).toEqual(['a'])
      expect(result.deliver).toEqual([])
    })

    it('are superseded when they went stale meanwhile, or their group showed a more urgent one', () => {
      const group = { group: 'g', staleAt: NOW + 24 * HOUR }
      const result = plan(
        [
          reminder('stale', NOW - 3 * HOUR, { staleAt: NOW - HOUR }),
          reminder('lead-7', NOW - 50 * HOUR, { ...group, rank: 7 }),
          reminder('lead-1', NOW - HOUR, { ...group, rank: 1 }),
        ],
        [
          ['stale', snoozed(NOW - HOUR)],
          ['lead-7', snoozed(NOW - HOUR)],
        ],
      )
      expect(keys(result.deliver)).toEqual(['lead-1'])
      expect(result.resurfaced).toEqual([])
      expect(keys(result.superseded)).toEqual(['lead-7', 'stale'])
    })
  })

  it('a laptop closed for three days delivers everything due in one plan and one digest', () => {
    const closedAt = utc('2026-11-27T18:00:00Z')
    const openedAt = utc('2026-11-30T20:00:00Z')
    const inputs = [
      account({
        expiring: [
          {
            lotId: 'L12',
            kind: 'promo',
            expiresAt: utc('2026-12-01T00:00:00Z'),
            unused: credits(120),
            value: usd(120),
          },
        ],
        renewals: [{ programId: 'P3', name: 'Plus', periodIndex: 5, at: utc('2026-12-02T00:00:00Z'), price: usd(20) }],
      }),
      account({
        accountId: 7,
        vendorName: 'Anthropic',
        accountName: 'Work',
        negativeBalance: [{ at: utc('2026-11-29T03:00:00Z'), debt: credits(4) }],
      }),
    ]
    const reminders = evaluateAll(inputs, prefs())
    // What the scheduler had done before the lid closed: the 30- and 7-day expiry reminders were shown.
    const log = new Map<string, ReminderLogState>(
      reminders.filter((r) => r.dueAt <= closedAt).map((r) => [r.key, { state: 'fired', at: r.dueAt }]),
    )
    expect([...log.keys()]).toEqual([
      'expiry:A4:L12:30:2026-12-01T00:00:00.000Z',
      'expiry:A4:L12:7:2026-12-01T00:00:00.000Z',
    ])

    const result = planDelivery({ reminders, log, now: openedAt, eventsSince: 0 })
    expect(keys(result.deliver)).toEqual([
      'negative_balance:A7:2026-11-29T03:00:00.000Z', // due Nov 29 03:00
      'renewal:A4:P3:5:3', // due Nov 29 09:00
      'expiry:A4:L12:1:2026-12-01T00:00:00.000Z',
    ])
    expect(result.nextWakeAt).toBeNull()
    expect(notificationText(result.deliver)).toEqual({
      title: '3 credit reminders',
      body: [
        'Anthropic · Work: balance went negative',
        'OpenAI · Personal: 120.00 credits expire on Dec 1, 2026',
        'OpenAI · Personal: Plus renews on Dec 2, 2026',
      ].join('\n'),
      link: { view: 'inbox' },
    })
  })

  describe('properties', () => {
    const T0 = utc('2026-01-01T00:00:00Z')
    const DAY = 24 * HOUR
    const arbReminder = fc
      .record({
        id: fc.integer({ min: 0, max: 30 }),
        group: fc.integer({ min: 0, max: 5 }),
        rank: fc.integer({ min: 0, max: 30 }),
        kind: fc.constantFrom(...REMINDER_KINDS),
        dueAt: fc.integer({ min: 0, max: 30 * DAY }),
        eventOffset: fc.integer({ min: -5 * DAY, max: 5 * DAY }),
        staleOffset: fc.option(fc.integer({ min: -DAY, max: 10 * DAY })),
      })
      .map(({ id, group, rank, kind, dueAt, eventOffset, staleOffset }) =>
        reminder(`k${id}`, T0 + dueAt, {
          group: `g${group}`,
          rank,
          kind,
          eventAt: T0 + dueAt + eventOffset,
          staleAt: staleOffset === null ? null : T0 + dueAt + staleOffset,
        }),
      )
    const arbLogState = fc.oneof(
      fc.constantFrom('fired', 'superseded', 'dismissed').map((state): ReminderLogState => ({ state, at: T0 })),
      fc
        .integer({ min: 0, max: 30 * DAY })
        .map((until): ReminderLogState => ({ state: 'snoozed', at: T0, until: T0 + until })),
    )
    const arbInput = fc.record({
      reminders: fc.array(arbReminder, { maxLength: 25 }),
      log: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), arbLogState), { maxLength: 15 }),
      now: fc.integer({ min: 0, max: 30 * DAY }),
      eventsSince: fc.integer({ min: -10 * DAY, max: 10 * DAY }),
    })

    it('never delivers a key the log has, and shows at most one per group (property)', () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const log = new Map(input.log.map(([id, state]) => [`k${id}`, state]))
          const now = T0 + input.now
          const result = planDelivery({ reminders: input.reminders, log, now, eventsSince: T0 + input.eventsSince })
          for (const r of result.deliver) expect(log.has(r.key)).toBe(false)
          for (const r of result.resurfaced) {
            const entry = log.get(r.key)
            expect(entry?.state === 'snoozed' && entry.until <= now).toBe(true)
          }
          const shown = [...result.deliver, ...result.resurfaced]
          expect(new Set(shown.map((r) => r.group)).size).toBe(shown.length)
          for (const r of result.deliver) expect(r.dueAt).toBeLessThanOrEqual(now)
          for (const r of shown) expect(r.staleAt === null || r.staleAt > now).toBe(true)
          const all = keys([...shown, ...result.superseded])
          expect(new Set(all).size).toBe(all.length)
          for (const r of result.superseded)
            expect(['fired', 'superseded', 'dismissed']).not.toContain(log.get(r.key)?.state)
          if (result.nextWakeAt !== null) expect(result.nextWakeAt).toBeGreaterThan(now)
        }),
        { numRuns },
      )
    })

    it('a scheduler waking at any times shows each reminder at most once and settles every one (property)', () => {
      fc.assert(
        fc.property(
          fc.array(arbReminder, { maxLength: 25 }),
          fc.array(fc.integer({ min: 0, max: 40 * DAY }), { maxLength: 12 }),
          (reminders, wakes) => {
            const log = new Map<string, ReminderLogState>()
            const shownCount = new Map<string, number>()
            // Arbitrary wake-ups (restarts, resumes, data changes), then the last one after everything.
            for (const wake of [...wakes.sort((a, b) => a - b), 41 * DAY]) {
              const now = T0 + wake
              const result = planDelivery({ reminders, log, now, eventsSince: T0 })
              for (const r of result.deliver) {
                shownCount.set(r.key, (shownCount.get(r.key) ?? 0) + 1)
                log.set(r.key, { state: 'fired', at: now })
              }
              for (const r of result.superseded) log.set(r.key, { state: 'superseded', at: now })
            }
            for (const count of shownCount.values()) expect(count).toBe(1)
            const unique = new Set(keys(reminders))
            expect(new Set(log.keys())).toEqual(unique)
          },
        ),
        { numRuns },
      )
    })
  })
})
