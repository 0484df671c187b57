import { describe, expect, it } from 'vitest'
import type { Balances } from '@shared/api/types/views'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { ENGINE_VERSION } from '@shared/ledger/replay-state'
import { openConnection } from '../../electron/backend/db/connection'
import { accountLedger } from '../../electron/backend/ledger/account-ledger'
import { checkpointInstant, dataVersion, saveCheckpoints } from '../../electron/backend/ledger/checkpoints'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { at, ledgerFixture, minor, monthlyPlan, type LedgerFixture } from './ledger-fixtures'

/** Persisted checkpoints (issue 4 §3): placed at a lagged instant, invalidated by facts before them, never stale. */

const NOW = at('2026-11-22T09:00:00Z')
const LAG = at('2026-11-20T00:00:00Z')

/** The same account replayed from scratch with every stored fact: what any read must equal. */
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

const seeded = async () => {
  const f = await ledgerFixture(NOW)
  const account = await f.account()
  f.lot(account, { amount: minor('100'), effectiveAt: at('2026-10-01T00:00:00Z') })
  f.lot(account, {
    amount: minor('30'),
    effectiveAt: at('2026-10-15T00:00:00Z'),
    expiry: { kind: 'at', at: at('2026-11-21T00:00:00Z') },
  })
  for (let day = 1; day <= 21; day += 1)
    f.usage(account, at(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`), minor('1.5'))
  return { f, account }
}

describe('checkpoints', () => {
  it('sit at the UTC day start two days before now', () => {
    expect(checkpointInstant(NOW)).toBe(LAG)
    expect(checkpointInstant(at('2026-11-22T00:00:00Z'))).toBe(LAG)
    expect(checkpointInstant(at('2026-11-21T23:59:59.999Z'))).toBe(at('2026-11-19T00:00:00Z'))
  })

  it('the first read stores one at the lag point; the next read resumes from it with the same answer', async () => {
    const { f, account } = await seeded()
    expect(f.checkpoint(account)).toBeUndefined()
    const first = accountLedger(f.ctx, account, NOW)
    expect(first?.fromStored).toBe(false)
    expect(first?.resumedFrom).toBe(LAG)
    const stored = f.checkpoint(account)
    expect(stored?.processed_before).toBe(LAG)
    const row = f.db.prepare('SELECT engine_version, policy FROM checkpoints WHERE account_id = ?').get(account)
    expect(row).toEqual({ engine_version: ENGINE_VERSION, policy: expect.stringMatching(/^1:restricted_first,/) })

    const second = accountLedger(f.ctx, account, NOW)
    expect(second?.fromStored).toBe(true)
    expect(second?.resumedFrom).toBe(LAG)
    // only the usage from the checkpoint on was loaded: the 20th and the 21st
    expect(second?.facts.usage).toHaveLength(2)
    expect(comparable(second?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, NOW)))
    expect(second?.result.balance.balance).toBe(minor('98.5'))
  })

  it('a fact dated before the checkpoint deletes it in the same transaction, and the next read is right', async () => {
    const { f, account } = await seeded()
    accountLedger(f.ctx, account, NOW)
    expect(f.checkpoint(account)).toBeDefined()
    f.usage(account, at('2026-11-19T12:00:00Z'), minor('2'))
    expect(f.checkpoint(account), 'deleted by the usage trigger').toBeUndefined()
    const balance = await f.call<Balances>('ledger.balances', { accountId: account })
    expect(balance.accounts[0]?.balance.value).toBe('96.50')
    expect(f.checkpoint(account)?.processed_before, 'stored again by that read').toBe(LAG)

    const lot = f.lot(account, { amount: minor('5'), effectiveAt: at('2026-11-01T00:00:00Z') })
    expect(f.checkpoint(account)).toBeUndefined()
    expect((await f.call<Balances>('ledger.balances', { accountId: account })).accounts[0]?.balance.value).toBe(
      '101.50',
    )
    // rules and events delete it whatever their date
    f.lotEvent(lot, { kind: 'void', at: at('2026-11-21T12:00:00Z') })
    expect(f.checkpoint(account)).toBeUndefined()
    expect((await f.call<Balances>('ledger.balances', { accountId: account })).accounts[0]?.balance.value).toBe('96.50')
  })

  it('a fact after the checkpoint keeps it, and is counted on top of it', async () => {
    const { f, account } = await seeded()
    accountLedger(f.ctx, account, NOW)
    const before = f.checkpoint(account)
    f.usage(account, at('2026-11-21T18:00:00Z'), minor('10'))
    f.lot(account, { amount: minor('40'), effectiveAt: at('2026-11-20T00:00:00Z') })
    expect(f.checkpoint(account)).toEqual(before)
    const result = accountLedger(f.ctx, account, NOW)
    expect(result?.fromStored).toBe(true)
    expect(result?.result.balance.balance).toBe(minor('128.5'))
    expect(comparable(result?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, NOW)))
  })

  it('moves forward as days pass, never backward for an as-of read in the past', async () => {
    const { f, account } = await seeded()
    accountLedger(f.ctx, account, NOW)
    accountLedger(f.ctx, account, at('2026-11-05T00:00:00Z'))
    expect(f.checkpoint(account)?.processed_before).toBe(LAG)
    f.clock.advance(3 * 86_400_000)
    const later = accountLedger(f.ctx, account, f.clock.now())
    expect(f.checkpoint(account)?.processed_before).toBe(at('2026-11-23T00:00:00Z'))
    expect(comparable(later?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, f.clock.now())))
  })

  it('a checkpoint the engine refuses (stale, unreadable, another engine) falls back to a full replay', async () => {
    const { f, account } = await seeded()
    accountLedger(f.ctx, account, NOW)
    const expected = comparable(fromScratch(f, account, NOW))
    // Simulate a stale state the triggers could not know about: it lost a lot effective before it.
    const row = f.checkpoint(account)
    const state = JSON.parse(row?.state ?? '{}') as { lots: { id: string }[] }
    const stale = { ...state, lots: state.lots.slice(1) }
    f.db.prepare('UPDATE checkpoints SET state = ? WHERE account_id = ?').run(JSON.stringify(stale), account)
    const read = accountLedger(f.ctx, account, NOW)
    expect(read?.fromStored).toBe(false)
    expect(comparable(read?.result as ReplayResult)).toEqual(expected)
    expect(JSON.parse(f.checkpoint(account)?.state ?? '{}')).toEqual(state)

    // A state the engine itself cannot resume from (here: its debt is not a list) is refused the same way.
    f.db
      .prepare('UPDATE checkpoints SET state = ? WHERE account_id = ?')
      .run(JSON.stringify({ ...state, debt: 5 }), account)
    const broken = accountLedger(f.ctx, account, NOW)
    expect(broken?.fromStored).toBe(false)
    expect(comparable(broken?.result as ReplayResult)).toEqual(expected)

    f.db.prepare('UPDATE checkpoints SET state = ? WHERE account_id = ?').run('{not json', account)
    expect(comparable(accountLedger(f.ctx, account, NOW)?.result as ReplayResult)).toEqual(expected)
    f.db.prepare('UPDATE checkpoints SET engine_version = 1, state = ? WHERE account_id = ?').run('{}', account)
    expect(comparable(accountLedger(f.ctx, account, NOW)?.result as ReplayResult)).toEqual(expected)
    expect(f.checkpoint(account)?.processed_before).toBe(LAG)
  })

  it('a read never waits for another process holding the write lock, and then stores nothing', async () => {
    const { f, account } = await seeded()
    const other = openConnection(f.ctx.dbPath)
    try {
      other.prepare('BEGIN IMMEDIATE').run()
      const started = performance.now()
      const balance = await f.call<Balances>('ledger.balances', { accountId: account })
      expect(performance.now() - started).toBeLessThan(2_000)
      expect(balance.accounts[0]?.balance.value).toBe('98.50')
      expect(accountLedger(f.ctx, account, NOW)?.result.balance.balance).toBe(minor('98.5'))
      other.prepare('ROLLBACK').run()
      expect(f.checkpoint(account)).toBeUndefined()
      // the busy timeout is back to its 30 s for the writes that must wait
      expect(f.db.pragma('busy_timeout', { simple: true })).toBe(30_000)
    } finally {
      other.close()
    }
  })

  it('states computed before another connection committed are not stored (they may be stale)', async () => {
    const { f, account } = await seeded()
    const version = dataVersion(f.db)
    const facts = loadFacts(f.db, account)
    if (facts === undefined) throw new Error('no account')
    const state = replay(facts, { until: LAG }).state
    const other = openConnection(f.ctx.dbPath)
    try {
      other
        .prepare('INSERT INTO usage (account_id, occurred_at, amount, recorded_at) VALUES (?, ?, ?, 0)')
        .run(account, at('2026-11-10T00:00:00Z'), minor('1'))
    } finally {
      other.close()
    }
    expect(saveCheckpoints(f.db, [{ accountId: account, state }], version, NOW)).toBe(false)
    expect(f.checkpoint(account)).toBeUndefined()
    expect(saveCheckpoints(f.db, [{ accountId: account, state }], dataVersion(f.db), NOW)).toBe(true)
    expect(f.checkpoint(account)?.processed_before).toBe(LAG)
  })

  it('a read inside a transaction (a mutation reading a balance) computes but stores nothing', async () => {
    const { f, account } = await seeded()
    const inside = f.db.transaction(() => accountLedger(f.ctx, account, NOW)).immediate()
    expect(inside?.result.balance.balance).toBe(minor('98.5'))
    expect(f.checkpoint(account)).toBeUndefined()
  })

  it('plans: renewals after the checkpoint replay the same as from scratch', async () => {
    const f = await ledgerFixture(NOW)
    const account = await f.account({ unitId: 'credits' })
    f.program(account, monthlyPlan('2026-01-15T00:00:00Z', 1000, { rollover: { mode: 'capped', cap: 500 } }))
    for (let day = 1; day <= 300; day += 3) f.usage(account, at('2026-01-15T00:00:00Z') + day * 86_400_000, 37)
    accountLedger(f.ctx, account, NOW)
    f.clock.advance(40 * 86_400_000)
    const until = f.clock.now()
    f.usage(account, until - 86_400_000, 11)
    const resumed = accountLedger(f.ctx, account, until)
    expect(resumed?.fromStored).toBe(true)
    expect(resumed?.resumedFrom).toBe(checkpointInstant(until))
    expect(comparable(resumed?.result as ReplayResult)).toEqual(comparable(fromScratch(f, account, until)))
  })
})
