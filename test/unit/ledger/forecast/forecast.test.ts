import { describe, expect, it } from 'vitest'
import { FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import { forecast, prepareForecast, runForward } from '@shared/ledger/forecast'
import type { LedgerFacts } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, facts, local, lot, program, use } from '../facts'
import { NOW, usd, windowUsage } from './pace'

const now = at(NOW)
const none = { unused: 0, value: {}, unknownCost: 0 }
/** Lots bought after the window's last usage (Feb 28 00:00), so the window drew only from `pre`. */
const BOUGHT = '2026-02-28T12:00:00Z'
/** A never-expiring lot the window's usage used up: the history behind the pace. */
const pre = (amount: number) => lot('pre', amount, '2026-01-01T00:00:00Z')
const expiresAt = (iso: string) => ({ expiry: { kind: 'at', at: at(iso) } as const })

describe('forecast', () => {
  it('a steady pace uses the soonest-expiring lot first: nothing is at risk, then the balance runs out', () => {
    const ledger = facts({
      lots: [
        pre(300),
        lot('later', 1000, BOUGHT, { ...expiresAt('2027-01-01T00:00:00Z'), cost: usd(100_000_000) }),
        lot('soon', 200, BOUGHT, { ...expiresAt('2026-03-21T00:00:00Z'), cost: usd(20_000_000) }),
      ],
      usage: windowUsage(10),
    })
    const result = forecast(ledger, { now })
    expect(result.rate).toMatchObject({ used: 300, perDay: 10 })
    expect(result.balanceNow).toBe(1200)
    expect(result.projectedUsage).toBe(3650) // 365 days to 2027-03-01
    expect(result.horizonEnd).toBe(at('2027-03-01T00:00:00Z'))
    expect(result.expiring).toEqual([])
    expect(result.atRisk).toEqual({ within30Days: none, within90Days: none, horizon: none })
    // soon: days 0–19 (Mar 1–20) = 200 before its expiry on Mar 21; later: days 20–119 = 1000
    expect(result.depletedAt).toBe(at('2026-06-28T00:00:00Z'))

    const run = runForward(prepareForecast(ledger, { now }))
    const soon = run.lots.find((l) => l.id === 'soon')
    expect(soon).toMatchObject({ consumed: 200, expired: 0, closedAt: at('2026-03-21T00:00:00Z') })
    expect(soon?.history.find((h) => h.type === 'consume')?.at).toBe(now)
    expect(run.allocations).toBeNull()
  })

  it('a slow pace leaves part of a lot expiring unused, with its value at cost basis', () => {
    // 100 over 30 days: 31 days to the pack's expiry use floor(3100 / 30) = 103 of it
    const ledger = facts({
      lots: [pre(100), lot('pack', 500, BOUGHT, { ...expiresAt('2026-04-01T00:00:00Z'), cost: usd(50_000_000) })],
      usage: windowUsage(10)
        .slice(0, 10)
        .map((u, i) => ({ ...u, occurredAt: u.occurredAt + i * 2 * 86_400_000 })),
    })
    const result = forecast(ledger, { now })
    expect(result.rate.used).toBe(100)
    expect(result.expiring).toEqual([
      {
        lotId: 'pack',
        kind: 'purchase',
        programId: null,
        periodIndex: null,
        restricted: false,
        existsNow: true,
        remainingNow: 500,
        granted: 500,
        expiresAt: at('2026-04-01T00:00:00Z'),
        reason: 'expiry',
        unused: 397,
        cost: usd(50_000_000),
        value: usd(39_700_000), // 397 × $50 / 500
      },
    ])
    // Apr 1 is 31 days away: outside "within 30 days" (≤ Mar 31), inside 90
    expect(result.atRisk.within30Days).toEqual(none)
    expect(result.atRisk.within90Days).toEqual({ unused: 397, value: { USD: 39_700_000 }, unknownCost: 0 })
    // after the pack expires nothing is left: the usage of Apr 1 becomes debt
    expect(result.depletedAt).toBe(at('2026-04-01T00:00:00Z'))
  })

  it('dates depletion at the expiry that empties the balance between two days of usage', () => {
    const ledger = facts({
      lots: [pre(300), lot('pack', 500, BOUGHT, expiresAt('2026-03-10T12:00:00Z'))],
      usage: windowUsage(10),
    })
    const result = forecast(ledger, { now })
    expect(result.expiring.map((l) => [l.lotId, l.unused])).toEqual([['pack', 400]]) // Mar 1–10: 10 days × 10
    expect(result.depletedAt).toBe(at('2026-03-10T12:00:00Z'))
  })

  it('with no usage in the window: no depletion, and everything expiring is at risk', () => {
    const ledger = facts({
      lots: [
        lot('a', 100, '2026-01-01T00:00:00Z', { ...expiresAt('2026-03-11T00:00:00Z'), cost: usd(10_000_000) }),
        lot('b', 200, '2026-01-01T00:00:00Z', expiresAt('2026-07-01T00:00:00Z')), // cost unknown
        lot('c', 50, '2026-01-01T00:00:00Z'), // never expires
        lot('d', 80, '2026-04-01T00:00:00Z', { ...expiresAt('2026-05-01T00:00:00Z'), cost: usd(8_000_000) }),
      ],
      usage: [use('old', 5, '2026-01-10T00:00:00Z')], // before the window: drawn from a
    })
    const result = forecast(ledger, { now })
    expect(result.rate).toMatchObject({ used: 0, count: 0 })
    expect(result.projectedUsage).toBe(0)
    expect(result.depletedAt).toBeNull()
    expect(result.balanceNow).toBe(345)
    expect(result.expiring.map((l) => [l.lotId, l.existsNow, l.unused, l.value])).toEqual([
      ['a', true, 95, usd(9_500_000)],
      ['d', false, 80, usd(8_000_000)],
      ['b', true, 200, null],
    ])
    expect(result.atRisk.within30Days).toEqual({ unused: 95, value: { USD: 9_500_000 }, unknownCost: 0 })
    expect(result.atRisk.within90Days).toEqual({ unused: 175, value: { USD: 17_500_000 }, unknownCost: 0 })
    expect(result.atRisk.horizon).toEqual({ unused: 375, value: { USD: 17_500_000 }, unknownCost: 200 })
  })

  it('a monthly allowance that resets expires unused only the part the pace will not use', () => {
    // 100 a month from Jan 15 for $20; the pace is 2 a day. At Mar 1 period #1 [Feb 15, Mar 15) has 72 left.
    const ledger = facts({
      programs: [
        program('plan', {
          anchor: { local: local('2026-01-15'), zone: 'UTC' },
          amountPerPeriod: 100,
          costPerPeriod: usd(20_000_000),
        }),
      ],
      usage: windowUsage(2),
    })
    const result = forecast(ledger, { now })
    expect(result.balanceNow).toBe(72)
    expect(result.depletedAt).toBeNull()
    const [first, second, third] = result.expiring
    // #1: 14 days (Mar 1–14) × 2 = 28 of its 72 are used; 44 expire, worth 44 × $20 / 100
    expect(first).toMatchObject({
      lotId: 'plan#1',
      existsNow: true,
      remainingNow: 72,
      unused: 44,
      value: usd(8_800_000),
    })
    expect(first).toMatchObject({ expiresAt: at('2026-03-15T00:00:00Z'), reason: 'period end', programId: 'plan' })
    // #2 [Mar 15, Apr 15): 31 days × 2 = 62 used; #3 [Apr 15, May 15): 30 days × 2 = 60 used
    expect(second).toMatchObject({
      lotId: 'plan#2',
      existsNow: false,
      remainingNow: 0,
      unused: 38,
      value: usd(7_600_000),
    })
    expect(third).toMatchObject({ lotId: 'plan#3', unused: 40, value: usd(8_000_000) })
    expect(result.atRisk.within30Days).toEqual({ unused: 44, value: { USD: 8_800_000 }, unknownCost: 0 })
    expect(result.atRisk.within90Days).toEqual({ unused: 122, value: { USD: 24_400_000 }, unknownCost: 0 })
    // periods #1–#12 close before the horizon (2027-03-01); 7 of #2–#12 have 31 days, 4 have 30
    expect(result.expiring.map((l) => l.lotId)).toEqual(Array.from({ length: 12 }, (_, k) => `plan#${k + 1}`))
    expect(result.atRisk.horizon.unused).toBe(44 + 7 * 38 + 4 * 40)
  })

  it('free-before-paid changes what is at risk', () => {
    const make = (policy?: typeof FREE_FIRST_DRAWDOWN): LedgerFacts =>
      facts({
        ...(policy ? { account: account({ drawdown: policy }) } : {}),
        lots: [
          pre(150),
          lot('free', 300, BOUGHT, {
            ...expiresAt('2026-06-01T00:00:00Z'),
            kind: 'promo',
            funding: 'promotional',
            cost: usd(0),
          }),
          lot('paid', 300, BOUGHT, { ...expiresAt('2026-04-01T00:00:00Z'), cost: usd(30_000_000) }),
        ],
        usage: windowUsage(5),
      })
    // soonest expiry first: paid gets 31 days × 5 = 155 before Apr 1, 145 expire ($14.50); free lasts to May 30
    const soonest = forecast(make(), { now })
    expect(soonest.expiring.map((l) => [l.lotId, l.unused, l.value])).toEqual([['paid', 145, usd(14_500_000)]])
    expect(soonest.atRisk.within90Days.value).toEqual({ USD: 14_500_000 })
    expect(soonest.depletedAt).toBe(at('2026-05-30T00:00:00Z'))
    // free first: the paid lot is never touched and all $30 of it expires; free runs out after Apr 29's usage
    const freeFirst = forecast(make(FREE_FIRST_DRAWDOWN), { now })
    expect(freeFirst.expiring.map((l) => [l.lotId, l.unused, l.value])).toEqual([['paid', 300, usd(30_000_000)]])
    expect(freeFirst.atRisk.within90Days.value).toEqual({ USD: 30_000_000 })
    expect(freeFirst.depletedAt).toBe(at('2026-04-29T00:00:00Z'))
  })

  it('never draws restricted lots with the untagged pace, and says the lot is restricted', () => {
    const ledger = facts({
      lots: [
        pre(300),
        lot('gpt', 100, BOUGHT, { ...expiresAt('2026-04-01T00:00:00Z'), tags: ['model:gpt-4o'] }),
        lot('any', 5000, BOUGHT, expiresAt('2027-06-01T00:00:00Z')),
      ],
      usage: windowUsage(10),
    })
    const result = forecast(ledger, { now })
    expect(result.expiring).toEqual([expect.objectContaining({ lotId: 'gpt', unused: 100, restricted: true })])
    expect(result.depletedAt).toBeNull() // 3650 of 5000
  })

  it('replaces real usage after now by the pace, and gives the same answer from a checkpoint', () => {
    const ledger = facts({
      lots: [pre(300), lot('pack', 500, BOUGHT, expiresAt('2026-04-01T00:00:00Z'))],
      usage: [...windowUsage(10), use('future', 400, '2026-03-05T00:00:00Z')],
    })
    const plain = forecast(ledger, { now })
    expect(plain.expiring.map((l) => [l.lotId, l.unused])).toEqual([['pack', 190]]) // 31 days × 10 used
    const early = replay(ledger, { until: at('2026-02-10T00:00:00Z') }).state
    expect(forecast(ledger, { now, checkpoint: early })).toEqual(plain)
    const exact = replay(ledger, { until: now }).state
    expect(forecast(ledger, { now, checkpoint: exact })).toEqual(plain)
    const later = replay(ledger, { until: at('2026-03-10T00:00:00Z') }).state // after now: not usable
    expect(forecast(ledger, { now, checkpoint: later })).toEqual(plain)
  })

  it('keeps existing debt as depletion now, and reports the forward run’s notices', () => {
    const ledger = facts({
      account: account({ overdraft: { mode: 'none', limit: 0 } }),
      lots: [pre(250)],
      usage: windowUsage(10),
    })
    const result = forecast(ledger, {
      now,
      horizon: { years: 0, months: 0, weeks: 0, days: 10, hours: 0, minutes: 0, seconds: 0 },
    })
    expect(result.balanceNow).toBe(-50)
    expect(result.depletedAt).toBe(now)
    expect(result.horizonEnd).toBe(at('2026-03-11T00:00:00Z'))
    expect(result.projectedUsage).toBe(100)
    expect(result.notices).toEqual([])
  })
})
