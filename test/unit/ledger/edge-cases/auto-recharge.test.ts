import { describe, expect, it } from 'vitest'
import type { LotFact, RechargeRule, UsageFact } from '@shared/ledger/model'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { account, at, counters, facts, lot, lotOf, rechargeRule, use } from '../facts'
import { balances, expectConserved, noticesOf, paidBy } from '../expect-ledger'

/**
 * ledger-semantics §11, items 36–40: auto-recharge. Whole dollars as units for readability. Unless a case says
 * otherwise: 8 on hand (bought Mar 1 2026), recharge $10 when the balance is at or below $5.
 */

const start = lot('start', 8, '2026-03-01T00:00:00Z')
const rule = (overrides: Partial<RechargeRule> = {}) => rechargeRule('r', { threshold: 5, amount: 10, ...overrides })
const run = (rules: readonly RechargeRule[], usage: readonly UsageFact[], lots = [start], zone = 'UTC') =>
  replay(facts({ account: account({ zone }), lots, usage, rechargeRules: rules }), {
    until: at('2026-06-01T00:00:00Z'),
  })
const recharges = (result: ReturnType<typeof run>) =>
  result.lots.filter((l) => l.kind === 'auto_recharge').map((l) => [new Date(l.effectiveAt).toISOString(), l.granted])

describe('§11 #36: one large usage far below the threshold', () => {
  // 8 on hand, 40 used at once → −32. Gap to the threshold: 5 − (−32) = 37.
  const usage = [use('big', 40, '2026-03-10T00:00:00Z')]

  it.each([
    // fixed $10: one charge of 10 × (⌊37 / 10⌋ + 1) = 40, not four separate charges → 8 after repaying 32.
    ['fixed: one gap-closing charge', rule(), 40, 8],
    // target $20: one charge of 20 − (−32) = 52 → exactly 20 after repaying 32.
    ['target: up to the target', rule({ mode: 'target', amount: 20 }), 52, 20],
  ])('%s', (_case, r, bought, after) => {
    const result = run([r], usage)
    expect(recharges(result)).toEqual([['2026-03-10T00:00:00.000Z', bought]])
    expect(noticesOf(result, 'recharge_projected')).toHaveLength(1)
    expect(result.balance).toMatchObject({ balance: after, debt: 0 })
    expect(result.balance.balance).toBeGreaterThan(5)
  })
})

describe('§11 #37: a recharge bought but not yet granted', () => {
  // Mar 10 10:00: 8 − 4 = 4 ≤ 5 → trigger: a projected 10 at once (its receipt is not there yet) → 14.
  // 10:05: 5 more: the start lot's 4, then 1 from the projection → 9 > 5 → no second trigger.
  // 10:10: the receipt of 10 (within the hour) replaces the projection: the projection's 9 left are voided, the 1 it
  // paid is clawed back and taken over by the receipt (10 − 1 = 9) → still 9, no debt.
  const receipt = lot('receipt', 10, '2026-03-10T10:10:00Z', { kind: 'auto_recharge' })
  const usage = [use('a', 4, '2026-03-10T10:00:00Z'), use('b', 5, '2026-03-10T10:05:00Z')]

  it('does not trigger a second time', () => {
    const result = run([rule({ confirmWithinMs: 3_600_000 })], usage, [start, receipt])
    const projection = `r@${at('2026-03-10T10:00:00Z')}`
    expect(noticesOf(result, 'recharge_projected')).toEqual([
      { kind: 'recharge_projected', at: at('2026-03-10T10:00:00Z'), ruleId: 'r', lotId: projection },
    ])
    // The projection (10:00) and its receipt (10:10), in time order.
    expect(recharges(result).sort()).toEqual([
      ['2026-03-10T10:00:00.000Z', 10],
      ['2026-03-10T10:10:00.000Z', 10],
    ])
    expect(counters(result, projection)).toEqual({ remaining: 0, consumed: 0, expired: 0, voided: 10, rolledOut: 0 })
    expect(counters(result, 'receipt')).toEqual({ remaining: 9, consumed: 1, expired: 0, voided: 0, rolledOut: 0 })
    expect(result.state.recharge['r']?.open).toEqual([])
    expect(result.balance).toMatchObject({ balance: 9, debt: 0 })
    expectConserved(result, usage)
  })
})

