import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { PINNED_NODE, ROOT } from '../e2e/serve-fixture'
import { openTestBackend, tempDir, value } from './helpers'

/**
 * Issue 4 §7: a process killed with SIGKILL in the middle of a large write leaves a database that passes
 * quick_check and holds either all or none of that write. The writer is a child process (the pinned Node, the
 * project's better-sqlite3, the connection settings of electron/backend/db/connection.ts) writing 300,000 usage
 * rows (~40 MB) in ONE transaction to a database made by the real backend and migrations. It reports progress on stdout
 * and, at the point under test, waits (Atomics.wait: the thread sleeps, the transaction stays open) so the kill
 * lands exactly there however slow the machine is.
 */

const ROWS = 300_000

/** The child: argv = dbPath, accountId, rows, pause ('mid' = halfway through the transaction, 'after' = after COMMIT). */
const WRITER = `
const { writeSync } = require('node:fs')
const Database = require('better-sqlite3')
const [dbPath, accountId, rows, pause] = process.argv.slice(1)
const say = (line) => writeSync(1, line + '\\n')
const sleep = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000)
const db = new Database(dbPath, { timeout: 30000 })
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('foreign_keys = ON')
const now = Date.now()
db.exec('BEGIN IMMEDIATE')
const batch = db.prepare("INSERT INTO batches (kind, label, method, created_at, changed_at) VALUES ('import', 'kill test', NULL, ?, ?)").run(now, now).lastInsertRowid
const insert = db.prepare("INSERT INTO usage (account_id, occurred_at, amount, note, recorded_at, source, batch_id, source_line) VALUES (?, ?, ?, ?, ?, 'import', ?, ?)")
const total = Number(rows)
for (let i = 0; i < total; i++) {
  const note = 'line ' + (i + 1) + ' of usage-export.csv: model large-2, project research, 1843 input tokens'
  insert.run(Number(accountId), Date.UTC(2026, 0, 1) + i * 1000, 1000 + (i % 97), note, now, batch, i + 1)
  if (i === Math.floor(total / 2) && pause === 'mid') {
    say('halfway ' + (i + 1))
    sleep()
  }
}
db.exec('COMMIT')
say('committed ' + total)
if (pause === 'after') sleep()
db.close()
`

type Child = ChildProcessByStdio<null, Readable, Readable>
const children = new Set<Child>()
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
})

/** Start the writer and resolve with its first stdout line (its signal); reject if it dies first. */
const startWriter = (dbPath: string, accountId: number, pause: 'mid' | 'after') => {
  const child: Child = spawn(PINNED_NODE, ['-e', WRITER, dbPath, String(accountId), String(ROWS), pause], {
    cwd: ROOT, // so require('better-sqlite3') finds the project's copy
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const signalled = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '')
    })
    void exited.then(() => reject(new Error(`the writer exited before signalling.\nstderr:\n${stderr}`)))
  })
  return { child, signalled, exited, stdout: () => stdout }
}

/** A database made by the real backend, with one vendor and account committed before the big write. */
const ledgerWithAccount = async (): Promise<{ dbPath: string; accountId: number }> => {
  const dbPath = join(tempDir(), 'ledger.db')
  const backend = await openTestBackend(dbPath)
  const vendor = value(await backend.dispatch('vendors.add', { name: 'Anthropic' })) as { id: number }
  const account = value(
    await backend.dispatch('accounts.add', {
      vendorId: vendor.id,
      name: 'Main',
      unitId: 'USD',
      currency: 'USD',
      timeZone: 'UTC',
    }),
  ) as { id: number }
  backend.close()
  return { dbPath, accountId: account.id }
}

/** Open the file after the crash: quick_check, and how much of the write is there. */
const inspect = (dbPath: string) => {
  const db = new Database(dbPath, { timeout: 30_000 })
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      quickCheck: db.pragma('quick_check', { simple: true }) as string,
      usage: count('SELECT count(*) AS n FROM usage'),
      usageSum: count('SELECT coalesce(sum(amount), 0) AS n FROM usage'),
      importBatches: count("SELECT count(*) AS n FROM batches WHERE label = 'kill test'"),
      accounts: count('SELECT count(*) AS n FROM accounts'),
    }
  } finally {
    db.close()
  }
}

/** Sum of the amounts the writer inserts, to tell "all rows" from "some rows that happen to number the same". */
const expectedSum = (): number => {
  let sum = 0
  for (let i = 0; i < ROWS; i++) sum += 1000 + (i % 97)
  return sum
}

describe('SIGKILL in the middle of a large write', () => {
  it('killed inside the transaction: quick_check ok, none of the 300,000 rows, earlier commits intact', async () => {
    expect(existsSync(PINNED_NODE), `pinned Node missing at ${PINNED_NODE}`).toBe(true)
    const { dbPath, accountId } = await ledgerWithAccount()
    const writer = startWriter(dbPath, accountId, 'mid')
    expect(await writer.signalled).toBe(`halfway ${ROWS / 2 + 1}`)
    // Half the rows (~20 MB) did not fit in SQLite's 16 MB page cache: uncommitted pages are already in the WAL file,
    // which is what recovery must then ignore.
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(4 * 1024 * 1024)

    writer.child.kill('SIGKILL')
    expect(await writer.exited).toBe('SIGKILL')
    expect(writer.stdout()).not.toContain('committed')

    expect(inspect(dbPath)).toEqual({ quickCheck: 'ok', usage: 0, usageSum: 0, importBatches: 0, accounts: 1 })
    // The real backend opens it (quick_check again, migrations) and writes to it as usual.
    const backend = await openTestBackend(dbPath)
    expect(backend.status()).toMatchObject({ state: 'ok' })
    expect(await backend.dispatch('vendors.add', { name: 'After the crash' })).toMatchObject({ ok: true })
  }, 120_000)

  it('killed after COMMIT: quick_check ok and all 300,000 rows', async () => {
    const { dbPath, accountId } = await ledgerWithAccount()
    const writer = startWriter(dbPath, accountId, 'after')
    expect(await writer.signalled).toBe(`committed ${ROWS}`)

    writer.child.kill('SIGKILL') // before it could close the database or checkpoint the WAL
    expect(await writer.exited).toBe('SIGKILL')

    expect(inspect(dbPath)).toEqual({
      quickCheck: 'ok',
      usage: ROWS,
      usageSum: expectedSum(),
      importBatches: 1,
      accounts: 1,
    })
    const backend = await openTestBackend(dbPath)
    expect(backend.status()).toMatchObject({ state: 'ok' })
  }, 120_000)
})
