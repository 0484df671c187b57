import { describe, expect, it } from 'vitest'
import {
  accountSpec,
  cancelProgram,
  creditsFor,
  lotFact,
  programFact,
  purchaseLot,
  rateEntries,
  seatFacts,
} from '@shared/policies/build'
import { resolveUsageAmount } from '@shared/ledger/rates'
import { figmaSeats } from '@shared/policies/figma'
import { dailyFree, genericMonthlyRollover } from '@shared/policies/generic'
import { hubspot } from '@shared/policies/hubspot'
import { kreator } from '@shared/policies/kreator'
import { schematic } from '@shared/policies/schematic'
import { at, conserved, counters, lotOf, nextSeq, paidBy, run, use } from './scenario'

const plan = (preset: typeof kreator, key: string, id: string, start: string, extra: object = {}) =>
  programFact(preset, key, { id, accountId: 'acct', createdSeq: nextSeq(), start: at(start), ...extra })

describe('Kreator preset', () => {
  const account = accountSpec(kreator, { id: 'acct' })
  const addon = (id: string, amount: number, when: string) =>
    purchaseLot(kreator, { id, accountId: 'acct', createdSeq: nextSeq(), amount, effectiveAt: at(when) })

  it('spends monthly credits first, then add-on credits, which never expire; monthly resets at renewal', () => {
    const monthly = plan(kreator, 'monthly', 'm', '2026-01-15T09:00:00Z', { amountPerPeriod: 100 })
    const result = run(
      {
        account,
        programs: [monthly],
        lots: [addon('addon', 50, '2026-01-20T00:00:00Z')],
        usage: [use('u1', 120, '2026-02-01T00:00:00Z'), use('u2', 10, '2026-02-20T00:00:00Z')],
      },
      '2027-06-01T00:00:00Z',
    )
    expect(paidBy(result, 'u1')).toEqual({ 'm#0': 100, addon: 20 })
    expect(paidBy(result, 'u2')).toEqual({ 'm#1': 10 })
    expect(counters(result, 'm#1')).toMatchObject({ expired: 90, remaining: 0 })
    expect(lotOf(result, 'm#1').expiresAt).toBe(at('2026-03-15T09:00:00Z'))
    expect(lotOf(result, 'addon')).toMatchObject({ expiresAt: null, remaining: 30, priority: 20 })
    expect(lotOf(result, 'm#0').priority).toBe(10)
  })

  it('keeps the current period after a cancellation; later months stop, add-on credits remain', () => {
    const monthly = plan(kreator, 'monthly', 'm', '2026-01-15T00:00:00Z', { amountPerPeriod: 100 })
    const template = kreator.programs.monthly!
    const { program, lotEvents } = cancelProgram(template, monthly, at('2026-02-01T00:00:00Z'), nextSeq())
    expect(lotEvents).toEqual([])
    const result = run(
      {
        account,
        programs: [program],
        lots: [addon('addon', 50, '2026-01-20T00:00:00Z')],
        usage: [use('u', 30, '2026-02-10T00:00:00Z'), use('after', 5, '2026-03-01T00:00:00Z')],
      },
      '2026-06-01T00:00:00Z',
    )
    expect(paidBy(result, 'u')).toEqual({ 'm#0': 30 })
    expect(lotOf(result, 'm#0')).toMatchObject({ expiresAt: at('2026-02-15T00:00:00Z'), expired: 70 })
    expect(result.lots.some((lot) => lot.id === 'm#1')).toBe(false)
    expect(paidBy(result, 'after')).toEqual({ addon: 5 })
  })

  it('releases an annual plan in 12 monthly chunks, the price split exactly over them', () => {
    const annual = plan(kreator, 'annual', 'y', '2026-01-31T00:00:00Z', {
      amountPerPeriod: 100,
      price: { amount: 100_000_000, currency: 'USD' },
    })
    expect(annual).toMatchObject({ kind: 'annual_release', periods: 12, costPerPeriod: null })
    const result = run({ account, programs: [annual] }, '2028-01-01T00:00:00Z')
    const chunks = result.lots.filter((lot) => lot.programId === 'y')
    expect(chunks).toHaveLength(12)
    expect(chunks.reduce((sum, lot) => sum + (lot.cost?.amount ?? 0), 0)).toBe(100_000_000)
    expect(lotOf(result, 'y#1').effectiveAt).toBe(at('2026-02-28T00:00:00Z'))
    expect(lotOf(result, 'y#2').effectiveAt).toBe(at('2026-03-31T00:00:00Z'))
    expect(counters(result, 'y#11')).toMatchObject({ expired: 100 })
  })

  it('needs the monthly allocation of the plan (the source does not give one)', () => {
    expect(() => plan(kreator, 'monthly', 'm', '2026-01-15T00:00:00Z')).toThrow(/amountPerPeriod/)
  })
})