describe('§9.9, §10 #17: a receipt after the trigger replaces the projection without changing the past', () => {
  // Trigger at 00:00, receipt at 12:00 the same day, confirmed within 24 h. 8 on hand.
  // 00:00: 8 − 4 = 4 ≤ 5 → a projected 10 → 14. 03:00: 6 used: the start lot's 4, then 2 from the projection → 8.
  // 06:00: 8, whether the receipt is recorded or not: the balance then depends only on facts effective by then.
  // 12:00: the receipt of 10 replaces the projection: its 8 left are voided, the 2 it paid are clawed back and the
  // receipt takes them over (10 − 2 = 8) → still 8. 14:00: 1 used, paid by the receipt → 7.
  // Without the receipt the projection stays (open) and pays both: consumed 3, 7 left.
  const usage = [
    use('a', 4, '2026-03-10T00:00:00Z'),
    use('b', 6, '2026-03-10T03:00:00Z'),
    use('late', 1, '2026-03-10T14:00:00Z'),
  ]
  const receipt = lot('receipt', 10, '2026-03-10T12:00:00Z', { kind: 'auto_recharge' })
  const projection = `r@${at('2026-03-10T00:00:00Z')}`
  const ledger = (lots: LotFact[]) =>
    facts({ account: account(), lots, usage, rechargeRules: [rule({ confirmWithinMs: 24 * 3_600_000 })] })
  const snapshots = ['00:00', '03:00', '06:00', '11:59:59.999', '12:00', '14:00'].map((time) =>
    at(`2026-03-10T${time}Z`),
  )
  const until = at('2026-04-01T00:00:00Z')
  const withReceipt = replay(ledger([start, receipt]), { until, snapshots, collectAllocations: true })
  const without = replay(ledger([start]), { until, snapshots, collectAllocations: true })

  it('the balance before the receipt is the same with and without it', () => {
    expect(balances(withReceipt)).toEqual({
      '2026-03-10T00:00:00.000Z': 14,
      '2026-03-10T03:00:00.000Z': 8,
      '2026-03-10T06:00:00.000Z': 8,
      '2026-03-10T11:59:59.999Z': 8,
      '2026-03-10T12:00:00.000Z': 8,
      '2026-03-10T14:00:00.000Z': 7,
    })
    expect(balances(without)).toEqual(balances(withReceipt))
    // Not only the balance: the notices and the projection as of 06:00.
    const asOf = at('2026-03-10T06:00:00Z') + 1
    const before = replay(ledger([start, receipt]), { until: asOf })
    expect(before.notices).toEqual(replay(ledger([start]), { until: asOf }).notices)
    expect(counters(before, projection)).toEqual({ remaining: 8, consumed: 2, expired: 0, voided: 0, rolledOut: 0 })
  })

  it('a checkpoint made before the receipt was recorded stays valid once it is', () => {
    const checkpoint = replay(ledger([start]), { until: at('2026-03-10T06:00:00Z') + 1 }).state
    const resumed = replay(ledger([start, receipt]), { until, from: checkpoint })
    const whole = replay(ledger([start, receipt]), { until })
    const byId = (result: ReplayResult) => [...result.lots].sort((a, b) => (a.id < b.id ? -1 : 1))
    expect({ lots: byId(resumed), notices: resumed.notices, balance: resumed.balance }).toEqual({
      lots: byId(whole),
      notices: whole.notices,
      balance: whole.balance,
    })
  })

  it('after the receipt, the receipt carries the consumption and the projection shows voided with 0 consumed', () => {
    expect(noticesOf(withReceipt, 'recharge_projected')).toMatchObject([{ lotId: projection }])
    expect(lotOf(withReceipt, projection)).toMatchObject({
      projected: true,
      status: 'closed',
      closedAt: receipt.effectiveAt,
    })
    expect(counters(withReceipt, projection)).toEqual({
      remaining: 0,
      consumed: 0,
      expired: 0,
      voided: 10,
      rolledOut: 0,
    })
    expect(lotOf(withReceipt, projection).history.map((h) => [h.type, h.amount, h.note])).toEqual([
      ['grant', 10, undefined],
      ['consume', 2, undefined],
      ['void', 8, 'confirmed by receipt'],
      ['clawback', 2, 'confirmed by receipt'],
    ])
    expect(counters(withReceipt, 'receipt')).toEqual({ remaining: 7, consumed: 3, expired: 0, voided: 0, rolledOut: 0 })
    expect(lotOf(withReceipt, 'receipt').history.map((h) => [h.type, h.amount, h.note])).toEqual([
      ['grant', 10, undefined],
      ['consume', 2, `took over from ${projection}`],
      ['consume', 1, undefined],
    ])
    expect(paidBy(withReceipt, 'late')).toEqual({ receipt: 1 })
    expect(paidBy(withReceipt, `recharge:${projection}`)).toEqual({ receipt: 2 })
    // The month counts the receipt once, not the projection too; nothing waits for a receipt any more.
    expect(withReceipt.state.rechargeMonths).toEqual({ '2026-03': { count: 1, amount: 10 } })
    expect(withReceipt.state.recharge['r']?.open).toEqual([])
    expect(withReceipt.balance).toMatchObject({ balance: 7, debt: 0 })
    expectConserved(withReceipt, usage)

    // Without it, the projection keeps paying and stays open, waiting for its receipt.
    expect(counters(without, projection)).toEqual({ remaining: 7, consumed: 3, expired: 0, voided: 0, rolledOut: 0 })
    expect(without.state.recharge['r']?.open).toEqual([projection])
    expect(without.balance).toMatchObject({ balance: 7, debt: 0 })
  })
})

