import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Papa from 'papaparse'
import type { ImportReport } from '@shared/api/types/imports'
import { createBackend } from '../../electron/backend/backend'
import { systemClock } from '../../electron/backend/clock'
import { openConnection } from '../../electron/backend/db/connection'
import { configureParsePipeline } from '../../electron/backend/import/parse-pipeline'
import { IMPORT_HEADER, IMPORT_ROWS, importFile } from './import-data'
import { importInFreshCli, importThroughWorker, type HostSample } from './import-host'
import { line, log, median, type BenchLine } from './report'
import type { BenchEnv } from './storage-benches'

/**
 * Issue 5 §9: `imports.commit` of a 1,000,000-row OpenAI cost export through the in-process backend (parse, map,
 * validate, row identity, dedupe, insert, import record), beside the raw limit measured in the same run: papaparse
 * streaming the same file plus INSERT OR IGNORE of (account_id, occurred_at, amount, external_id) into a table with
 * the app's UNIQUE (account_id, occurred_at, external_id) index, in one transaction, with the app's pragmas. Then
 * the same file again on each side (all duplicates, nothing written), and the peak RSS growth of each import.
 */

const ROUNDS = 2

interface Sample {
  readonly importMs: number
  readonly reimportMs: number
  /** Peak RSS during the first import, above the RSS just before it. */
  readonly peakGrowthMb: number
}

let files = 0
const freshDb = (env: BenchEnv, name: string): string => {
  mkdirSync(env.dataDir, { recursive: true })
  const file = join(env.dataDir, `${name}-${process.pid}-${files++}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  return file
}

const MB = 1024 * 1024

/**
 * Peak RSS of a synchronous span: Linux keeps the process's high-water mark (VmHWM) and resets it when "5" is
 * written to /proc/self/clear_refs, so no sampler has to run while the import holds the thread. Elsewhere the RSS
 * after the span stands in (a lower bound), and the log says so.
 */
const peakMeter = () => {
  let exact = true
  const start = (): number => {
    try {
      writeFileSync('/proc/self/clear_refs', '5')
    } catch {
      exact = false
    }
    return process.memoryUsage().rss
  }
  const peak = (): number => {
    if (!exact) return process.memoryUsage().rss
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    return match === null ? process.memoryUsage().rss : Number(match[1]) * 1024
  }
  return { start, peak, exact: () => exact }
}
const meter = peakMeter()

const timed = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

const report = (result: { ok: boolean }): ImportReport => {
  if (!result.ok) throw new Error(`bench import failed: ${JSON.stringify(result)}`)
  return (result as { ok: true; value: ImportReport }).value
}

/** The app: a fresh ledger with the OpenAI API preset (its account is the file's target), commit, commit again. */
const app = async (env: BenchEnv, file: string): Promise<Sample> => {
  // The bench bundle is not beside the app's: point the import at the built parse worker, as the app finds it.
  configureParsePipeline({ workerFile: join(env.root, 'out/main/parse-worker.js') })
  const dbPath = freshDb(env, 'import-app')
  const backend = await createBackend(
    { dbPath, quickCheck: false, dailyBackup: false, appVersion: 'bench' },
    systemClock,
  )
  try {
    report(
      await backend.dispatch('presets.apply', {
        presetId: 'openai-api',
        purchases: [{ effectiveAt: '2023-12-01T00:00:00Z', amount: '100000' }],
      }),
    )
    const fileId = backend.registerFile(file)
    const before = meter.start()
    const first = await timed(async () => report(await backend.dispatch('imports.commit', { fileId })))
    const peak = meter.peak()
    if (first.value.counts.new !== IMPORT_ROWS) throw new Error(`app imported ${JSON.stringify(first.value.counts)}`)
    const again = await timed(async () => report(await backend.dispatch('imports.commit', { fileId })))
    const { counts } = again.value
    if (counts.new !== 0 || counts.duplicate !== IMPORT_ROWS)
      throw new Error(`app re-import: ${JSON.stringify(counts)}`)
    log(
      `  app: import ${(first.ms / 1000).toFixed(2)} s (${first.value.counts.rounded} rows rounded), re-import ` +
        `${(again.ms / 1000).toFixed(2)} s, 0 rows written; peak RSS ${(peak / MB).toFixed(0)} MB`,
    )
    return { importMs: first.ms, reimportMs: again.ms, peakGrowthMb: (peak - before) / MB }
  } finally {
    backend.close()
  }
}

/** Amount text → integer micro-USD, the least exact conversion work (truncating: the limit does not round). */
const micros = (text: string): number => {
  const dot = text.indexOf('.')
  if (dot < 0) return Number(text) * 1_000_000
  return Number(text.slice(0, dot)) * 1_000_000 + Number(`${text.slice(dot + 1, dot + 7)}`.padEnd(6, '0'))
}

const START = IMPORT_HEADER.indexOf('start_time')
const AMOUNT = IMPORT_HEADER.indexOf('amount_value')

/** The limit: papaparse's Node stream parser alone, and the plainest INSERT OR IGNORE of each row. */
const limit = async (env: BenchEnv, file: string): Promise<Sample> => {
  const db = openConnection(freshDb(env, 'import-limit'))
  db.exec(`CREATE TABLE usage (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, occurred_at INTEGER NOT NULL,
             amount INTEGER NOT NULL, external_id TEXT);
           CREATE UNIQUE INDEX usage_row_identity ON usage (account_id, occurred_at, external_id)`)
  const insert = db.prepare(
    'INSERT OR IGNORE INTO usage (account_id, occurred_at, amount, external_id) VALUES (1, ?, ?, ?)',
  )
  /** One pass in one transaction; answers the rows written. The key has the app's length ("h:<16 hex>#0"). */
  const pass = async (): Promise<number> => {
    let line = 0
    let written = 0
    db.exec('BEGIN IMMEDIATE')
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file), {
        chunk: (results) => {
          for (const row of results.data) {
            line += 1
            if (line === 1 || row.length < IMPORT_HEADER.length) continue
            const key = `h:${line.toString(16).padStart(16, '0')}#0`
            written += insert.run(Number(row[START]) * 1000, micros(row[AMOUNT] ?? ''), key).changes
          }
        },
        complete: () => resolve(),
        error: (error) => reject(error),
      })
    })
    db.exec('COMMIT')
    return written
  }
  try {
    const before = meter.start()
    const first = await timed(pass)
    const peak = meter.peak()
    if (first.value !== IMPORT_ROWS) throw new Error(`limit wrote ${first.value} rows`)
    const again = await timed(pass)
    if (again.value !== 0) throw new Error(`limit re-import wrote ${again.value} rows`)
    log(
      `  limit: import ${(first.ms / 1000).toFixed(2)} s, re-import ${(again.ms / 1000).toFixed(2)} s; ` +
        `peak RSS ${(peak / MB).toFixed(0)} MB`,
    )
    return { importMs: first.ms, reimportMs: again.ms, peakGrowthMb: (peak - before) / MB }
  } finally {
    db.close()
  }
}

