import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { accountLedger } from '../../electron/backend/ledger/account-ledger'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { at, ledgerFixture, monthlyPlan, type LedgerFixture } from './ledger-fixtures'

/**
 * Property: whatever facts exist and whenever they arrive (before or after the stored checkpoint, while days pass),
 * a read through the checkpoint equals a replay from scratch of every stored fact. Runs from FC_RUNS (default 25:
 * each run writes to a real database).
 */

const RUNS = Math.max(1, Math.round(Number(process.env.FC_RUNS ?? 50) / 2))
const DAY = 86_400_000
const NOW = at('2026-11-22T09:00:00Z')

type Fact =
  | {
      readonly type: 'lot'
      readonly day: number
      readonly amount: number
      readonly expiresIn: number | null
      readonly priority: number
      readonly promo: boolean
      readonly restricted: boolean
      readonly cost: number | null
    }
  | {
      readonly type: 'usage'
      readonly day: number
      readonly hour: number
      readonly amount: number
      readonly tagged: boolean
    }
  | { readonly type: 'void'; readonly lot: number; readonly day: number }
  | { readonly type: 'observation'; readonly day: number; readonly balance: number }

const day = fc.integer({ min: -45, max: 3 })
const factArb: fc.Arbitrary<Fact> = fc.oneof(
  fc.record({
    type: fc.constant('lot' as const),
    day,
    amount: fc.integer({ min: 1, max: 400 }),
    expiresIn: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    priority: fc.constantFrom(10, 50),
    promo: fc.boolean(),
    restricted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    cost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('usage' as const),
    day,
    hour: fc.integer({ min: 0, max: 23 }),
    amount: fc.integer({ min: 0, max: 120 }),
    tagged: fc.boolean(),
  }),
  fc.record({ type: fc.constant('void' as const), lot: fc.nat(5), day }),
  fc.record({ type: fc.constant('observation' as const), day, balance: fc.integer({ min: -50, max: 500 }) }),
)

const scenarioArb = fc.record({
  facts: fc.array(factArb, { minLength: 1, maxLength: 25 }),
  firstBatch: fc.nat(25),
  plan: fc.boolean(),
  freeFirst: fc.boolean(),
  daysPassing: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }),
})

const comparable = (result: ReplayResult) => ({
  lots: [...result.lots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  balance: result.balance,
  notices: result.notices,
})

const write = (f: LedgerFixture, account: number, lots: number[], fact: Fact, base: number): void => {
  const when = base + fact.day * DAY
  switch (fact.type) {
    case 'lot':
      lots.push(
        f.lot(account, {
          amount: fact.amount,
          effectiveAt: when,
          expiry: fact.expiresIn === null ? { kind: 'never' } : { kind: 'at', at: when + fact.expiresIn * DAY },
          priority: fact.priority,
          funding: fact.promo ? 'promotional' : 'paid',
          kind: fact.promo ? 'promo' : 'purchase',
          tags: fact.restricted ? ['model:x'] : [],
          cost: fact.cost === null ? null : { amount: fact.cost, currency: 'USD' },
        }),
      )
      return
    case 'usage':
      f.usage(account, when + fact.hour * 3_600_000, fact.amount, { tags: fact.tagged ? ['model:x'] : [] })
      return
    case 'void': {
      const lot = lots[fact.lot % Math.max(1, lots.length)]
      if (lot !== undefined) f.lotEvent(lot, { kind: 'void', at: when + 12 * 3_600_000 })
      return
    }
    case 'observation':
      f.observation(account, when + 6 * 3_600_000, fact.balance)
  }
}

describe('checkpoints (property)', () => {
  it('a read through the stored checkpoint equals a replay from scratch, as facts arrive and days pass', async () => {
    const f = await ledgerFixture(NOW)
    let n = 0
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        f.clock.advance(NOW - f.clock.now())
        const account = await f.account({
          name: `P${String((n += 1))}`,
          unitId: 'credits',
          drawdown: scenario.freeFirst ? 'free_first' : 'default',
          overdraft: { mode: 'unlimited' },
        })
        if (scenario.plan) f.program(account, monthlyPlan('2026-09-03T00:00:00Z', 150))
        const lots: number[] = []
        const split = Math.min(scenario.firstBatch, scenario.facts.length)
        for (const fact of scenario.facts.slice(0, split)) write(f, account, lots, fact, NOW)
        const check = () => {
          const until = f.clock.now()
          const read = accountLedger(f.ctx, account, until)
          const facts = loadFacts(f.db, account)
          if (read === undefined || facts === undefined) throw new Error('account vanished')
          expect(comparable(read.result)).toEqual(comparable(replay(facts, { until })))
        }
        check()
        scenario.facts.slice(split).forEach((fact, index) => {
          f.clock.advance((scenario.daysPassing[index] ?? 0) * DAY)
          write(f, account, lots, fact, NOW)
          check()
        })
        check()
      }),
      { numRuns: RUNS },
    )
  }, 60_000)
})
