import { describe, expect, it } from 'vitest'
import { evaluateAccount, evaluateAll } from '@shared/reminders/evaluate'
import { planDelivery } from '@shared/reminders/plan'
import { DEFAULT_REMINDER_RULES } from '@shared/reminders/rules'
import type { PeriodUsageInput, Reminder, ReminderLogState } from '@shared/reminders/types'
import { account, credits, iso, prefs, usd, utc } from './fixtures'

const DEC_1 = utc('2026-12-01T00:00:00Z')
const lot = (extra = {}) => ({
  lotId: 'L12',
  kind: 'promo',
  expiresAt: DEC_1,
  unused: credits(120),
  value: usd(120),
  ...extra,
})
const summary = (reminders: readonly Reminder[]) =>
  reminders.map((r) => ({ key: r.key, group: r.group, rank: r.rank, dueAt: iso(r.dueAt), staleAt: iso(r.staleAt) }))

describe('expiry reminders', () => {
  it('one per lead day, keyed by lot, lead and expiry, due at 09:00 local and saying how much and its worth', () => {
    const reminders = evaluateAccount(account({ expiring: [lot()] }), prefs())
    const group = 'expiry:A4:L12:2026-12-01T00:00:00.000Z'
    expect(summary(reminders)).toEqual([
      {
        key: 'expiry:A4:L12:30:2026-12-01T00:00:00.000Z',
        group,
        rank: 30,
        dueAt: '2026-11-01T09:00:00.000Z',
        staleAt: '2026-12-01T00:00:00.000Z',
      },
      {
        key: 'expiry:A4:L12:7:2026-12-01T00:00:00.000Z',
        group,
        rank: 7,
        dueAt: '2026-11-24T09:00:00.000Z',
        staleAt: '2026-12-01T00:00:00.000Z',
      },
      {
        key: 'expiry:A4:L12:1:2026-12-01T00:00:00.000Z',
        group,
        rank: 1,
        dueAt: '2026-11-30T09:00:00.000Z',
        staleAt: '2026-12-01T00:00:00.000Z',
      },
    ])
    expect(reminders[0]).toMatchObject({
      kind: 'expiry',
      accountId: 4,
      eventAt: DEC_1,
      title: 'OpenAI · Personal: 120.00 credits expire on Dec 1, 2026',
      body: 'About 120.00 credits (worth 120.00 USD) of OpenAI · Personal will expire unused on Dec 1, 2026.',
      link: { view: 'lot', accountId: 4, lotId: 'L12' },
    })
  })

  it('leaves out a worth that only repeats the amount (USD credits bought at face value)', () => {
    const [first] = evaluateAccount(account({ expiring: [lot({ unused: usd(50), value: usd(50) })] }), prefs('UTC'))
    expect(first?.body).toBe('About 50.00 USD of OpenAI · Personal will expire unused on Dec 1, 2026.')
  })

  it('says the time when the expiry is not at local midnight, and leaves out an unknown worth', () => {
    const [first] = evaluateAccount(
      account({ expiring: [lot({ value: null, unused: credits(0.5) })] }),
      prefs('America/New_York'),
    )
    expect(first?.body).toBe('About 0.50 credits of OpenAI · Personal will expire unused on Nov 30, 2026 at 19:00.')
  })

  it('follows the account rules: other leads, or none', () => {
    const rules = { ...DEFAULT_REMINDER_RULES, expiryLeadDays: [14, 14] }
    expect(evaluateAccount(account({ rules, expiring: [lot()] }), prefs()).map((r) => r.key)).toEqual([
      'expiry:A4:L12:14:2026-12-01T00:00:00.000Z',
    ])
    const off = { ...DEFAULT_REMINDER_RULES, expiryLeadDays: [] }
    expect(evaluateAccount(account({ rules: off, expiring: [lot()] }), prefs())).toEqual([])
  })

  it('gives no expiry reminder when the forecast expects the credits to be used first', () => {
    expect(evaluateAccount(account({ expiring: [] }), prefs())).toEqual([])
    expect(evaluateAccount(account({ expiring: [lot({ unused: credits(0) })] }), prefs())).toEqual([])
  })

  it('an edited expiry is a new reminder (re-armed) while the old key stays done', () => {
    const before = evaluateAccount(account({ expiring: [lot()] }), prefs())
    const log = new Map<string, ReminderLogState>(before.map((r) => [r.key, { state: 'fired', at: r.dueAt }]))
    const moved = evaluateAccount(account({ expiring: [lot({ expiresAt: utc('2026-12-15T00:00:00Z') })] }), prefs())
    expect(moved.map((r) => r.key)).toEqual([
      'expiry:A4:L12:30:2026-12-15T00:00:00.000Z',
      'expiry:A4:L12:7:2026-12-15T00:00:00.000Z',
      'expiry:A4:L12:1:2026-12-15T00:00:00.000Z',
    ])
    // On Dec 8 (after the old Dec 1 expiry, before the new one) the new 7-day reminder fires despite the old ones.
    const plan = planDelivery({ reminders: moved, log, now: utc('2026-12-08T10:00:00Z'), eventsSince: 0 })
    expect(plan.deliver.map((r) => r.key)).toEqual(['expiry:A4:L12:7:2026-12-15T00:00:00.000Z'])
    // Moved back to the old date: the same keys as before, all done, nothing fires twice.
    const back = planDelivery({ reminders: before, log, now: utc('2026-11-30T10:00:00Z'), eventsSince: 0 })
    expect(back.deliver).toEqual([])
  })
})

