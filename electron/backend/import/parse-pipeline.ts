import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { CONSUMED, PRODUCED, STATE_SLOTS, STOP, type ParseJob, type ParseMessage } from './parse-job'
import type { PreparedSink } from './prepared-rows'
import { chunkUnpacker } from './row-chunks'
import type { FilePass } from './scan-file'

/**
 * The backend's side of the parse worker (issue 5 §9): reading, CSV parsing, mapping, row identity and amounts run
 * in a second thread while this one inserts. This side stays synchronous — it is inside the import's one write
 * transaction, where an await would let another backend call in — and blocks on a shared counter (Atomics.wait)
 * until the next chunk is on its port (receiveMessageOnPort). Node allows that wait on a main thread too: the CLI
 * runs the backend in-process.
 *
 * The worker script is out/main/parse-worker.js, an entry of the same build as the backend worker and found the
 * same way: beside it (this module is bundled into out/main or out/main/chunks; packaged, both sit in
 * app.asar.unpacked). Run from TypeScript sources (vitest) there is no such script, and the import maps the rows
 * in this thread, as it does for small files, where starting a thread costs more than it saves.
 */

/**
 * Rows per chunk, and chunks that may wait unconsumed: about 1 MB in flight whatever the file's size. On the 1M-row
 * bench file 2,048 × 2 peaked ~30 MB lower than 4,096 × 4 and was no slower (on a busy 2-core machine).
 */
const CHUNK_ROWS = 2048
const MAX_QUEUED = 2
/**
 * The worker's young generation. V8's default lets it grow to ~100 MB under this allocation rate; capped, the
 * CLI's 1M-row import peaks at ~220 MB instead of ~340 MB, with less CPU (the scavenges stay cheap).
 */
const YOUNG_GENERATION_MB = 16
/** Below this the rows are mapped in this thread: a worker's start (~50 ms) is more than the parsing it would hide. */
const MIN_BYTES = 1024 * 1024
/** No chunk for this long: the worker died without a word (out of memory); the import fails, nothing is written. */
const STALL_MS = 60_000

const WORKER_SCRIPT = 'parse-worker.js'

const besideThisBundle = (): string | null => {
  const url = import.meta.url
  if (!url.startsWith('file:')) return null
  const here = dirname(fileURLToPath(url))
  return [join(here, WORKER_SCRIPT), join(here, '..', WORKER_SCRIPT)].find((file) => existsSync(file)) ?? null
}

/** Configured (or found) once; a script missing now — an install being replaced — means this thread maps the rows. */
const usable = (file: string | null): string | null => (file !== null && existsSync(file) ? file : null)

let located: string | null | undefined
let settings: { workerFile?: string | null; minBytes?: number } = {}

/**
 * For hosts and tests that run the backend from elsewhere than out/main (the bench bundle, vitest on the sources):
 * the built worker script to use (null: never a worker), and the smallest file worth one. Omitted fields go back to
 * their defaults.
 */
export const configureParsePipeline = (options: { workerFile?: string | null; minBytes?: number }): void => {
  settings = { ...options }
}

/** The worker script for the file at `path`, or null when its rows are mapped in this thread. */
export const parseWorkerFor = (path: string): string | null => {
  if (statSync(path).size < (settings.minBytes ?? MIN_BYTES)) return null
  if (settings.workerFile !== undefined) return usable(settings.workerFile)
  located ??= besideThisBundle()
  return usable(located)
}

let runs = 0
/** How many passes went through a worker in this process (for tests: that the pipelined path was taken). */
export const pipelinedPasses = (): number => runs

/**
 * One mapping pass in the worker: each chunk's rows are replayed into `sink` as they arrive, in file order; answers
 * the worker's FilePass. Anything thrown here — by the sink (a failed insert) or for the worker (its failure, a
 * stall) — stops the worker and propagates, so the caller's transaction rolls back.
 */
export const passInWorker = (
  workerFile: string,
  job: Omit<ParseJob, 'chunkRows' | 'maxQueued'>,
  sink: PreparedSink,
): FilePass => {
  const shared = new SharedArrayBuffer(STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT)
  const state = new Int32Array(shared)
  const { port1, port2 } = new MessageChannel()
  const fullJob: ParseJob = { ...job, chunkRows: CHUNK_ROWS, maxQueued: MAX_QUEUED }
  const worker = new Worker(workerFile, {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    workerData: { port: port2, state: shared, job: fullJob },
    transferList: [port2],
  })
  // Its failures arrive as 'failed' messages; an 'error' event with no listener would crash this process instead.
  worker.on('error', () => undefined)
  worker.unref()
  runs += 1
  const unpack = chunkUnpacker(sink)
  try {
    let lastMessage = performance.now()
    for (;;) {
      const seen = Atomics.load(state, PRODUCED)
      const received = receiveMessageOnPort(port1)
      if (received === undefined) {
        if (Atomics.wait(state, PRODUCED, seen, 1000) === 'timed-out' && performance.now() - lastMessage > STALL_MS) {
          throw new Error('The import stopped: the file reader did not answer for a minute')
        }
        continue
      }
      lastMessage = performance.now()
      // Counted before the rows are written, so the worker prepares the next chunk meanwhile.
      Atomics.add(state, CONSUMED, 1)
      Atomics.notify(state, CONSUMED)
      const message = received.message as ParseMessage
      if (message.kind === 'rows') unpack(message)
      else if (message.kind === 'end') return message.pass
      else throw new Error(`The import's file reader failed: ${message.message}`)
    }
  } finally {
    Atomics.store(state, STOP, 1)
    Atomics.notify(state, CONSUMED)
    port1.close()
    void worker.terminate()
  }
}
