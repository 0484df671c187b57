import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, CLI_FILE, PINNED_NODE, ROOT, runCli } from '../e2e/serve-fixture'

/**
 * The CLI as a process. `credit-ledger export | head`: the reader stops after a few lines and closes the pipe; the CLI
 * must stop quietly (exit 0, nothing on stderr), like any Unix filter, not die on an unhandled EPIPE with a stack
 * trace. And a one-shot command runs the backend in its own process (DESIGN §2): a file it cannot open still answers
 * with the backend's words, exit 1.
 */

/** Run the built CLI, read stdout until `keep` bytes arrived, then close our end of the pipe as `head` does. */
const runAndCloseEarly = (args: readonly string[], keep: number) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; received: number }>(
    (resolveRun, reject) => {
      const child = spawn(PINNED_NODE, [CLI_FILE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      let received = 0
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.stdout.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received >= keep) child.stdout.destroy()
      })
      child.on('error', reject)
      child.on('close', (code, signal) => resolveRun({ code, signal, stderr, received }))
    },
  )

describe('credit-ledger writing into a pipe that closes early', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-pipe-'))
    db = join(dir, 'ledger.db')
    // The CLI creates the schema; then enough vendors that the export is far larger than a pipe's buffer (64 KiB),
    // so the CLI is still writing when the reader goes away.
    expect((await runCli(['--db', db, 'vendor', 'add', 'First'])).code).toBe(0)
    const raw = new Database(db)
    const insert = raw.prepare('INSERT INTO vendors (name, website, recorded_at) VALUES (?, ?, 0)')
    raw.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) insert.run(`Vendor number ${String(i)}`, `https://vendor-${String(i)}.example`)
    })()
    raw.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('export | head: exits 0 without a word on stderr', async () => {
    const res = await runAndCloseEarly(['--db', db, 'export'], 1)
    expect(res.received).toBeGreaterThan(0)
    expect(res).toMatchObject({ code: 0, signal: null, stderr: '' })
  }, 30_000)

  it('export --format csv | head: the same', async () => {
    const res = await runAndCloseEarly(['--db', db, 'export', '--format', 'csv', '--entity', 'vendors'], 1)
    expect(res).toMatchObject({ code: 0, signal: null, stderr: '' })
  }, 30_000)

  it('a database that cannot be opened (a folder): INTERNAL with the reason, exit 1', async () => {
    const res = await runCli(['--db', dir, 'balance', '--json'])
    expect(res.code).toBe(1)
    expect(JSON.parse(res.stdout)).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The database could not be opened: unable to open database file',
        fields: {},
      },
    })
    const human = await runCli(['--db', dir, 'balance'])
    expect(human).toMatchObject({ code: 1, stdout: '' })
    expect(human.stderr).toBe('credit-ledger balance: The database could not be opened: unable to open database file\n')
  }, 30_000)

  it('read to the end, the same export is whole (the pipe handling changes nothing else)', async () => {
    const res = await runCli(['--db', db, 'export'])
    expect(res).toMatchObject({ code: 0, stderr: '' })
    const document = JSON.parse(res.stdout) as { tables: { vendors: unknown[] } }
    expect(document.tables.vendors).toHaveLength(5_001)
  }, 30_000)
})