describe('§11 #37: a receipt already in the balance confirms nothing', () => {
  // 10:00: a recharge receipt of 10 (granted before the instant's usage: 8 + 10 = 18), then 30 used → −12.
  // Still at or below $5, so the vendor charges again: one gap-closing charge of 10 × (⌊17 / 10⌋ + 1) = 20 → 8.
  it('projects the recharge the vendor would make', () => {
    const receipt = lot('receipt', 10, '2026-03-10T10:00:00Z', { kind: 'auto_recharge' })
    const usage = [use('big', 30, '2026-03-10T10:00:00Z')]
    const result = run([rule({ confirmWithinMs: 3_600_000 })], usage, [start, receipt])
    expect(noticesOf(result, 'recharge_projected')).toHaveLength(1)
    expect(result.lots.find((l) => l.projected)).toMatchObject({ granted: 20 })
    expect(result.balance).toMatchObject({ balance: 8, debt: 0 })
  })
})

describe('§11 #38: the monthly cap counts months in the vendor zone', () => {
  // America/Los_Angeles, at most one recharge a month. Apr 1 06:30Z is still Mar 31 23:30 PDT.
  // 06:30Z: 4 → 4 → recharge (March's first) → 14. 06:45Z: 10 → 4 → March's second → blocked.
  // 07:30Z = Apr 1 00:30 PDT: 1 → 3 → April's first → 13.
  const usage = [
    use('a', 4, '2026-04-01T06:30:00Z'),
    use('b', 10, '2026-04-01T06:45:00Z'),
    use('c', 1, '2026-04-01T07:30:00Z'),
  ]

  it('blocks in the vendor’s month and says so, then allows the next month', () => {
    const result = run([rule({ monthlyMaxCount: 1 })], usage, [start], 'America/Los_Angeles')
    expect(recharges(result)).toEqual([
      ['2026-04-01T06:30:00.000Z', 10],
      ['2026-04-01T07:30:00.000Z', 10],
    ])
    expect(noticesOf(result, 'recharge_blocked')).toEqual([
      { kind: 'recharge_blocked', at: at('2026-04-01T06:45:00Z'), ruleId: 'r', month: '2026-03', reason: 'max_count' },
    ])
    expect(result.balance.balance).toBe(13)
  })

  it('in UTC all three are April’s: the 07:30Z one stays blocked', () => {
    // 06:30Z: April's first → 14. 06:45Z: 4 → blocked (notice, until May 1). 07:30Z: 3 → still blocked, silently.
    const result = run([rule({ monthlyMaxCount: 1 })], usage, [start], 'UTC')
    expect(recharges(result)).toEqual([['2026-04-01T06:30:00.000Z', 10]])
    expect(noticesOf(result, 'recharge_blocked')).toMatchObject([{ at: at('2026-04-01T06:45:00Z'), month: '2026-04' }])
    expect(result.balance.balance).toBe(3)
  })
})

describe('§11 #39: a recharge larger than the monthly amount limit', () => {
  it('is blocked with a notice, never silently shrunk', () => {
    // −32 after 40 used: the gap-closing charge is 40 > the $30 monthly limit → blocked; the debt stays visible.
    const result = run([rule({ monthlyMaxAmount: 30 })], [use('big', 40, '2026-03-10T00:00:00Z')])
    expect(recharges(result)).toEqual([])
    expect(noticesOf(result, 'recharge_blocked')).toMatchObject([{ month: '2026-03', reason: 'max_amount' }])
    expect(result.balance).toMatchObject({ balance: -32, debt: 32 })
  })

  it('a rule that buys nothing never fires', () => {
    const result = run([rule({ amount: 0 })], [use('a', 4, '2026-03-10T00:00:00Z')])
    expect(result.lots.map((l) => l.id)).toEqual(['start'])
    expect(result.notices).toEqual([])
    expect(result.balance.balance).toBe(4)
  })
})

describe('§11 #40: a disabled rule never fires', () => {
  const usage = [use('a', 4, '2026-03-10T00:00:00Z')]
  it.each([
    ['disabled before the usage', { enabledUntil: at('2026-03-10T00:00:00Z') }, 0],
    ['enabled only after it', { enabledFrom: at('2026-03-10T00:00:00.001Z') }, 0],
    ['enabled at that instant', { enabledFrom: at('2026-03-10T00:00:00Z') }, 1],
  ])('%s', (_case, window, count) => {
    const result = run([rule(window)], usage)
    expect(recharges(result)).toHaveLength(count)
    expect(result.balance.balance).toBe(4 + 10 * count)
  })
})