describe('trial and renewal reminders', () => {
  it('warns before a trial ends, whether or not credits are left', () => {
    const trial = { lotId: 'L3', expiresAt: utc('2026-07-10T00:00:00Z'), remaining: credits(0) }
    const reminders = evaluateAccount(account({ trials: [trial] }), prefs())
    expect(summary(reminders).map((r) => [r.key, r.group, r.dueAt])).toEqual([
      [
        'trial_end:A4:L3:3:2026-07-10T00:00:00.000Z',
        'trial_end:A4:L3:2026-07-10T00:00:00.000Z',
        '2026-07-07T09:00:00.000Z',
      ],
      [
        'trial_end:A4:L3:1:2026-07-10T00:00:00.000Z',
        'trial_end:A4:L3:2026-07-10T00:00:00.000Z',
        '2026-07-09T09:00:00.000Z',
      ],
    ])
    expect(reminders[0]).toMatchObject({
      kind: 'trial_end',
      title: 'OpenAI · Personal: trial ends on Jul 10, 2026',
      body: 'The trial of OpenAI · Personal ends on Jul 10, 2026 with 0.00 credits left; paid billing may start then.',
      link: { view: 'lot', accountId: 4, lotId: 'L3' },
    })
  })

  it('warns before a plan renews, once per period', () => {
    const renewal = { programId: 'P3', name: 'Plus', periodIndex: 5, at: utc('2026-08-01T00:00:00Z'), price: usd(20) }
    const [one, ...rest] = evaluateAccount(account({ renewals: [renewal] }), prefs())
    expect(rest).toEqual([])
    expect(one).toMatchObject({
      key: 'renewal:A4:P3:5:3',
      group: 'renewal:A4:P3:5',
      rank: 3,
      kind: 'renewal',
      dueAt: utc('2026-07-29T09:00:00Z'),
      staleAt: utc('2026-08-01T00:00:00Z'),
      title: 'OpenAI · Personal: Plus renews on Aug 1, 2026',
      body: 'Plus of OpenAI · Personal renews on Aug 1, 2026 for 20.00 USD.',
      link: { view: 'account', accountId: 4 },
    })
    const free = evaluateAccount(account({ renewals: [{ ...renewal, price: null, periodIndex: 6 }] }), prefs())
    expect(free.map((r) => [r.key, r.body])).toEqual([
      ['renewal:A4:P3:6:3', 'Plus of OpenAI · Personal renews on Aug 1, 2026.'],
    ])
  })
})

