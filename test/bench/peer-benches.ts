import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ImportReport } from '@shared/api/types/imports'
import { createBackend } from '../../electron/backend/backend'
import { systemClock } from '../../electron/backend/clock'
import { importFile } from './import-data'
import { runChild, type ChildRun } from './peers/child-run'
import { HLEDGER_INSTALL, hledgerConvert, hledgerVersion } from './peers/hledger'
import { log, median, type BenchLine } from './report'
import type { BenchEnv } from './storage-benches'

/**
 * Issue 5 §9, behind `--peers`: our import beside hledger converting the same 100,000-row OpenAI cost export (the
 * first rows of the 1M-row bench file) with a CSV rules file, in the same run, alternately, ROUNDS times (medians).
 * Ours is `imports.commit` through the in-process backend into a fresh ledger with the OpenAI API preset (parse,
 * validate, row identity, dedupe, insert, import record), timed as import.commit times it. Peak RSS compares whole
 * fresh processes: hledger's against `credit-ledger import FILE` (the built CLI, same backend, same kind of fresh
 * ledger), since an in-process figure would carry whatever the bench process held before.
 */

export const PEER_ROWS = 100_000
const ROUNDS = 3
const BENCH = 'import.peers-hledger'

/** A bench line whose figures may be missing: null when the peer is not installed (DESIGN §8 lines otherwise). */
export type PeerLine = Omit<BenchLine, 'value'> & { readonly value: number | null }

export const emitPeer = (result: PeerLine) => process.stdout.write(`${JSON.stringify(result)}\n`)

const round = (value: number) => Math.round(value * 1000) / 1000
const peerLine = (
  metric: string,
  unit: string,
  ours: number | null,
  peer: number | null,
  target: string,
): PeerLine => ({
  bench: BENCH,
  metric,
  value: ours === null ? null : round(ours),
  unit,
  baseline: peer === null ? null : round(peer),
  ratio: ours === null || peer === null || peer === 0 ? null : round(ours / peer),
  target,
})

const WALL_TARGET = 'ratio <= 0.05'
const RSS_TARGET = 'value <= 300 MB'

