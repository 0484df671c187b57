import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startBackendWorker, type BackendClient } from '../../electron/backend/worker/backend-client'
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations-bundle'
import { tempDir } from './helpers'

const root = join(import.meta.dirname, '../..')
const workerFile = join(root, 'out/main/worker.js')

const start = async (dbPath: string): Promise<BackendClient> => {
  if (!existsSync(workerFile)) throw new Error('out/main/worker.js is missing: run `npx electron-vite build` first')
  return startBackendWorker({
    workerFile,
    dbPath,
    quickCheck: true,
    dailyBackup: true,
    appVersion: '9.9.9',
    externalPollMs: 20,
  })
}

describe('the built backend worker', () => {
  it('opens the database, answers calls in order and pushes ledger.changed', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const client = await start(dbPath)
    expect(client.status).toEqual({ state: 'ok', schemaVersion: LATEST_SCHEMA_VERSION })
    const events: string[] = []
    client.onEvent((name, payload) => events.push(`${name}:${'origin' in payload ? payload.origin : ''}`))
    const results = await Promise.all(['A', 'B', 'C'].map((name) => client.call('vendors.add', { name })))
    expect(results.every((result) => result.ok)).toBe(true)
    expect(await client.call('vendors.list', undefined)).toMatchObject({
      ok: true,
      value: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
    })
    expect(await client.call('app.info', undefined)).toMatchObject({ ok: true, value: { version: '9.9.9', dbPath } })
    expect(events).toEqual(['ledger.changed:local', 'ledger.changed:local', 'ledger.changed:local'])
    await client.close()
    expect(await client.call('vendors.list', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('reports writes made by another process on the same file', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const app = await start(dbPath)
    const cli = await start(dbPath)
    const external = new Promise<string>((resolve) =>
      app.onEvent((_name, payload) => resolve('origin' in payload ? payload.origin : '')),
    )
    await cli.call('vendors.add', { name: 'From the CLI' })
    expect(await external).toBe('external')
    await Promise.all([app.close(), cli.close()])
  })

  it('refuses a damaged file with DB_CORRUPT instead of crashing', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    writeFileSync(dbPath, 'not a database '.repeat(500))
    const client = await start(dbPath)
    expect(client.status.state).toBe('corrupt')
    expect(await client.call('vendors.list', undefined)).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } })
    await client.close()
  })

  it('says clearly what to do, instead of segfaulting, when started on a Node too old for the database engine', () => {
    const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
      if (!existsSync(candidate)) return false
      const version = spawnSync(candidate, ['-p', 'process.versions.napi'], { encoding: 'utf8' }).stdout.trim()
      return Number(version) < 10
    })
    if (!oldNode) {
      console.warn('no Node with Node-API < 10 on this machine; the old-runtime path is not exercised')
      return
    }
    const script = `
      const { Worker } = require('node:worker_threads')
      const worker = new Worker(${JSON.stringify(workerFile)}, { workerData: { dbPath: ':memory:' } })
      worker.on('message', (m) => { console.log(JSON.stringify(m)); process.exit(0) })
      worker.on('exit', (code) => { console.log('exit ' + code); process.exit(0) })`
    const run = spawnSync(oldNode, ['-e', script], { encoding: 'utf8', timeout: 20_000 })
    expect(run.signal).toBeNull()
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'fatal', message: expect.stringContaining('Node 22') })
  })
})
