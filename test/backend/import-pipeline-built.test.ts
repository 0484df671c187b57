import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportReport } from '@shared/api/types/imports'
import { configureParsePipeline } from '../../electron/backend/import/parse-pipeline'
import { startBackendWorker } from '../../electron/backend/worker/backend-client'
import { CLI_FILE, PINNED_NODE } from '../e2e/serve-fixture'
import { openTestBackend, tempDir, value } from './helpers'
import { openaiCost } from './import-pipeline-fixture'

/**
 * The parse worker as the app and the CLI start it: the built backend (out/main/worker.js, out/main/cli.js) finds
 * out/main/parse-worker.js beside itself for a file over 1 MB. Its answer and rows match the in-thread path's, and
 * a CLI import killed in the middle leaves nothing behind. Run `npx electron-vite build` first.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const WORKER_FILE = join(ROOT, 'out/main/worker.js')

afterEach(() => configureParsePipeline({}))

const built = () => {
  for (const file of [WORKER_FILE, CLI_FILE, join(ROOT, 'out/main/parse-worker.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx electron-vite build\` first`)
  }
}

const PRESET = { presetId: 'openai-api', purchases: [{ effectiveAt: '2024-01-01T00:00:00Z', amount: '500' }] }

/** The rows an import wrote, without the wall-clock time they were recorded at (the built worker runs on real time). */
const usageRows = (dbPath: string): unknown[] => {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db
      .prepare('SELECT * FROM usage ORDER BY id')
      .all()
      .map((row) => ({ ...(row as Record<string, unknown>), recorded_at: null }))
  } finally {
    db.close()
  }
}

describe('the parse worker in the built backend', () => {
  it('imports a 2 MB file through the built backend worker exactly as the in-thread path does', async () => {
    built()
    const file = join(tempDir(), 'openai-cost.csv')
    writeFileSync(file, openaiCost(12_000))
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024)

    configureParsePipeline({ workerFile: null })
    const inThreadDb = join(tempDir(), 'ledger.db')
    const inThread = await openTestBackend(inThreadDb)
    value(await inThread.dispatch('presets.apply', PRESET))
    const expected = value(await inThread.dispatch('imports.commit', { fileId: inThread.registerFile(file) }))
    inThread.close()

    const dbPath = join(tempDir(), 'ledger.db')
    const client = await startBackendWorker({
      workerFile: WORKER_FILE,
      dbPath,
      quickCheck: false,
      dailyBackup: false,
      appVersion: '9.9.9',
      externalPollMs: 0,
    })
    try {
      value(await client.call('presets.apply', PRESET))
      const fileId = await client.registerFile(file)
      const report = value(await client.call('imports.commit', { fileId })) as ImportReport
      expect(report.counts.new).toBeGreaterThan(11_000)
      expect(report).toEqual(expected)
      const again = value(await client.call('imports.commit', { fileId })) as ImportReport
      expect(again.counts).toMatchObject({ new: 0, duplicate: report.counts.new })
    } finally {
      await client.close()
    }
    expect(usageRows(dbPath)).toEqual(usageRows(inThreadDb))
  }, 60_000)

  it('leaves nothing behind when `credit-ledger import` is killed in the middle', async () => {
    built()
    const dir = tempDir()
    const dbPath = join(dir, 'ledger.db')
    const file = join(dir, 'openai-cost.csv')
    writeFileSync(file, openaiCost(250_000))
    const preset = spawnSync(
      PINNED_NODE,
      [CLI_FILE, '--db', dbPath, 'preset', 'apply', 'openai-api', '--purchases', '500@2024-01-01T00:00Z', '--json'],
      { encoding: 'utf8' },
    )
    expect(preset.status, preset.stderr).toBe(0)

    const child = spawn(PINNED_NODE, [CLI_FILE, '--db', dbPath, 'import', file, '--json'], { stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    // Uncommitted pages spill into the WAL once SQLite's page cache is full: the transaction is well under way.
    const walGrew = async (): Promise<boolean> => {
      for (let waited = 0; waited < 60_000; waited += 20) {
        if (child.exitCode !== null) return false
        if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 24 * 1024 * 1024) return true
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return false
    }
    const midway = await walGrew()
    child.kill('SIGKILL')
    expect(midway).toBe(true)
    expect(await exited).toBe('SIGKILL')

    const db = new Database(dbPath)
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok')
      expect(db.prepare('SELECT count(*) AS n FROM usage').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 })
    } finally {
      db.close()
    }
  }, 120_000)
})