let files = 0
const fresh = (env: BenchEnv, name: string, extension: string): string => {
  mkdirSync(env.dataDir, { recursive: true })
  const file = join(env.dataDir, `${name}-${process.pid}-${files++}.${extension}`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  return file
}

const PRESET = {
  presetId: 'openai-api',
  purchases: [{ effectiveAt: '2023-12-01T00:00:00Z', amount: '100000' }],
}

/**
 * Ours, in process: a fresh ledger with the preset (not timed), then the commit (timed): its wall time and the CPU
 * time of the whole process meanwhile (user + system, all threads), both ms.
 */
const ourCommit = async (env: BenchEnv, file: string): Promise<{ ms: number; cpuMs: number }> => {
  const backend = await createBackend(
    { dbPath: fresh(env, 'peers-app', 'db'), quickCheck: false, dailyBackup: false, appVersion: 'bench' },
    systemClock,
  )
  try {
    const preset = await backend.dispatch('presets.apply', PRESET)
    if (!preset.ok) throw new Error(`preset: ${JSON.stringify(preset)}`)
    const fileId = backend.registerFile(file)
    const start = performance.now()
    const cpu = process.cpuUsage()
    const result = await backend.dispatch('imports.commit', { fileId })
    const ms = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    const counts = result.ok ? (result.value as ImportReport).counts : undefined
    if (counts?.new !== PEER_ROWS) throw new Error(`our import: ${JSON.stringify(result.ok ? counts : result)}`)
    return { ms, cpuMs: (user + system) / 1000 }
  } finally {
    backend.close()
  }
}

/** Ours as a fresh process, for its peak RSS: the built CLI applies the preset, then `import FILE --json`. */
const ourCli = async (env: BenchEnv, file: string): Promise<ChildRun> => {
  const cli = join(env.root, 'out/main/cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx electron-vite build\` first`)
  const db = fresh(env, 'peers-cli', 'db')
  const purchase = `${PRESET.purchases[0]?.amount ?? ''}@2023-12-01T00:00Z`
  const preset = await runChild(process.execPath, [
    cli,
    '--db',
    db,
    'preset',
    'apply',
    'openai-api',
    '--purchases',
    purchase,
    '--json',
  ])
  if (preset.code !== 0) throw new Error(`CLI preset apply failed: ${preset.stderr}`)
  const run = await runChild(process.execPath, [cli, '--db', db, 'import', file, '--json'])
  const answer = JSON.parse(run.stdout || '{}') as { data?: ImportReport }
  if (run.code !== 0 || answer.data?.counts.new !== PEER_ROWS)
    throw new Error(`CLI import failed (${run.code}): ${run.stderr}`)
  return run
}

interface RoundSample {
  readonly commit: { readonly ms: number; readonly cpuMs: number }
  readonly cli: ChildRun
  readonly hledger: ChildRun
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const cpu = (ms: number | null) => (ms === null ? 'unknown' : seconds(ms))
const mb = (value: number | null) => (value === null ? 'unknown' : `${value.toFixed(0)} MB`)
const spread = (values: readonly number[]) =>
  `median ${seconds(median(values))}, min ${seconds(Math.min(...values))}, max ${seconds(Math.max(...values))}`
const medianOrNull = (values: readonly (number | null)[]): number | null =>
  values.some((value) => value === null) ? null : median(values as number[])

const measure = async (env: BenchEnv, version: string): Promise<readonly PeerLine[]> => {
  const file = importFile(env.root, PEER_ROWS)
  log(
    `  ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB, ${PEER_ROWS.toLocaleString('en')} rows; ${version}`,
  )
  const samples: RoundSample[] = []
  for (let index = 0; index < ROUNDS; index += 1) {
    const ours = async () => ({ commit: await ourCommit(env, file), cli: await ourCli(env, file) })
    const peer = () => hledgerConvert(env.root, file, fresh(env, 'peers-hledger', 'journal'), PEER_ROWS)
    // Alternate who goes first, so drift on a shared machine hits both sides alike.
    let a: Omit<RoundSample, 'hledger'>
    let h: ChildRun
    if (index % 2 === 0) {
      a = await ours()
      h = await peer()
    } else {
      h = await peer()
      a = await ours()
    }
    samples.push({ ...a, hledger: h })
    log(
      `  round ${index + 1}: ours ${seconds(a.commit.ms)} (CPU ${cpu(a.commit.cpuMs)}; CLI ${seconds(a.cli.ms)}, ` +
        `${mb(a.cli.peakMb)}), hledger ${seconds(h.ms)} (CPU ${cpu(h.cpuMs)}, ${mb(h.peakMb)})`,
    )
  }
  const commit = samples.map((sample) => sample.commit.ms)
  const hledger = samples.map((sample) => sample.hledger.ms)
  log(`  ours (in-process commit): ${spread(commit)}`)
  log(`  ours (fresh CLI process, incl. start-up): ${spread(samples.map((sample) => sample.cli.ms))}`)
  log(`  hledger import --dry-run: ${spread(hledger)}`)
  // CPU time is much steadier than wall time when other work shares the 2 cores, so its ratio is logged beside.
  const ourCpu = median(samples.map((sample) => sample.commit.cpuMs))
  const hledgerCpu = medianOrNull(samples.map((sample) => sample.hledger.cpuMs))
  if (hledgerCpu !== null) {
    log(
      `  CPU time medians: ours ${cpu(ourCpu)}, hledger ${cpu(hledgerCpu)}, ratio ${(ourCpu / hledgerCpu).toFixed(3)}`,
    )
  }
  const ourPeak = medianOrNull(samples.map((sample) => sample.cli.peakMb))
  const hledgerPeak = medianOrNull(samples.map((sample) => sample.hledger.peakMb))
  if (hledgerPeak === null) log('  (no /proc here: peak RSS unknown)')
  return [
    peerLine('wall_time_100k', 's', median(commit) / 1000, median(hledger) / 1000, WALL_TARGET),
    peerLine('peak_rss_100k', 'MB', ourPeak, hledgerPeak, RSS_TARGET),
  ]
}

/** Run only with `--peers` (main.ts): hledger takes about half a minute per round here. */
export const PEER_BENCHES: Readonly<Record<string, (env: BenchEnv) => Promise<readonly PeerLine[]>>> = {
  'import.peers': async (env) => {
    const version = hledgerVersion()
    if (version === undefined) {
      log(`  ${HLEDGER_INSTALL}`)
      return [
        peerLine('wall_time_100k', 's', null, null, WALL_TARGET),
        peerLine('peak_rss_100k', 'MB', null, null, RSS_TARGET),
      ]
    }
    return measure(env, version)
  },
}
