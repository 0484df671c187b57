import { join } from 'node:path'
import type { Backend } from '../../electron/backend/backend'
import { closeConnection, openConnection, type Connection } from '../../electron/backend/db/connection'
import { currentBatchId, runInBatch } from '../../electron/backend/history/batches'
import { JOURNALED_TABLES } from '../../electron/backend/history/journaled-tables'
import { fakeClock, openTestBackend, tempDir, value } from './helpers'
import { afterEach } from 'vitest'

/**
 * A ledger for the history, export and restore tests: the backend (for contract calls) plus a second connection on
 * the same file, used to write lots, usage and programs by SQL inside a batch (so the journal triggers record them)
 * without depending on the fact methods.
 */

export interface Ledger {
  readonly backend: Backend
  readonly dbPath: string
  readonly sql: Connection
  readonly clock: ReturnType<typeof fakeClock>
  /** Call a method and unwrap its value (fails the test on an error). */
  readonly call: <T = unknown>(method: string, input?: unknown) => Promise<T>
  /** Write by SQL as one manual batch (the clock moves a second first). */
  readonly batch: <T>(label: string, work: (batchId: number) => T) => T
}

const opened: Connection[] = []
afterEach(() => {
  for (const db of opened.splice(0)) closeConnection(db)
})

export const openLedger = async (dbPath = join(tempDir(), 'ledger.db')): Promise<Ledger> => {
  const clock = fakeClock()
  const backend = await openTestBackend(dbPath, clock)
  const sql = openConnection(dbPath)
  opened.push(sql)
  return {
    backend,
    dbPath,
    sql,
    clock,
    call: async <T>(method: string, input?: unknown) => {
      clock.advance(1000)
      return value(await backend.dispatch(method, input)) as T
    },
    batch: (label, work) => {
      clock.advance(1000)
      return runInBatch(sql, { kind: 'manual', label, method: null }, clock.now(), work)
    },
  }
}

const T0 = Date.UTC(2026, 0, 1)
const DAY = 86_400_000

export const insertLot = (
  db: Connection,
  accountId: number,
  fields: { amount: number; at?: number; expiresAt?: number | null; note?: string | null; programId?: number },
): number =>
  Number(
    db
      .prepare(
        `INSERT INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at, expiry_kind,
           expires_at, priority, tags, program_id, note, recorded_at, source, batch_id)
         VALUES (?, 'purchase', 'paid', ?, ?, 'USD', ?, ?, ?, 50, '["team:core"]', ?, ?, ?, 'manual', ?)`,
      )
      .run(
        accountId,
        fields.amount,
        fields.amount,
        fields.at ?? T0,
        fields.expiresAt ? 'at' : 'never',
        fields.expiresAt ?? null,
        fields.programId ?? null,
        fields.note ?? null,
        T0,
        currentBatchId(db),
      ).lastInsertRowid,
  )

export const insertUsage = (db: Connection, accountId: number, amount: number, at: number, note?: string): number =>
  Number(
    db
      .prepare(
        `INSERT INTO usage (account_id, occurred_at, amount, tags, note, recorded_at, source, batch_id)
         VALUES (?, ?, ?, '["model:gpt"]', ?, ?, 'manual', ?)`,
      )
      .run(accountId, at, amount, note ?? null, at, currentBatchId(db)).lastInsertRowid,
  )

export const insertProgram = (db: Connection, accountId: number, amountPerPeriod: number): number =>
  Number(
    db
      .prepare(
        `INSERT INTO programs (account_id, name, kind, anchor_local, anchor_zone, interval, amount_per_period,
           cost_basis, cost_amount, cost_currency, periods, ends_at, lot, rollover, rolled, rolled_lost_on_end,
           recorded_at, source, batch_id)
         VALUES (?, 'Pro monthly', 'allowance', '2026-01-01T00:00:00.000', 'UTC', 'P1M', ?, 'per_period', 20000000,
           'USD', NULL, NULL, ?, '{"mode":"capped","cap":500}', '{"periods":2,"priority":15}', 1, ?, 'preset', ?)`,
      )
      .run(
        accountId,
        amountPerPeriod,
        JSON.stringify({ kind: 'subscription', funding: 'paid', priority: 10, tags: [], expiry: 'period' }),
        T0,
        currentBatchId(db),
      ).lastInsertRowid,
  )

export interface BuiltLedger {
  readonly accounts: readonly number[]
  readonly lots: readonly number[]
  readonly until: number
}

