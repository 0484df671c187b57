import { describe, expect, it } from 'vitest'
import { adviseTopUp, type TopUpShape } from '@shared/ledger/topup-advice'
import { at, duration, facts, lot } from '../facts'
import { NOW, windowUsage } from './pace'

const now = at(NOW)
const yearly: TopUpShape = {
  expiry: { kind: 'after', duration: duration('P1Y') },
  priority: 50,
  costPerUnit: { numerator: 1, denominator: 1, currency: 'USD' },
}
// 10 a day; a 500 pack expiring May 1 is drawn first (sooner expiry) and used up by Apr 19
const ledger = facts({
  lots: [
    lot('pre', 300, '2026-01-01T00:00:00Z'),
    lot('soon', 500, '2026-02-28T12:00:00Z', { expiry: { kind: 'at', at: at('2026-05-01T00:00:00Z') } }),
  ],
  usage: windowUsage(10),
})

describe('top-up advice', () => {
  it('is the largest 1-year top-up the pace uses up before it expires', () => {
    // the top-up bought now expires 2027-03-01: 365 days × 10 = 3650 of pace, 500 of it paid by the pack
    const advice = adviseTopUp(ledger, yearly, { now })
    expect(advice).toMatchObject({
      amount: 3150,
      cost: { amount: 3150, currency: 'USD' },
      effectiveAt: now,
      expiresAt: at('2027-03-01T00:00:00Z'),
      searchedUntil: at('2027-03-01T00:00:00Z'),
      displaced: 0,
    })
  })

  it('rounds down to a step, and searches to the top-up’s own expiry beyond the horizon', () => {
    expect(adviseTopUp(ledger, { ...yearly, step: 100 }, { now }).amount).toBe(3100)
    const short = { years: 0, months: 0, weeks: 0, days: 90, hours: 0, minutes: 0, seconds: 0 }
    const advice = adviseTopUp(ledger, yearly, { now, horizon: short })
    expect(advice).toMatchObject({ amount: 3150, searchedUntil: at('2027-03-01T00:00:00Z') })
  })

  it('bought later, it first repays the debt run up since the pack ran out, then the pace to its expiry', () => {
    // the pack lasts to Apr 19; Apr 20 – May 31 (42 days × 10) is debt that the Jun 1 purchase repays,
    // then 365 days × 10 to 2027-06-01
    const advice = adviseTopUp(ledger, { ...yearly, at: at('2026-06-01T00:00:00Z') }, { now })
    expect(advice).toMatchObject({ amount: 420 + 3650, expiresAt: at('2027-06-01T00:00:00Z') })
  })

  it('a never-expiring top-up must be used up within the horizon', () => {
    const advice = adviseTopUp(ledger, { ...yearly, expiry: { kind: 'never' } }, { now })
    expect(advice).toMatchObject({ amount: 3150, expiresAt: null, searchedUntil: at('2027-03-01T00:00:00Z') })
  })

  it('a top-up drawn first is used up entirely but pushes the pack past its expiry', () => {
    const advice = adviseTopUp(ledger, { ...yearly, priority: 0 }, { now })
    expect(advice).toMatchObject({ amount: 3650, displaced: 500 })
  })

  it('is 0 with no pace, and 0 when the pace would not reach it before it expires', () => {
    const idle = facts({ lots: ledger.lots })
    expect(adviseTopUp(idle, yearly, { now })).toMatchObject({ amount: 0, cost: { amount: 0, currency: 'USD' } })
    // expiring Mar 20 but drawn after the pack (priority 99 > 50), which lasts to Apr 19
    const late: TopUpShape = { ...yearly, expiry: { kind: 'at', at: at('2026-03-20T00:00:00Z') }, priority: 99 }
    expect(adviseTopUp(ledger, late, { now })).toMatchObject({ amount: 0, displaced: 0 })
  })

  it('a top-up expiring sooner than the pack is drawn first and leaves part of the pack unused', () => {
    // Mar 1–19: 19 days × 10 = 190 fit before Mar 20; the pack then gets Mar 20 – Apr 30, 42 × 10 = 420 of 500
    const sooner: TopUpShape = { ...yearly, expiry: { kind: 'at', at: at('2026-03-20T00:00:00Z') }, costPerUnit: null }
    expect(adviseTopUp(ledger, sooner, { now })).toMatchObject({ amount: 190, cost: null, displaced: 80 })
  })
})
