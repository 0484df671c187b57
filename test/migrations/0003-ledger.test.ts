import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection, type Connection } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'
import { tempDir } from '../backend/helpers'

const at = async (version: number) => {
  const db = openConnection(join(tempDir(), 'v.db'))
  await migrate(db, MIGRATIONS.slice(0, version), () => Promise.resolve())
  return db
}

/** A vendor and an account at version 3, as the catalog of 0001 stores them. */
const withAccount = async (): Promise<Connection> => {
  const db = await at(3)
  db.prepare("INSERT INTO vendors (id, name, recorded_at) VALUES (1, 'OpenAI', 0)").run()
  db.prepare(
    "INSERT INTO accounts (id, vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (1, 1, 'API', 'USD', 'USD', 'UTC', 0)",
  ).run()
  return db
}

const lot = (db: Connection, id: number, effectiveAt: number) =>
  db
    .prepare(
      `INSERT INTO lots (id, account_id, kind, funding, amount, effective_at, expiry_kind, priority, recorded_at)
       VALUES (?, 1, 'purchase', 'paid', 100000000, ?, 'never', 0, 0)`,
    )
    .run(id, effectiveAt)

const usage = (db: Connection, occurredAt: number) =>
  db
    .prepare('INSERT INTO usage (account_id, occurred_at, amount, recorded_at) VALUES (1, ?, 1000000, 0)')
    .run(occurredAt)

const checkpoint = (db: Connection, processedBefore: number) =>
  db
    .prepare(
      `INSERT OR REPLACE INTO checkpoints (account_id, processed_before, engine_version, policy, state, recorded_at)
       VALUES (1, ?, 3, 'p', '{}', 0)`,
    )
    .run(processedBefore)

const hasCheckpoint = (db: Connection) =>
  db.prepare('SELECT 1 FROM checkpoints WHERE account_id = 1').get() !== undefined

describe('0003 ledger facts', () => {
  it('gives existing accounts the default drawdown and no overdraft', async () => {
    const db = await at(2)
    db.prepare("INSERT INTO vendors (id, name, recorded_at) VALUES (1, 'OpenAI', 0)").run()
    db.prepare(
      "INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (1, 'API', 'USD', 'USD', 'UTC', 0)",
    ).run()
    await migrate(db, MIGRATIONS.slice(0, 3), () => Promise.resolve())
    expect(
      db.prepare('SELECT drawdown, overdraft_mode, overdraft_limit, overdraft_billed_with FROM accounts').get(),
    ).toEqual({ drawdown: 'default', overdraft_mode: 'none', overdraft_limit: 0, overdraft_billed_with: null })
    db.close()
  })

  it('refuses lots that could not replay: zero amounts, half a cost, an expiry before the start, floats', async () => {
    const db = await withAccount()
    lot(db, 1, 1000)
    expect(() => db.prepare('UPDATE lots SET amount = 0 WHERE id = 1').run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE lots SET cost_amount = 5 WHERE id = 1').run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE lots SET expiry_kind = 'at' WHERE id = 1").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE lots SET expiry_kind = 'at', expires_at = 500 WHERE id = 1").run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE lots SET amount = 1.5 WHERE id = 1').run()).toThrow(/cannot store REAL/)
    expect(() => db.prepare("UPDATE lots SET tags = '{}' WHERE id = 1").run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE lots SET account_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('keeps a void mode only on voids and an account with facts from being deleted', async () => {
    const db = await withAccount()
    lot(db, 1, 1000)
    const event = (kind: string, mode: string | null) =>
      db
        .prepare(
          'INSERT INTO lot_events (lot_id, account_id, kind, at, mode, recorded_at) VALUES (1, 1, ?, 2000, ?, 0)',
        )
        .run(kind, mode)
    expect(() => event('void', null)).toThrow(/CHECK/)
    expect(() => event('retract', 'forward')).toThrow(/CHECK/)
    event('void', 'clawback')
    expect(() => db.prepare('DELETE FROM accounts WHERE id = 1').run()).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('deletes a checkpoint in the same statement as usage dated before it, and keeps it for later usage', async () => {
    const db = await withAccount()
    checkpoint(db, 10_000)
    usage(db, 10_000)
    expect(hasCheckpoint(db)).toBe(true)
    usage(db, 9_999)
    expect(hasCheckpoint(db)).toBe(false)
    checkpoint(db, 10_000)
    db.prepare('UPDATE usage SET occurred_at = 5000 WHERE occurred_at = 10000').run()
    expect(hasCheckpoint(db)).toBe(false)
    checkpoint(db, 10_000)
    db.prepare('DELETE FROM usage WHERE occurred_at = 5000').run()
    expect(hasCheckpoint(db)).toBe(false)
    db.close()
  })

  it('deletes a checkpoint for an earlier lot, any lot event, plan, recharge rule or account policy change', async () => {
    const db = await withAccount()
    checkpoint(db, 10_000)
    lot(db, 1, 20_000)
    expect(hasCheckpoint(db)).toBe(true)
    lot(db, 2, 5_000)
    expect(hasCheckpoint(db)).toBe(false)
    const changes = [
      "INSERT INTO lot_events (lot_id, account_id, kind, at, recorded_at) VALUES (1, 1, 'retract', 30000, 0)",
      `INSERT INTO programs (account_id, name, kind, anchor_local, anchor_zone, interval, amount_per_period, cost_basis,
         lot, rollover, rolled, rolled_lost_on_end, recorded_at) VALUES (1, 'Plus', 'allowance',
         '2026-01-01T00:00:00.000', 'UTC', 'P1M', 100, 'per_period', '{}', '{}', '{}', 0, 0)`,
      `INSERT INTO recharge_rules (account_id, threshold, mode, amount, enabled_from, lot, confirm_within_ms, recorded_at)
         VALUES (1, 5, 'fixed', 10, 0, '{}', 0, 0)`,
      "UPDATE accounts SET drawdown = 'free_first'",
      'INSERT INTO observations (account_id, at, balance, recorded_at) VALUES (1, 9000, 0, 0)',
    ]
    for (const sql of changes) {
      checkpoint(db, 10_000)
      db.prepare(sql).run()
      expect(hasCheckpoint(db), sql).toBe(false)
    }
    db.close()
  })

  it('journals whole rows only while a batch is journaling', async () => {
    const db = await withAccount()
    usage(db, 1)
    expect(db.prepare('SELECT count(*) AS n FROM batch_changes').get()).toEqual({ n: 0 })
    db.prepare("INSERT INTO batches (id, kind, label, created_at, changed_at) VALUES (1, 'manual', 'x', 0, 0)").run()
    db.prepare('UPDATE journal_state SET batch_id = 1, journaling = 1').run()
    usage(db, 2)
    db.prepare('UPDATE usage SET amount = 7 WHERE occurred_at = 2').run()
    db.prepare('DELETE FROM usage WHERE occurred_at = 2').run()
    const rows = db.prepare('SELECT tbl, op, before, after FROM batch_changes ORDER BY seq').all() as {
      tbl: string
      op: string
      before: string | null
      after: string | null
    }[]
    expect(rows.map((row) => [row.tbl, row.op])).toEqual([
      ['usage', 'insert'],
      ['usage', 'update'],
      ['usage', 'delete'],
    ])
    expect(JSON.parse(rows[1]?.after ?? '{}')).toMatchObject({ amount: 7, occurred_at: 2, tags: '[]' })
    expect(() => db.prepare('UPDATE journal_state SET id = 2').run()).toThrow(/CHECK/)
    db.close()
  })
})