describe('usage thresholds', () => {
  const period = (extra: Partial<PeriodUsageInput> = {}): PeriodUsageInput => ({
    programId: 'P3',
    name: 'Plus',
    periodIndex: 5,
    periodStart: utc('2026-07-01T00:00:00Z'),
    periodEnd: utc('2026-08-01T00:00:00Z'),
    grantedMinor: 1_000_000,
    consumedMinor: 920_000,
    crossedAt: {},
    ...extra,
  })

  it('one per crossed percent, grouped per period, the higher percent more urgent', () => {
    const t1 = utc('2026-07-10T15:00:00Z')
    const t2 = utc('2026-07-20T15:00:00Z')
    const reminders = evaluateAccount(
      account({ periods: [period({ crossedAt: { 50: t1, 75: t1, 85: t2, 90: t2 } })] }),
      prefs(),
    )
    expect(reminders.map((r) => [r.key, r.group, r.rank, iso(r.dueAt), iso(r.staleAt)])).toEqual([
      ['threshold:A4:P3:5:75', 'threshold:A4:P3:5', 25, '2026-07-10T15:00:00.000Z', '2026-08-01T00:00:00.000Z'],
      ['threshold:A4:P3:5:85', 'threshold:A4:P3:5', 15, '2026-07-20T15:00:00.000Z', '2026-08-01T00:00:00.000Z'],
      ['threshold:A4:P3:5:90', 'threshold:A4:P3:5', 10, '2026-07-20T15:00:00.000Z', '2026-08-01T00:00:00.000Z'],
    ])
    expect(reminders[2]).toMatchObject({
      kind: 'threshold',
      eventAt: t2,
      title: 'OpenAI · Personal: 90% of Plus used',
      body: "90% of this period's Plus allowance of OpenAI · Personal is used; the period ends on Aug 1, 2026.",
    })
  })

  it('two percents crossed at once deliver only the higher; the next period re-arms them', () => {
    const at = utc('2026-07-20T15:00:00Z')
    const july = evaluateAccount(account({ periods: [period({ crossedAt: { 90: at, 100: at } })] }), prefs())
    const first = planDelivery({ reminders: july, log: new Map(), now: at, eventsSince: 0 })
    expect(first.deliver.map((r) => [r.key, r.title])).toEqual([
      ['threshold:A4:P3:5:100', 'OpenAI · Personal: Plus allowance used up'],
    ])
    expect(first.superseded.map((r) => r.key)).toEqual(['threshold:A4:P3:5:90'])

    const log = new Map<string, ReminderLogState>([
      ['threshold:A4:P3:5:100', { state: 'fired', at }],
      ['threshold:A4:P3:5:90', { state: 'superseded', at }],
    ])
    const augAt = utc('2026-08-20T15:00:00Z')
    const august = period({
      periodIndex: 6,
      periodStart: utc('2026-08-01T00:00:00Z'),
      periodEnd: utc('2026-09-01T00:00:00Z'),
      crossedAt: { 75: augAt },
    })
    const next = planDelivery({
      reminders: evaluateAccount(account({ periods: [period({ crossedAt: { 90: at, 100: at } }), august] }), prefs()),
      log,
      now: augAt,
      eventsSince: 0,
    })
    expect(next.deliver.map((r) => r.key)).toEqual(['threshold:A4:P3:6:75'])
  })

  it('a threshold crossed during quiet hours is due when they end', () => {
    const night = prefs('Europe/Berlin', { quietHours: { start: '22:00', end: '07:00' } })
    const [r] = evaluateAccount(
      account({ periods: [period({ crossedAt: { 75: utc('2026-07-10T21:30:00Z') } })] }),
      night,
    )
    expect(iso(r?.dueAt ?? null)).toBe('2026-07-11T05:00:00.000Z')
    expect(iso(r?.eventAt ?? null)).toBe('2026-07-10T21:30:00.000Z')
  })
})