describe('HubSpot preset', () => {
  it('expires monthly credits at period end without rollover; overage is billed, never taken from next month', () => {
    const input = { id: 'hs', accountId: 'acct', createdSeq: nextSeq(), start: at('2026-03-01T00:00:00Z') }
    const monthly = programFact(hubspot, 'monthly', { ...input, amountPerPeriod: 1000 })
    const account = accountSpec(hubspot, { id: 'acct', overage: { template: 'monthly', programId: 'hs', max: 500 } })
    expect(account.overdraft).toEqual({ mode: 'limit', limit: 500, billedWith: 'hs' })
    expect(accountSpec(hubspot, { id: 'acct' }).overdraft).toEqual({ mode: 'none', limit: 0 })
    const result = run(
      {
        account,
        programs: [monthly],
        usage: [
          use('march', 600, '2026-03-20T00:00:00Z'),
          use('april', 1400, '2026-04-10T00:00:00Z'),
          use('april-more', 300, '2026-04-20T00:00:00Z'),
          use('may', 100, '2026-05-10T00:00:00Z'),
        ],
      },
      '2026-06-02T00:00:00Z',
    )
    expect(counters(result, 'hs#0')).toMatchObject({ consumed: 600, expired: 400, rolledOut: 0 })
    expect(paidBy(result, 'april')).toEqual({ 'hs#1': 1000, debt: 400 })
    expect(paidBy(result, 'april-more')).toEqual({ debt: 300 })
    expect(result.notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'over_limit', usageId: 'april-more' }),
        { kind: 'overage_billed', at: at('2026-05-01T00:00:00Z'), programId: 'hs', amount: 700 },
      ]),
    )
    expect(counters(result, 'hs#2')).toMatchObject({ consumed: 100, expired: 900 })
    expect(conserved(result)).toBe(true)
  })
})

describe('Figma seats preset', () => {
  it('keeps one account per seat: one seat running out does not touch another', () => {
    const seats = seatFacts(figmaSeats, 'seat_monthly', [
      {
        id: 'alice-credits',
        accountId: 'alice',
        createdSeq: nextSeq(),
        start: at('2026-01-01T00:00:00Z'),
        amountPerPeriod: 500,
      },
      {
        id: 'bob-credits',
        accountId: 'bob',
        createdSeq: nextSeq(),
        start: at('2026-01-01T00:00:00Z'),
        amountPerPeriod: 500,
      },
    ])
    expect(seats.map(({ account }) => account.id)).toEqual(['alice', 'bob'])
    const [alice, bob] = seats
    const grant = lotFact(figmaSeats, 'admin_grant', {
      id: 'extra',
      accountId: 'alice',
      createdSeq: nextSeq(),
      amount: 100,
      effectiveAt: at('2026-01-10T00:00:00Z'),
      expiresAt: at('2026-02-01T00:00:00Z'),
    })
    const aliceResult = run(
      {
        account: alice!.account,
        programs: [alice!.program],
        lots: [grant],
        usage: [use('a', 650, '2026-01-20T00:00:00Z', 'alice')],
      },
      '2026-01-31T00:00:00Z',
    )
    expect(paidBy(aliceResult, 'a')).toEqual({ 'alice-credits#0': 500, extra: 100, debt: 50 })
    expect(aliceResult.notices.map((notice) => notice.kind)).toContain('over_limit')
    const bobResult = run({ account: bob!.account, programs: [bob!.program] }, '2026-02-02T00:00:00Z')
    expect(counters(bobResult, 'bob-credits#0')).toMatchObject({ expired: 500, consumed: 0 })
  })
})

