import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createBackend } from '../../electron/backend/backend'
import { openConnection } from '../../electron/backend/db/connection'
import { interleave, line, log, type BenchLine } from './report'
import { SCALE_END, scaleDbFile } from './scale-data'
import type { BenchEnv } from './storage-benches'

/**
 * Issue 4's scale figures, each beside the raw SQLite `SELECT SUM(amount)` over the same 1M usage rows in the same
 * run: `credit-ledger balance --json` as a fresh process on the built CLI, and appending one usage row then reading
 * the account's new balance inside the service.
 */

const workingCopy = async (env: BenchEnv, name: string): Promise<string> => {
  const source = await scaleDbFile(env.root)
  mkdirSync(env.dataDir, { recursive: true })
  const file = join(env.dataDir, `${name}-${process.pid}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(source, file)
  return file
}

const timed = (run: () => void): number => {
  const start = performance.now()
  run()
  return performance.now() - start
}

const run = (args: readonly string[]) => {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`bench process failed (${String(result.status)}): ${result.stderr}`)
  return result.stdout
}

/** A fresh `node out/main/cli.js balance --json` vs a fresh node that opens the file and sums the usage column. */
const cliBalance = async (env: BenchEnv): Promise<BenchLine> => {
  const file = await workingCopy(env, 'scale-cli')
  const cli = join(env.root, 'out/main/cli.js')
  const sqlite = createRequire(join(env.root, 'package.json')).resolve('better-sqlite3')
  const raw = `const D = require(${JSON.stringify(sqlite)}); const db = new D(${JSON.stringify(file)}, { readonly: true });
    process.stdout.write(String(db.prepare('SELECT SUM(amount) AS s FROM usage').get().s))`
  // The first call computes and stores the checkpoints, as the app's first view of the day would.
  const first = timed(() => run([cli, 'balance', '--json', '--db', file]))
  log(`first balance (no checkpoints yet): ${first.toFixed(0)} ms`)
  const result = await interleave(
    7,
    () => timed(() => run([cli, 'balance', '--json', '--db', file])),
    () => timed(() => run(['-e', raw])),
  )
  log(
    `credit-ledger balance --json: ${result.app.toFixed(0)} ms; fresh node + SUM(amount): ${result.limit.toFixed(0)} ms`,
  )
  return line('scale.cli-balance', 'wall_time', result.app, 'ms', result.limit, 'value <= 200 ms')
}

/** usage.add then ledger.balances of that account, in-process through the backend, vs SUM(amount) in-process. */
const appendThenBalance = async (env: BenchEnv): Promise<BenchLine> => {
  const file = await workingCopy(env, 'scale-append')
  let now = SCALE_END
  const backend = await createBackend(
    { dbPath: file, quickCheck: false, dailyBackup: false, appVersion: 'bench' },
    { now: () => now },
  )
  const raw = openConnection(file)
  const sum = raw.prepare('SELECT SUM(amount) AS s FROM usage')
  const call = async (method: string, input: unknown) => {
    const result = await backend.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  await call('ledger.balances', { accountId: 1 })
  const result = await interleave(
    15,
    async () => {
      now += 1000
      const start = performance.now()
      await call('usage.add', { accountId: 1, occurredAt: new Date(now).toISOString(), amount: '0.01' })
      await call('ledger.balances', { accountId: 1 })
      return performance.now() - start
    },
    () => timed(() => sum.get()),
  )
  raw.close()
  backend.close()
  log(`append + balance: ${result.app.toFixed(1)} ms; SUM(amount) over 1M rows: ${result.limit.toFixed(1)} ms`)
  return line('scale.append-balance', 'time_per_append', result.app, 'ms', result.limit, 'value <= 20 ms')
}

export const SCALE_BENCHES: Readonly<Record<string, (env: BenchEnv) => Promise<BenchLine>>> = {
  'scale.cli-balance': cliBalance,
  'scale.append-balance': appendThenBalance,
}
