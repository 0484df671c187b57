import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { ExpiryRule, LotFact, ProgramFact } from '@shared/ledger/model'
import { parseDecimal } from '@shared/money/decimal'
import type { Backend } from '../../electron/backend/backend'
import { openConnection, type Connection } from '../../electron/backend/db/connection'
import { expiryColumns, programColumns } from '../../electron/backend/ledger/fact-rows'
import type { ServiceContext } from '../../electron/backend/services/context'
import { fakeClock, openTestBackend, tempDir, value } from './helpers'

/**
 * Ledger facts written straight into a test database with SQL, the way an import batch writes them, so the read side
 * can be tested without the write-side methods. A second connection on the file does the writing (as another process
 * would); the backend under test reads through its own.
 */

const open: Connection[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
})

/** Decimal text → minor units at a scale (USD and other money units: 6). */
export const minor = (text: string, scale = 6): number => {
  const parsed = parseDecimal(text, scale)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

export const at = (iso: string): number => {
  const value = Date.parse(iso)
  if (Number.isNaN(value)) throw new Error(`bad instant ${iso}`)
  return value
}

export interface LotFields {
  readonly amount: number
  readonly effectiveAt: number
  readonly kind?: LotFact['kind']
  readonly funding?: LotFact['funding']
  readonly cost?: { readonly amount: number; readonly currency: string } | null
  readonly expiry?: ExpiryRule
  readonly priority?: number
  readonly tags?: readonly string[]
  readonly programId?: number | null
}

export interface AccountFields {
  readonly vendor?: string
  readonly name?: string
  readonly unitId?: string
  readonly currency?: string
  readonly timeZone?: string
  readonly drawdown?: 'default' | 'free_first'
  readonly overdraft?: { readonly mode: 'none' | 'unlimited' | 'limit'; readonly limit?: string }
}

export interface LedgerFixture {
  readonly backend: Backend
  readonly clock: ReturnType<typeof fakeClock>
  /** A second connection on the database file: facts are written through it. */
  readonly db: Connection
  /** Services on that connection, with the backend's clock. */
  readonly ctx: ServiceContext
  readonly vendor: (name: string) => Promise<number>
  readonly account: (fields?: AccountFields) => Promise<number>
  readonly lot: (accountId: number, fields: LotFields) => number
  readonly usage: (
    accountId: number,
    occurredAt: number,
    amount: number,
    extra?: { tags?: readonly string[]; billable?: boolean; note?: string },
  ) => number
  readonly program: (accountId: number, fact: Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'>) => number
  readonly lotEvent: (
    lotId: number,
    event: {
      kind: 'void' | 'retract' | 'expiry_change'
      at: number
      mode?: 'forward' | 'clawback'
      expiresAt?: number
    },
  ) => number
  readonly observation: (accountId: number, observedAt: number, balance: number, tolerance?: number) => number
  readonly fx: (base: string, quote: string, rate: string, effectiveDate: string) => Promise<unknown>
  readonly checkpoint: (accountId: number) => { processed_before: number; state: string } | undefined
  readonly call: <T>(method: string, input?: unknown) => Promise<T>
}

export const ledgerFixture = async (start = Date.UTC(2026, 10, 22, 9, 0, 0)): Promise<LedgerFixture> => {
  const clock = fakeClock(start)
  const dbPath = join(tempDir(), 'ledger.db')
  const backend: Backend = await openTestBackend(dbPath, clock)
  const db = openConnection(dbPath)
  open.push(db)
  const ctx: ServiceContext = { db, clock, dbPath }
  const batch = Number(
    db
      .prepare("INSERT INTO batches (kind, label, created_at, changed_at) VALUES ('import', 'test fixtures', ?, ?)")
      .run(start, start).lastInsertRowid,
  )
  const vendors = new Map<string, number>()

  const vendor = async (name: string): Promise<number> => {
    const known = vendors.get(name)
    if (known !== undefined) return known
    const id = (value(await backend.dispatch('vendors.add', { name })) as { id: number }).id
    vendors.set(name, id)
    return id
  }

  const account = async (fields: AccountFields = {}): Promise<number> => {
    const vendorId = await vendor(fields.vendor ?? 'OpenAI')
    const added = await backend.dispatch('accounts.add', {
      vendorId,
      name: fields.name ?? `Account ${String(Math.random()).slice(2, 8)}`,
      unitId: fields.unitId ?? 'USD',
      currency: fields.currency ?? 'USD',
      timeZone: fields.timeZone ?? 'UTC',
      ...(fields.drawdown === undefined ? {} : { drawdown: fields.drawdown }),
      ...(fields.overdraft === undefined ? {} : { overdraft: fields.overdraft }),
    })
    return (value(added) as { id: number }).id
  }

  const lot = (accountId: number, fields: LotFields): number =>
    Number(
      db
        .prepare(
          `INSERT INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at, expiry_kind,
           expires_at, expiry_duration, priority, tags, program_id, recorded_at, source, batch_id)
           VALUES (@account_id, @kind, @funding, @amount, @cost_amount, @cost_currency, @effective_at, @expiry_kind,
           @expires_at, @expiry_duration, @priority, @tags, @program_id, @recorded_at, 'import', @batch_id)`,
        )
        .run({
          account_id: accountId,
          kind: fields.kind ?? 'purchase',
          funding: fields.funding ?? 'paid',
          amount: fields.amount,
          cost_amount: fields.cost?.amount ?? null,
          cost_currency: fields.cost?.currency ?? null,
          effective_at: fields.effectiveAt,
          ...expiryColumns(fields.expiry ?? { kind: 'never' }),
          priority: fields.priority ?? 50,
          tags: JSON.stringify(fields.tags ?? []),
          program_id: fields.programId ?? null,
          recorded_at: clock.now(),
          batch_id: batch,
        }).lastInsertRowid,
    )

  const usage = (
    accountId: number,
    occurredAt: number,
    amount: number,
    extra: { tags?: readonly string[]; billable?: boolean; note?: string } = {},
  ): number =>
    Number(
      db
        .prepare(
          `INSERT INTO usage (account_id, occurred_at, amount, billable, tags, note, recorded_at, source, batch_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?)`,
        )
        .run(
          accountId,
          occurredAt,
          amount,
          extra.billable === false ? 0 : 1,
          JSON.stringify(extra.tags ?? []),
          extra.note ?? null,
          clock.now(),
          batch,
        ).lastInsertRowid,
    )

  const program = (accountId: number, fact: Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'>): number => {
    const columns = programColumns(fact)
    const names = Object.keys(columns)
    return Number(
      db
        .prepare(
          `INSERT INTO programs (account_id, ${names.join(', ')}, recorded_at, source, batch_id)
           VALUES (@account_id, ${names.map((name) => `@${name}`).join(', ')}, @recorded_at, 'import', @batch_id)`,
        )
        .run({ account_id: accountId, ...columns, recorded_at: clock.now(), batch_id: batch }).lastInsertRowid,
    )
  }

  const lotEvent = (
    lotId: number,
    event: {
      kind: 'void' | 'retract' | 'expiry_change'
      at: number
      mode?: 'forward' | 'clawback'
      expiresAt?: number
    },
  ): number => {
    const row = db.prepare('SELECT account_id FROM lots WHERE id = ?').get(lotId) as { account_id: number }
    return Number(
      db
        .prepare(
          `INSERT INTO lot_events (lot_id, account_id, kind, at, mode, expires_at, recorded_at, source, batch_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?)`,
        )
        .run(
          lotId,
          row.account_id,
          event.kind,
          event.at,
          event.kind === 'void' ? (event.mode ?? 'forward') : null,
          event.kind === 'expiry_change' ? (event.expiresAt ?? null) : null,
          clock.now(),
          batch,
        ).lastInsertRowid,
    )
  }

  const observation = (accountId: number, observedAt: number, balance: number, tolerance = 0): number =>
    Number(
      db
        .prepare(
          `INSERT INTO observations (account_id, at, balance, tolerance, recorded_at, source, batch_id)
           VALUES (?, ?, ?, ?, ?, 'import', ?)`,
        )
        .run(accountId, observedAt, balance, tolerance, clock.now(), batch).lastInsertRowid,
    )

  const fx = async (base: string, quote: string, rate: string, effectiveDate: string) =>
    value(await backend.dispatch('fx.add', { base, quote, rate, effectiveDate }))

  const checkpoint = (accountId: number) =>
    db.prepare('SELECT processed_before, state FROM checkpoints WHERE account_id = ?').get(accountId) as
      { processed_before: number; state: string } | undefined

  /** Call a method and unwrap its value (the test fails on an error result). */
  const call = async <T>(method: string, input?: unknown): Promise<T> =>
    value(await backend.dispatch(method, input)) as T

  return { backend, clock, db, ctx, vendor, account, lot, usage, program, lotEvent, observation, fx, checkpoint, call }
}

/** A monthly plan fact (ProgramFact minus ids) with sensible defaults, anchored at a UTC wall-clock instant. */
export const monthlyPlan = (
  anchorIso: string,
  amountPerPeriod: number,
  overrides: Partial<Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'>> = {},
): Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'> => {
  const date = new Date(anchorIso)
  return {
    name: 'Monthly plan',
    kind: 'allowance',
    anchor: {
      local: {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: date.getUTCHours(),
        minute: date.getUTCMinutes(),
        second: 0,
        millisecond: 0,
      },
      zone: 'UTC',
    },
    interval: { years: 0, months: 1, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 },
    amountPerPeriod,
    costPerPeriod: null,
    periods: null,
    endsAt: null,
    lot: { kind: 'subscription', funding: 'paid', priority: 10, tags: [], expiry: 'period' },
    rollover: { mode: 'none' },
    rolled: { periods: 1, priority: 20 },
    rolledLostOnEnd: false,
    ...overrides,
  }
}