/**
 * Two vendors, three accounts in two units, a plan, lots (one expiring), a void, usage that spills over lots,
 * an observation, a rate, an auto-recharge rule, settings and an FX rate: every exported table holds rows.
 */
export const buildLedger = async (ledger: Ledger): Promise<BuiltLedger> => {
  const { call, batch } = ledger
  const openai = await call<{ id: number }>('vendors.add', { name: 'OpenAI', website: 'https://openai.com' })
  const anthropic = await call<{ id: number }>('vendors.add', { name: '=Anthropic, "PBC"' })
  const account = (vendorId: number, name: string, unitId: string) =>
    call<{ id: number }>('accounts.add', { vendorId, name, unitId, currency: 'USD', timeZone: 'America/New_York' })
  const api = await account(openai.id, 'API', 'USD')
  const team = await account(anthropic.id, 'Team', 'credits')
  const spare = await account(anthropic.id, 'Spare', 'millicredits')
  await call('settings.set', { homeCurrency: 'EUR', timeZone: 'Europe/Berlin' })
  await call('fx.add', { base: 'USD', quote: 'EUR', rate: '0.9215', effectiveDate: '2026-01-01' })
  await call('units.add', { id: 'gems', kind: 'credit', scale: 2, label: 'Gems' })

  const lots = batch('Lots', () => [
    insertLot(ledger.sql, api.id, { amount: 50_000_000, note: '@SUM(A1)' }),
    insertLot(ledger.sql, api.id, { amount: 20_000_000, at: T0 + DAY, expiresAt: T0 + 40 * DAY }),
    insertLot(ledger.sql, team.id, { amount: 1000 }),
    insertLot(ledger.sql, spare.id, { amount: 5_500 }),
  ])
  batch('Plan', () => insertProgram(ledger.sql, team.id, 500))
  batch('Usage', () => {
    for (let i = 0; i < 30; i += 1) insertUsage(ledger.sql, api.id, 1_234_567 * (i + 1), T0 + i * DAY, `row ${i}`)
    for (let i = 0; i < 10; i += 1) insertUsage(ledger.sql, team.id, 90 + i, T0 + 2 * DAY + i * DAY)
    insertUsage(ledger.sql, spare.id, 6_000, T0 + 3 * DAY, '-1+2')
  })
  batch('Events and more', () => {
    const sql = ledger.sql
    const id = currentBatchId(sql)
    sql
      .prepare(
        `INSERT INTO lot_events (lot_id, account_id, kind, at, mode, recorded_at, source, batch_id)
         VALUES (?, ?, 'void', ?, 'forward', ?, 'manual', ?)`,
      )
      .run(lots[0], api.id, T0 + 20 * DAY, T0, id)
    sql
      .prepare(
        `INSERT INTO observations (account_id, at, balance, tolerance, note, recorded_at, source, batch_id)
         VALUES (?, ?, -500, 0, 'dashboard', ?, 'manual', ?)`,
      )
      .run(spare.id, T0 + 4 * DAY, T0, id)
    sql
      .prepare(
        `INSERT INTO rates (account_id, key, effective_from, numerator, denominator, recorded_at, source, batch_id)
         VALUES (?, 'image', ?, 25, 1, ?, 'manual', ?)`,
      )
      .run(team.id, T0, T0, id)
    sql
      .prepare(
        `INSERT INTO recharge_rules (account_id, threshold, mode, amount, monthly_max_count, monthly_max_amount,
           enabled_from, lot, confirm_within_ms, recorded_at, source, batch_id)
         VALUES (?, 5000000, 'fixed', 10000000, 3, NULL, ?, ?, 0, ?, 'manual', ?)`,
      )
      .run(api.id, T0, JSON.stringify({ priority: 50, expiry: { kind: 'never' }, costPerUnit: null }), T0, id)
  })
  return { accounts: [api.id, team.id, spare.id], lots, until: T0 + 60 * DAY }
}

/** Every row of every journaled table, each value with its SQLite type (quote() tells 5 from 5.0 from '5'). */
export const dumpTables = (db: Connection): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(JOURNALED_TABLES).map(([table, key]) => {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
      const rows = db
        .prepare(`SELECT ${columns.map((c) => `quote(${c})`).join(` || '|' || `)} AS r FROM ${table} ORDER BY ${key}`)
        .all() as { r: string }[]
      return [table, rows.map((row) => row.r)]
    }),
  )
