import { describe, expect, it } from 'vitest'
import { FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type { LedgerFacts } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lot, lotOf, program, rechargeRule, use } from '../facts'
import { expectConserved, paidBy } from '../expect-ledger'

/**
 * One test per engine fix made while writing the scenario and edge-case tests, or found by the property tests
 * (test/unit/ledger/properties): each failed before its fix. Whole credits, zone UTC.
 */

const END = at('2026-06-01T00:00:00Z')
const run = (ledger: LedgerFacts, from?: number) =>
  replay(ledger, {
    until: END,
    collectAllocations: true,
    ...(from === undefined ? {} : { from: replay(ledger, { until: from }).state }),
  })

describe('engine fixes', () => {
  it('a period lot whose fixed expiry is before its period is never granted, and never drawn', () => {
    // Two periods from Jan 1, each lot "expiring Jan 20": February's is dead on arrival; Feb 1 usage of 4 is debt.
    const p = program('p', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 10,
      periods: 2,
      lot: {
        kind: 'subscription',
        funding: 'paid',
        priority: 10,
        tags: [],
        expiry: { kind: 'at', at: at('2026-01-20T00:00:00Z') },
      },
    })
    const ledger = facts({ programs: [p], usage: [use('u', 4, '2026-02-01T00:00:00Z')] })
    for (const result of [run(ledger), run(ledger, at('2026-01-25T00:00:00Z'))]) {
      expect(lotOf(result, 'p#1')).toMatchObject({ granted: 0, consumed: 0, closedAt: at('2026-01-20T00:00:00Z') })
      expect(paidBy(result, 'u')).toEqual({ debt: 4 })
      expectConserved(result)
    }
  })

  it('keeps an expiry change made before a lot was effective when resuming from a checkpoint', () => {
    // Recorded Jan 5: the lot effective Jan 10 will expire Jan 20. A checkpoint on Jan 8 must not forget it.
    const ledger = facts({
      lots: [lot('l', 10, '2026-01-10T00:00:00Z')],
      lotEvents: [
        {
          kind: 'expiry_change',
          lotId: 'l',
          at: at('2026-01-05T00:00:00Z'),
          expiresAt: at('2026-01-20T00:00:00Z'),
          createdSeq: 1,
        },
      ],
    })
    expect(lotOf(run(ledger, at('2026-01-08T00:00:00Z')), 'l')).toEqual(lotOf(run(ledger), 'l'))
    expect(counters(run(ledger, at('2026-01-08T00:00:00Z')), 'l')).toMatchObject({ expired: 10 })
  })

  it('gives the same notices whatever order recharge rules and observations are stored in', () => {
    // Two rules fire on the same usage: the one created first buys, the other then sees enough. Two observations
    // at the same instant are compared in id order.
    const rules = [rechargeRule('r0', { amount: 5 }), rechargeRule('r1', { amount: 7 })]
    const observations = ['o1', 'o2'].map((id, i) => ({
      id,
      accountId: 'acct',
      at: at('2026-01-02T00:00:00Z'),
      balance: i,
      tolerance: 0,
    }))
    const ledger = facts({ usage: [use('u', 1, '2026-01-01T00:00:00Z')], rechargeRules: rules, observations })
    const reversed = { ...ledger, rechargeRules: [...rules].reverse(), observations: [...observations].reverse() }
    expect(run(reversed).notices).toEqual(run(ledger).notices)
    expect(run(ledger).lots.map((l) => l.id)).toEqual([`r0@${at('2026-01-01T00:00:00Z')}`])
  })

  it('never treats a rolled part of a paid lot as free because its cost rounded to 0', () => {
    // Free-first policy. Plan: 3 credits for 1 micro-USD a month, full rollover kept until the plan ends.
    // Jan: 1 used → 2 roll (cost ⌊1 × 2 / 3⌋ = 0 as a display amount, but the same price per credit as its parent).
    // Feb 1: 2 used → the February lot (same price, sooner expiry) pays, not the rolled part.
    const p = program('p', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 3,
      costPerPeriod: { amount: 1, currency: 'USD' },
      rollover: { mode: 'full' },
      rolled: { periods: null, priority: 10 },
    })
    const usage = [use('jan', 1, '2026-01-10T00:00:00Z'), use('feb', 2, '2026-02-01T00:00:00Z')]
    const result = run(facts({ account: account({ drawdown: FREE_FIRST_DRAWDOWN }), programs: [p], usage }))
    expect(lotOf(result, 'p#0>rolled').cost).toEqual({ amount: 0, currency: 'USD' })
    expect(paidBy(result, 'feb')).toEqual({ 'p#1': 2 })
  })

  it('voids a part rolled over at the very boundary the void is recorded at, instead of losing it', () => {
    const p = program('p', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 10,
      periods: 2,
      rollover: { mode: 'full' },
      rolled: { periods: 1, priority: 5 },
    })
    const ledger = facts({
      programs: [p],
      lotEvents: [
        { kind: 'void', lotId: 'p#0>rolled', at: at('2026-02-01T00:00:00Z'), mode: 'forward', createdSeq: 1 },
      ],
    })
    const result = run(ledger)
    expect(counters(result, 'p#0')).toMatchObject({ rolledOut: 10 })
    expect(lotOf(result, 'p#0>rolled')).toMatchObject({ granted: 10, voided: 10 })
    expectConserved(result)
  })

  it('expires, instead of losing, a part rolled over at the boundary its expiry is moved to', () => {
    // The rolled part is re-dated to expire at the very boundary it rolled at: granted 10 and expired 10 at once.
    const p = program('p', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 10,
      periods: 2,
      rollover: { mode: 'full' },
      rolled: { periods: 1, priority: 5 },
    })
    const feb1 = at('2026-02-01T00:00:00Z')
    const ledger = facts({
      programs: [p],
      lotEvents: [{ kind: 'expiry_change', lotId: 'p#0>rolled', at: feb1, expiresAt: feb1, createdSeq: 1 }],
    })
    const result = run(ledger)
    expect(lotOf(result, 'p#0>rolled')).toMatchObject({ granted: 10, expired: 10, closedAt: feb1 })
    expectConserved(result)
  })

  it('does not repay a refund from a lot expiring at that same instant', () => {
    // L (5, drawn first) paid 3; refunded Jan 5 with clawback. E (5) expires Jan 5: not usable then → 3 owed.
    const ledger = facts({
      lots: [
        lot('L', 5, '2026-01-01T00:00:00Z', { priority: 0 }),
        lot('E', 5, '2026-01-01T00:00:00Z', { priority: 10, expiry: { kind: 'at', at: at('2026-01-05T00:00:00Z') } }),
      ],
      usage: [use('u', 3, '2026-01-02T00:00:00Z')],
      lotEvents: [{ kind: 'void', lotId: 'L', at: at('2026-01-05T00:00:00Z'), mode: 'clawback', createdSeq: 1 }],
    })
    const result = run(ledger)
    expect(counters(result, 'E')).toMatchObject({ consumed: 0, expired: 5 })
    expect(result.balance).toMatchObject({ balance: -3, debt: 3 })
  })

  it('closes banked credits as "program ended" whether replayed from scratch or from a checkpoint', () => {
    const p = program('p', {
      anchor: { local: local('2026-01-01'), zone: 'UTC' },
      amountPerPeriod: 1,
      periods: 2,
      rollover: { mode: 'full' },
      rolled: { periods: null, priority: 5 },
      rolledLostOnEnd: true,
    })
    const ledger = facts({ programs: [p] })
    for (const result of [run(ledger), run(ledger, at('2026-02-15T00:00:00Z'))]) {
      expect(lotOf(result, 'p#0>rolled').history.at(-1)).toMatchObject({ type: 'expire', note: 'program ended' })
    }
  })
})