describe('Schematic-style preset', () => {
  it('prices actions from the rate table: 25 per image, 1 per text request', () => {
    expect(creditsFor(schematic, 'image', 2)).toBe(50)
    expect(creditsFor(schematic, 'text', 3)).toBe(3)
    expect(() => creditsFor(schematic, 'video', 1)).toThrow(/video/)
    const rates = rateEntries(schematic, 'acct', at('2026-01-01T00:00:00Z'))
    const images = { accountId: 'acct', key: 'image', quantity: 4, occurredAt: at('2026-02-01T00:00:00Z') }
    expect(resolveUsageAmount(images, rates)).toMatchObject({ ok: true, amount: 100, rounded: false })
  })

  it('rolls unused credits over, capped at one extra month, each rolled part lasting one more month', () => {
    const monthly = plan(schematic, 'monthly', 'plan', '2026-01-01T00:00:00Z', { amountPerPeriod: 100 })
    expect(monthly.rollover).toEqual({ mode: 'capped', cap: 100 })
    const result = run(
      {
        account: accountSpec(schematic, { id: 'acct' }),
        programs: [monthly],
        usage: [
          use('jan', creditsFor(schematic, 'text', 30), '2026-01-10T00:00:00Z'),
          use('feb', creditsFor(schematic, 'image', 2), '2026-02-10T00:00:00Z'),
        ],
      },
      '2026-03-15T00:00:00Z',
    )
    expect(counters(result, 'plan#0')).toMatchObject({ consumed: 30, rolledOut: 70, expired: 0 })
    expect(paidBy(result, 'feb')).toEqual({ 'plan#0>rolled': 50 })
    expect(counters(result, 'plan#0>rolled')).toMatchObject({ consumed: 50, expired: 20 })
    expect(counters(result, 'plan#1')).toMatchObject({ rolledOut: 100, expired: 0 })
    expect(lotOf(result, 'plan#1>rolled').expiresAt).toBe(at('2026-04-01T00:00:00Z'))
  })
})

describe('generic presets', () => {
  it('banks unused monthly credits up to two months of allowance; the bank is lost when the plan ends', () => {
    const monthly = plan(genericMonthlyRollover, 'monthly', 'g', '2026-01-01T00:00:00Z', {
      amountPerPeriod: 100,
      endsAt: at('2026-04-15T00:00:00Z'),
    })
    const result = run(
      { account: accountSpec(genericMonthlyRollover, { id: 'acct' }), programs: [monthly] },
      '2026-06-01T00:00:00Z',
    )
    expect(counters(result, 'g#0')).toMatchObject({ rolledOut: 100 })
    expect(counters(result, 'g#1')).toMatchObject({ rolledOut: 100 })
    expect(counters(result, 'g#2')).toMatchObject({ rolledOut: 0, expired: 100 })
    expect(lotOf(result, 'g#0>rolled')).toMatchObject({ expired: 100, closedAt: at('2026-05-01T00:00:00Z') })
    expect(conserved(result)).toBe(true)
  })

  it('resets a daily free allowance at local midnight in the account zone', () => {
    const zone = 'Europe/Berlin'
    const daily = programFact(dailyFree, 'daily', {
      id: 'd',
      accountId: 'acct',
      createdSeq: nextSeq(),
      start: at('2026-03-01T12:00:00Z'),
      zone,
      amountPerPeriod: 10,
    })
    expect(daily.anchor.local).toMatchObject({ day: 1, hour: 0 })
    const result = run(
      {
        account: accountSpec(dailyFree, { id: 'acct', zone }),
        programs: [daily],
        usage: [use('late', 4, '2026-03-01T22:30:00Z')],
      },
      '2026-03-04T00:00:00Z',
    )
    // 22:30Z is 23:30 in Berlin: still March 1, so that day's credits pay; they end at local midnight (23:00Z).
    expect(paidBy(result, 'late')).toEqual({ 'd#0': 4 })
    expect(lotOf(result, 'd#0')).toMatchObject({
      expiresAt: at('2026-03-01T23:00:00Z'),
      expired: 6,
      cost: { amount: 0 },
    })
    expect(lotOf(result, 'd#1')).toMatchObject({ effectiveAt: at('2026-03-01T23:00:00Z'), expired: 10 })
  })
})
