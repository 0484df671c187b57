import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forecast } from '@shared/ledger/forecast'
import type {
  ExpiryRule,
  LedgerFacts,
  LotEvent,
  LotFact,
  ProgramFact,
  RolloverRule,
  UsageFact,
} from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { adviseTopUp } from '@shared/ledger/topup-advice'
import { runForward, prepareForecast } from '@shared/ledger/forecast'
import { account, at, duration, facts, local, program, rechargeRule } from '../facts'

const numRuns = Number(process.env.FC_RUNS ?? 100)
/** Each case replays a few times over 90 days: about 10 ms; deep runs (FC_RUNS=2000) need the room. */
const slow = { timeout: Math.max(30_000, numRuns * 30) }
const DAY = 86_400_000
const JAN = at('2026-01-01T00:00:00Z')
const now = at('2026-03-01T00:00:00Z')
const horizon = duration('P90D')

const expiry: fc.Arbitrary<ExpiryRule> = fc.oneof(
  fc.constant<ExpiryRule>({ kind: 'never' }),
  fc.integer({ min: 1, max: 150 }).map<ExpiryRule>((days) => ({ kind: 'at', at: JAN + days * DAY })),
  fc.constantFrom<ExpiryRule>(
    { kind: 'after', duration: duration('P1M') },
    { kind: 'after', duration: duration('P45D') },
  ),
)
const lotArb = (i: number): fc.Arbitrary<LotFact> =>
  fc
    .record({
      amount: fc.integer({ min: 1, max: 500 }),
      day: fc.integer({ min: 0, max: 80 }),
      expiry,
      cost: fc.integer({ min: 0, max: 1000 }),
      priority: fc.constantFrom(10, 50),
    })
    .map(({ amount, day, expiry, cost, priority }) => ({
      id: `l${i}`,
      accountId: 'acct',
      kind: 'purchase',
      funding: cost === 0 ? 'promotional' : 'paid',
      amount,
      cost: { amount: cost, currency: 'USD' },
      effectiveAt: JAN + day * DAY + 3_600_000,
      expiry,
      priority,
      tags: [],
      createdSeq: 100 + i,
    }))
const rollover: fc.Arbitrary<RolloverRule> = fc.constantFrom<RolloverRule>(
  { mode: 'none' },
  { mode: 'full' },
  { mode: 'fraction', numerator: 1, denominator: 2 },
  { mode: 'capped', cap: 60 },
)
const programArb: fc.Arbitrary<ProgramFact[]> = fc
  .option(
    fc
      .record({
        amount: fc.integer({ min: 1, max: 200 }),
        rollover,
        periods: fc.option(fc.integer({ min: 1, max: 6 })),
      })
      .map(({ amount, rollover, periods }) => [
        program('plan', {
          anchor: { local: local('2026-01-15'), zone: 'UTC' },
          amountPerPeriod: amount,
          rollover,
          periods,
          rolled: { periods: 2, priority: 5 },
        }),
      ]),
    { nil: [] as ProgramFact[] },
  )
  .map((p) => p ?? [])
const usageArb: fc.Arbitrary<UsageFact[]> = fc
  .array(
    fc.record({ amount: fc.integer({ min: 1, max: 60 }), minute: fc.integer({ min: 0, max: 59 * 24 * 60 - 1 }) }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(({ amount, minute }, i) => ({
      id: `u${i}`,
      accountId: 'acct',
      occurredAt: JAN + minute * 60_000,
      amount,
      tags: [],
      billable: true,
      createdSeq: 1000 + i,
    })),
  )
const ledgerArb: fc.Arbitrary<LedgerFacts> = fc
  .record({
    lots: fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lotArb(i)))),
    programs: programArb,
    usage: usageArb,
    voidDay: fc.option(fc.integer({ min: 0, max: 100 })),
    recharge: fc.boolean(),
  })
  .map(({ lots, programs, usage, voidDay, recharge }) => {
    const lotEvents: LotEvent[] =
      voidDay === null || lots.length === 0
        ? []
        : [{ kind: 'void', lotId: 'l0', at: JAN + voidDay * DAY, mode: 'forward', createdSeq: 5000 }]
    return facts({
      account: account({ overdraft: { mode: 'unlimited', limit: 0 } }),
      lots,
      programs,
      usage,
      lotEvents,
      rechargeRules: recharge ? [rechargeRule('auto', { threshold: 20, amount: 100, monthlyMaxCount: 2 })] : [],
    })
  })

describe('forecast properties', () => {
  it('is the same from any checkpoint at or before now as from scratch', slow, () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 59 * DAY }), (ledger, offset) => {
        const checkpoint = replay(ledger, { until: JAN + offset }).state
        expect(forecast(ledger, { now, horizon, checkpoint })).toEqual(forecast(ledger, { now, horizon }))
      }),
      { numRuns },
    )
  })

  it(
    'unused per lot never exceeds what it had at now (or its grant), and lots expiring unused are closed',
    slow,
    () => {
      fc.assert(
        fc.property(ledgerArb, (ledger) => {
          const result = forecast(ledger, { now, horizon })
          for (const lot of result.expiring) {
            expect(lot.unused).toBeLessThanOrEqual(lot.existsNow ? lot.remainingNow : lot.granted)
            expect(lot.expiresAt).toBeGreaterThanOrEqual(now)
            expect(lot.expiresAt).toBeLessThan(result.horizonEnd)
          }
          const { horizon: total } = result.atRisk
          expect(total.unused).toBe(result.expiring.reduce((sum, lot) => sum + lot.unused, 0))
          if (result.rate.used === 0) expect(result.depletedAt === null || result.balanceNow < 0).toBe(true)
        }),
        { numRuns },
      )
    },
  )

  it('top-up advice: the advised amount is used up (debt repaid included), one unit more is not', slow, () => {
    const shape = { expiry: { kind: 'after', duration: duration('P1M') }, priority: 50, costPerUnit: null } as const
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const advice = adviseTopUp(ledger, shape, { now, horizon })
        const base = prepareForecast(ledger, { now, horizon }, advice.searchedUntil)
        const used = (amount: number) =>
          runForward(base, {
            lots: [topUp(amount)],
          }).lots.find((l) => l.id === 'forecast:topup')?.consumed
        const topUp = (amount: number) => ({
          id: 'forecast:topup',
          accountId: 'acct',
          kind: 'purchase' as const,
          funding: 'paid' as const,
          amount,
          cost: null,
          effectiveAt: now,
          expiry: shape.expiry,
          priority: 50,
          tags: [],
          createdSeq: Number.MAX_SAFE_INTEGER,
        })
        if (advice.amount > 0) expect(used(advice.amount)).toBe(advice.amount)
        const more = used(advice.amount + 1)
        expect(more === undefined || more < advice.amount + 1).toBe(true)
      }),
      { numRuns: Math.max(1, Math.floor(numRuns / 4)) },
    )
  })
})
