import { describe, expect, it } from 'vitest'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { accountLedger } from '../../electron/backend/ledger/account-ledger'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { at, ledgerFixture, minor, monthlyPlan, type LedgerFixture } from './ledger-fixtures'

/**
 * A plan that grants no credits (a plain subscription, amount 0 per period) is not a ledger fact: a read resumed from
 * a checkpoint must see the same facts as a replay from scratch. (Fix: the resumed read took the plan in and showed
 * an empty period lot at each renewal after the checkpoint, so `balance --all` depended on whether one existed.)
 */

const NOW = at('2026-11-22T09:00:00Z')
const DAY = 86_400_000

const fromScratch = (f: LedgerFixture, accountId: number, until: number): ReplayResult => {
  const facts = loadFacts(f.db, accountId)
  if (facts === undefined) throw new Error('no such account')
  return replay(facts, { until })
}

const comparable = (result: ReplayResult) => ({
  lots: [...result.lots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  balance: result.balance,
  notices: result.notices,
})

describe('checkpoints and plans without credits', () => {
  it('renewals after the checkpoint add no lots, as from scratch', async () => {
    const f = await ledgerFixture(NOW)
    const account = await f.account()
    f.lot(account, { amount: minor('100'), effectiveAt: at('2026-10-01T00:00:00Z') })
    f.program(account, monthlyPlan('2026-11-21T00:00:00Z', 0))
    f.usage(account, at('2026-11-21T12:00:00Z'), minor('2'))
    accountLedger(f.ctx, account, NOW)
    f.clock.advance(40 * DAY)
    const until = f.clock.now()
    const resumed = accountLedger(f.ctx, account, until)
    expect(resumed?.fromStored).toBe(true)
    expect(resumed?.result.lots.map((lot) => lot.id)).toEqual(['L1'])
    expect(resumed?.result.balance.balance).toBe(minor('98'))
    expect(comparable(resumed?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, until)))
  })

  it('a plan ending after the checkpoint changes nothing a replay from scratch would not', async () => {
    const f = await ledgerFixture(NOW)
    const account = await f.account()
    const plan = f.program(account, { ...monthlyPlan('2026-09-01T00:00:00Z', 0), endsAt: at('2026-12-01T00:00:00Z') })
    f.lot(account, { amount: minor('50'), effectiveAt: at('2026-10-01T00:00:00Z'), programId: plan })
    accountLedger(f.ctx, account, NOW)
    f.clock.advance(20 * DAY)
    const until = f.clock.now()
    const resumed = accountLedger(f.ctx, account, until)
    expect(resumed?.fromStored).toBe(true)
    expect(comparable(resumed?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, until)))
  })
})