interface Measured {
  readonly app: Sample
  readonly limit: Sample
  readonly host: HostSample
  readonly cli: { readonly ms: number; readonly peakMb: number | null }
}

/** Both sides, alternately, ROUNDS times (medians), once per bench run whichever of the lines below is asked for. */
let measured: Promise<Measured> | undefined
const measure = (env: BenchEnv): Promise<Measured> => {
  measured ??= (async () => {
    const file = importFile(env.root)
    log(`  ${file}: ${(statSync(file).size / MB).toFixed(0)} MB, ${IMPORT_ROWS.toLocaleString('en')} rows`)
    const apps: Sample[] = []
    const limits: Sample[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        apps.push(await app(env, file))
        limits.push(await limit(env, file))
      } else {
        limits.push(await limit(env, file))
        apps.push(await app(env, file))
      }
    }
    const of = (samples: Sample[]): Sample => ({
      importMs: median(samples.map((sample) => sample.importMs)),
      reimportMs: median(samples.map((sample) => sample.reimportMs)),
      peakGrowthMb: Math.max(...samples.map((sample) => sample.peakGrowthMb)),
    })
    if (!meter.exact()) log('  (no /proc/self/clear_refs here: peak RSS is the RSS after each import, a lower bound)')
    log(
      `  peak RSS growth during an import: in-process ${Math.max(...apps.map((a) => a.peakGrowthMb)).toFixed(0)} MB, ` +
        `limit ${Math.max(...limits.map((l) => l.peakGrowthMb)).toFixed(0)} MB (after the app: its heap is reused)`,
    )
    const host = await importThroughWorker(env, file)
    const cli = await importInFreshCli(env, file)
    return { app: of(apps), limit: of(limits), host, cli }
  })()
  return measured
}

const rate = (ms: number) => IMPORT_ROWS / (ms / 1000)

export const IMPORT_BENCHES: Readonly<Record<string, (env: BenchEnv) => Promise<BenchLine>>> = {
  'import.commit': async (env) => {
    const { app: a, limit: l } = await measure(env)
    return line('import.commit', 'wall_time', a.importMs / 1000, 's', l.importMs / 1000, 'ratio <= 1.5')
  },
  'import.commit-rate': async (env) => {
    const { app: a, limit: l } = await measure(env)
    return line('import.commit-rate', 'rows_per_s', rate(a.importMs), 'rows/s', rate(l.importMs), 'ratio >= 0.67')
  },
  'import.reimport': async (env) => {
    const { app: a, limit: l } = await measure(env)
    return line(
      'import.reimport',
      'wall_time',
      a.reimportMs / 1000,
      's',
      l.reimportMs / 1000,
      'ratio <= 1.5, 0 rows written',
    )
  },
  // Absolute, of a fresh `credit-ledger import` process; the limit's figure is no baseline (run after the app in one
  // process, it reuses the heap the app left). Where /proc is missing, the in-process growth stands in.
  'import.peak-rss': async (env) => {
    const { app: a, cli } = await measure(env)
    return cli.peakMb === null
      ? line('import.peak-rss', 'rss_growth', a.peakGrowthMb, 'MB', null, 'value <= 300 MB')
      : line('import.peak-rss', 'cli_peak_rss', cli.peakMb, 'MB', null, 'value <= 300 MB')
  },
  'import.host-delay': async (env) => {
    const { host } = await measure(env)
    return line('import.host-delay', 'event_loop_delay_p99', host.delayP99Ms, 'ms', null, 'value <= 100 ms')
  },
}
