import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createBackend, type Backend } from '../../electron/backend/backend'
import { systemClock } from '../../electron/backend/clock'
import { openConnection, quickCheck, type Connection } from '../../electron/backend/db/connection'
import { startBackendWorker } from '../../electron/backend/worker/backend-client'
import { interleave, line, log, type BenchLine } from './report'

export interface BenchEnv {
  readonly root: string
  readonly dataDir: string
}

let fileCounter = 0
const freshFile = (env: BenchEnv, name: string): string => {
  mkdirSync(env.dataDir, { recursive: true })
  const file = join(env.dataDir, `${name}-${process.pid}-${fileCounter++}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  return file
}

const openBackend = (dbPath: string): Promise<Backend> =>
  createBackend({ dbPath, quickCheck: false, dailyBackup: false, appVersion: 'bench' }, systemClock)

const expectOk = (result: { ok: boolean }) => {
  if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`)
}

/** Adding a vendor through the whole backend path vs the bare INSERT, each its own durable transaction. */
const vendorAdd = async (env: BenchEnv): Promise<BenchLine> => {
  const count = 2000
  const result = await interleave(
    5,
    async () => {
      const backend = await openBackend(freshFile(env, 'vendor-add-app'))
      const start = performance.now()
      for (let i = 0; i < count; i += 1) expectOk(await backend.dispatch('vendors.add', { name: `Vendor ${i}` }))
      const elapsed = performance.now() - start
      backend.close()
      return (elapsed * 1000) / count
    },
    () => {
      const db = openConnection(freshFile(env, 'vendor-add-limit'))
      db.exec('CREATE TABLE vendors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, recorded_at INTEGER NOT NULL)')
      const insert = db.prepare('INSERT INTO vendors (name, recorded_at) VALUES (?, ?)')
      const one = db.transaction((name: string) => insert.run(name, Date.now()))
      const start = performance.now()
      for (let i = 0; i < count; i += 1) one.immediate(`Vendor ${i}`)
      const elapsed = performance.now() - start
      db.close()
      return (elapsed * 1000) / count
    },
  )
  return line('storage.vendor-add', 'time_per_add', result.app, 'us', result.limit, 'ratio <= 3')
}

const seedAccounts = async (backend: Backend, vendors: number, perVendor: number) => {
  for (let v = 0; v < vendors; v += 1) {
    const vendor = await backend.dispatch('vendors.add', { name: `Vendor ${v}` })
    if (!vendor.ok) throw new Error(vendor.error.message)
    const vendorId = (vendor.value as { id: number }).id
    for (let a = 0; a < perVendor; a += 1) {
      expectOk(
        await backend.dispatch('accounts.add', {
          vendorId,
          name: `Account ${a}`,
          unitId: 'USD',
          currency: 'USD',
          timeZone: 'UTC',
        }),
      )
    }
  }
}

/** Listing 1,000 accounts with their vendor names through the backend vs the bare joined SELECT. */
const accountsList = async (env: BenchEnv): Promise<BenchLine> => {
  const dbPath = freshFile(env, 'accounts-list')
  const backend = await openBackend(dbPath)
  await seedAccounts(backend, 50, 20)
  const raw: Connection = openConnection(dbPath)
  // the same SQL the repository runs: the ratio is the cost of validation, dispatch and mapping
  const select = raw.prepare(
    `SELECT a.id, a.vendor_id, v.name AS vendor_name, a.name, a.unit_id, u.scale AS unit_scale, a.currency,
       a.time_zone, a.drawdown, a.overdraft_mode, a.overdraft_limit, a.overdraft_billed_with, a.preset_id,
       a.preset_version, a.recorded_at
     FROM accounts a JOIN vendors v ON v.id = a.vendor_id JOIN units u ON u.id = a.unit_id
     ORDER BY v.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id`,
  )
  const calls = 200
  const result = await interleave(
    7,
    async () => {
      const start = performance.now()
      for (let i = 0; i < calls; i += 1) expectOk(await backend.dispatch('accounts.list', undefined))
      return (performance.now() - start) / calls
    },
    () => {
      const start = performance.now()
      for (let i = 0; i < calls; i += 1) select.all()
      return (performance.now() - start) / calls
    },
  )
  raw.close()
  backend.close()
  return line('storage.accounts-list', 'time_per_list_1000', result.app, 'ms', result.limit, 'ratio <= 2')
}

/** Start-up of a 10,000-vendor database: open + quick_check + schema check vs open + quick_check alone. */
const openDb = async (env: BenchEnv): Promise<BenchLine> => {
  const dbPath = freshFile(env, 'open')
  const seeded = await openBackend(dbPath)
  for (let i = 0; i < 10_000; i += 1) expectOk(await seeded.dispatch('vendors.add', { name: `Vendor ${i}` }))
  seeded.close()
  const result = await interleave(
    7,
    async () => {
      const start = performance.now()
      const backend = await createBackend(
        { dbPath, quickCheck: true, dailyBackup: false, appVersion: 'bench' },
        systemClock,
      )
      const elapsed = performance.now() - start
      backend.close()
      return elapsed
    },
    () => {
      const start = performance.now()
      const db = openConnection(dbPath)
      quickCheck(db)
      const elapsed = performance.now() - start
      db.close()
      return elapsed
    },
  )
  return line('storage.open', 'open_10k_vendors', result.app, 'ms', result.limit, 'ratio <= 1.5')
}

/** One query through the worker thread (the app's and serve's path) vs the same call in-process. */
const workerRoundTrip = async (env: BenchEnv): Promise<BenchLine> => {
  const dbPath = freshFile(env, 'worker')
  const direct = await openBackend(dbPath)
  await seedAccounts(direct, 10, 1)
  const client = await startBackendWorker({
    workerFile: join(env.root, 'out/main/worker.js'),
    dbPath,
    quickCheck: false,
    dailyBackup: false,
    appVersion: 'bench',
    externalPollMs: 0,
  })
  const calls = 2000
  const result = await interleave(
    5,
    async () => {
      const start = performance.now()
      for (let i = 0; i < calls; i += 1) expectOk(await client.call('vendors.list', undefined))
      return ((performance.now() - start) * 1000) / calls
    },
    async () => {
      const start = performance.now()
      for (let i = 0; i < calls; i += 1) expectOk(await direct.dispatch('vendors.list', undefined))
      return ((performance.now() - start) * 1000) / calls
    },
  )
  await client.close()
  direct.close()
  log(`worker round trip: ${result.app.toFixed(1)} us vs ${result.limit.toFixed(1)} us in-process`)
  return line('worker.round-trip', 'time_per_call', result.app, 'us', result.limit, 'value <= 1000 us')
}

export const STORAGE_BENCHES: Readonly<Record<string, (env: BenchEnv) => Promise<BenchLine>>> = {
  'storage.vendor-add': vendorAdd,
  'storage.accounts-list': accountsList,
  'storage.open': openDb,
  'worker.round-trip': workerRoundTrip,
}