describe('balance and event reminders', () => {
  const since = utc('2026-05-05T10:00:00Z')

  it('low balance only when a threshold is set; each episode below it is its own reminder', () => {
    const below = { now: credits(3.5), belowSince: since }
    expect(evaluateAccount(account({ balance: below }), prefs())).toEqual([])
    const rules = { ...DEFAULT_REMINDER_RULES, lowBalanceBelow: '5' }
    expect(evaluateAccount(account({ rules, balance: { now: credits(8), belowSince: null } }), prefs())).toEqual([])
    const [r] = evaluateAccount(account({ rules, balance: below }), prefs())
    expect(r).toMatchObject({
      key: 'low_balance:A4:2026-05-05T10:00:00.000Z',
      kind: 'low_balance',
      dueAt: since,
      eventAt: since,
      staleAt: null,
      title: 'OpenAI · Personal: balance below 5 credits',
      body: 'The balance of OpenAI · Personal is 3.50 credits, below 5 credits since May 5, 2026 at 10:00.',
      link: { view: 'account', accountId: 4 },
    })
    const later = evaluateAccount(
      account({ rules, balance: { ...below, belowSince: utc('2026-06-01T08:00:00Z') } }),
      prefs(),
    )
    expect(later.map((x) => x.key)).toEqual(['low_balance:A4:2026-06-01T08:00:00.000Z'])
  })

  it('recharge blocked, negative balance and drift, each when enabled', () => {
    const input = account({
      rechargeBlocked: [{ ruleId: 'R1', month: '2026-05', at: since }],
      negativeBalance: [{ at: since, debt: credits(2) }],
      drift: [{ observationId: 'O2', at: since, observed: credits(40), model: credits(42.5) }],
    })
    expect(evaluateAccount(input, prefs()).map((r) => [r.key, r.group, r.kind, r.title, r.body])).toEqual([
      [
        'recharge_blocked:A4:R1:2026-05',
        'recharge_blocked:A4:R1:2026-05',
        'recharge_blocked',
        'OpenAI · Personal: auto-recharge blocked',
        'An auto-recharge of OpenAI · Personal was blocked on May 5, 2026 at 10:00: its cap for May 2026 is reached.',
      ],
      [
        'negative_balance:A4:2026-05-05T10:00:00.000Z',
        'negative_balance:A4:2026-05-05T10:00:00.000Z',
        'negative_balance',
        'OpenAI · Personal: balance went negative',
        'The balance of OpenAI · Personal went negative on May 5, 2026 at 10:00: 2.00 credits owed.',
      ],
      [
        'drift:A4:O2',
        'drift:A4:O2',
        'drift',
        "OpenAI · Personal: balance differs from the vendor's",
        'The vendor reported 40.00 credits for OpenAI · Personal on May 5, 2026 at 10:00; the ledger says 42.50 credits.',
      ],
    ])
    const off = { ...DEFAULT_REMINDER_RULES, rechargeBlocked: false, negativeBalance: false, drift: false }
    expect(evaluateAccount({ ...input, rules: off }, prefs())).toEqual([])
  })

  it('evaluates every account with its own rules and ids', () => {
    const a = account({ negativeBalance: [{ at: since, debt: credits(1) }] })
    const b = account({ accountId: 7, vendorName: 'Anthropic', negativeBalance: [{ at: since, debt: credits(1) }] })
    expect(evaluateAll([a, b], prefs()).map((r) => [r.key, r.accountId, r.title])).toEqual([
      ['negative_balance:A4:2026-05-05T10:00:00.000Z', 4, 'OpenAI · Personal: balance went negative'],
      ['negative_balance:A7:2026-05-05T10:00:00.000Z', 7, 'Anthropic · Personal: balance went negative'],
    ])
  })
})
