import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { ImportReport } from '@shared/api/types/imports'
import { startBackendWorker } from '../../electron/backend/worker/backend-client'
import { IMPORT_ROWS } from './import-data'
import { log } from './report'
import type { BenchEnv } from './storage-benches'

/**
 * The 1M-row import the way its hosts run it. First the app's and `serve`'s way: in the backend worker (the built out/main/worker.js),
 * while this host thread keeps its event loop turning. Measures the host's event-loop delay (issue 5 §9: p99 ≤ 100
 * ms) and, by sampling the process's RSS from the free host thread, the peak growth of the whole process.
 */

export interface HostSample {
  readonly importMs: number
  readonly delayP99Ms: number
  readonly delayMaxMs: number
  readonly peakGrowthMb: number
}

const MB = 1024 * 1024

export const importThroughWorker = async (env: BenchEnv, file: string): Promise<HostSample> => {
  const workerFile = join(env.root, 'out/main/worker.js')
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run \`npx electron-vite build\` first`)
  mkdirSync(env.dataDir, { recursive: true })
  const dbPath = join(env.dataDir, `import-worker-${process.pid}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const client = await startBackendWorker({
    workerFile,
    dbPath,
    quickCheck: false,
    dailyBackup: false,
    appVersion: 'bench',
    externalPollMs: 0,
  })
  try {
    const preset = await client.call('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2023-12-01T00:00:00Z', amount: '100000' }],
    })
    if (!preset.ok) throw new Error(preset.error.message)
    const fileId = await client.registerFile(file)
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 20)
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const start = performance.now()
    const result = await client.call('imports.commit', { fileId })
    const importMs = performance.now() - start
    delay.disable()
    clearInterval(sampler)
    if (!result.ok) throw new Error(result.error.message)
    const { counts } = result.value as ImportReport
    if (counts.new !== IMPORT_ROWS) throw new Error(`worker import: ${JSON.stringify(counts)}`)
    const sample = {
      importMs,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
      peakGrowthMb: (peak - before) / MB,
    }
    log(
      `  worker: import ${(importMs / 1000).toFixed(2)} s; host event-loop delay p99 ${sample.delayP99Ms.toFixed(1)} ms ` +
        `(max ${sample.delayMaxMs.toFixed(1)} ms); process RSS ${(before / MB).toFixed(0)} → peak ${(peak / MB).toFixed(0)} MB`,
    )
    return sample
  } finally {
    await client.close()
  }
}

/**
 * `credit-ledger import FILE --json` as a fresh process (the built CLI, in-process backend): its peak RSS from
 * /proc/<pid>/status VmHWM (the high-water mark only rises, so the last reading before it exits is the peak).
 * Absolute, not a growth: what a user's machine sees (issue 5 §9: ≤ 300 MB). Null where /proc is missing.
 */
export const importInFreshCli = async (env: BenchEnv, file: string): Promise<{ ms: number; peakMb: number | null }> => {
  const cli = join(env.root, 'out/main/cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx electron-vite build\` first`)
  mkdirSync(env.dataDir, { recursive: true })
  const dbPath = join(env.dataDir, `import-cli-${process.pid}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const preset = spawnSync(
    process.execPath,
    [cli, '--db', dbPath, 'preset', 'apply', 'openai-api', '--purchases', '100000@2023-12-01T00:00Z', '--json'],
    { encoding: 'utf8' },
  )
  if (preset.status !== 0) throw new Error(`preset apply failed: ${preset.stderr}`)
  const start = performance.now()
  const child = spawn(process.execPath, [cli, '--db', dbPath, 'import', file, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let peakKb: number | null = null
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'))
      if (match !== null) peakKb = Math.max(peakKb ?? 0, Number(match[1]))
    } catch {
      // not Linux, or the process has just exited
    }
  }, 25)
  const code = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit))
  clearInterval(poll)
  const ms = performance.now() - start
  const answer = JSON.parse(stdout || '{}') as { ok?: boolean; data?: ImportReport }
  if (code !== 0 || answer.data?.counts.new !== IMPORT_ROWS) throw new Error(`CLI import failed (${code}): ${stderr}`)
  const peakMb = peakKb === null ? null : peakKb / 1024
  log(
    `  cli: credit-ledger import ${(ms / 1000).toFixed(2)} s, peak RSS ${peakMb === null ? 'unknown' : peakMb.toFixed(0)} MB`,
  )
  return { ms, peakMb }
}
