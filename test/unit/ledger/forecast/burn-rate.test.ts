import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { burnRate, dayStarts, FORECAST_PREFIX, projectedUsage, syntheticUsage } from '@shared/ledger/burn-rate'
import { account, at, duration, facts, use } from '../facts'
import { NOW, windowUsage } from './pace'

const DAY = 86_400_000
const numRuns = Number(process.env.FC_RUNS ?? 100)

describe('burn rate', () => {
  it('sums billable usage in the trailing window [now − P30D, now) only', () => {
    const rate = burnRate(
      facts({
        usage: [
          ...windowUsage(10),
          use('before', 1000, '2026-01-29T23:59:59Z'),
          use('at-now', 1000, NOW),
          use('failed', 1000, '2026-02-10T00:00:00Z', { billable: false }),
        ],
      }),
      at(NOW),
    )
    expect(rate).toMatchObject({ start: at('2026-01-30T00:00:00Z'), end: at(NOW), used: 300, count: 30, perDay: 10 })
    expect(rate.windowMs).toBe(30 * DAY)
  })

  it('takes a configurable window, in calendar units of the account zone', () => {
    const rate = burnRate(facts({ usage: windowUsage(10) }), at(NOW), duration('P1M'))
    // P1M before Mar 1 is Feb 1: 28 days, 28 usages
    expect(rate).toMatchObject({ start: at('2026-02-01T00:00:00Z'), used: 280, count: 28, perDay: 10 })
  })

  it('projects exact integer usage: floor(used × elapsed / window), never a float', () => {
    const rate = burnRate(facts({ usage: windowUsage(10).slice(0, 10) }), at(NOW)) // 100 over 30 days
    expect(rate.perDay).toBe(3) // display only: 3.33… rounded
    expect(projectedUsage(rate, at(NOW) + DAY)).toBe(3)
    expect(projectedUsage(rate, at(NOW) + 30 * DAY)).toBe(100)
    expect(projectedUsage(rate, at(NOW) + 31 * DAY)).toBe(103)
    expect(projectedUsage(rate, at(NOW) - DAY)).toBe(0)
  })
})

describe('synthetic usage', () => {
  const rate = burnRate(facts({ usage: windowUsage(10).slice(0, 10) }), at(NOW)) // 10/3 a day

  it('spreads the remainders so that the first N days sum to the pace exactly', () => {
    const usage = syntheticUsage(rate, at(NOW) + 365 * DAY, 'UTC')
    expect(usage.slice(0, 6).map((u) => u.amount)).toEqual([3, 3, 4, 3, 3, 4])
    for (const days of [1, 7, 30, 31, 100, 365]) {
      const sum = usage.filter((u) => u.occurredAt < at(NOW) + days * DAY).reduce((s, u) => s + u.amount, 0)
      expect(sum).toBe(Math.floor((100 * days) / 30))
    }
  })

  it('is one untagged, billable usage per day from now, tagged by its id prefix', () => {
    const usage = syntheticUsage(rate, at(NOW) + 3 * DAY, 'UTC')
    expect(usage).toEqual([
      {
        id: `${FORECAST_PREFIX}0`,
        accountId: 'acct',
        occurredAt: at(NOW),
        amount: 3,
        tags: [],
        billable: true,
        createdSeq: 0,
      },
      {
        id: `${FORECAST_PREFIX}1`,
        accountId: 'acct',
        occurredAt: at(NOW) + DAY,
        amount: 3,
        tags: [],
        billable: true,
        createdSeq: 1,
      },
      {
        id: `${FORECAST_PREFIX}2`,
        accountId: 'acct',
        occurredAt: at(NOW) + 2 * DAY,
        amount: 4,
        tags: [],
        billable: true,
        createdSeq: 2,
      },
    ])
  })

  it('cuts the last day at the horizon and leaves out days the pace rounds to nothing', () => {
    const slow = burnRate(facts({ usage: [use('one', 1, '2026-02-01T00:00:00Z')] }), at(NOW)) // 1 per 30 days
    const usage = syntheticUsage(slow, at(NOW) + 61 * DAY, 'UTC')
    expect(usage.map((u) => [u.id, u.amount])).toEqual([
      ['forecast:29', 1],
      ['forecast:59', 1],
    ])
    expect(syntheticUsage(slow, at(NOW) + DAY / 2, 'UTC')).toEqual([])
  })

  it('follows local days across DST: a 23-hour day carries 23/24 of a day', () => {
    const zone = 'America/New_York'
    const now = at('2026-03-07T05:00:00Z') // local midnight, the day before spring-forward
    const steady = burnRate(
      facts({
        account: account({ zone }),
        usage: [use('big', 30 * 2400, '2026-02-20T00:00:00Z')],
      }),
      now,
    )
    // window [Feb 5 local, Mar 7 local): 30 days with no DST change, 720 h → 100 per hour
    expect(steady.windowMs).toBe(30 * DAY)
    const usage = syntheticUsage(steady, at('2026-03-10T04:00:00Z'), zone)
    expect(usage.map((u) => [new Date(u.occurredAt).toISOString(), u.amount])).toEqual([
      ['2026-03-07T05:00:00.000Z', 2400],
      ['2026-03-08T05:00:00.000Z', 2300],
      ['2026-03-09T04:00:00.000Z', 2400],
    ])
    expect(dayStarts(now, at('2026-03-10T04:00:00Z'), zone)).toEqual(usage.map((u) => u.occurredAt))
  })

  it('property: the days sum exactly to the pace over any horizon, each day within one of the mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (used, windowDays, horizonDays, extraMs) => {
          const rate = { ...burnRate(facts(), at(NOW)), used, windowMs: windowDays * DAY }
          const until = at(NOW) + horizonDays * DAY + extraMs
          const usage = syntheticUsage(rate, until, 'UTC')
          expect(usage.reduce((sum, u) => sum + u.amount, 0)).toBe(projectedUsage(rate, until))
          const mean = Math.floor(used / windowDays)
          for (const u of usage) {
            expect(u.id.startsWith(FORECAST_PREFIX) && u.tags.length === 0 && u.billable).toBe(true)
            expect(u.amount).toBeLessThanOrEqual(mean + 1)
          }
        },
      ),
      { numRuns },
    )
  })
})
