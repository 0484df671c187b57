import { workerData, type MessagePort } from 'node:worker_threads'
import type { ParseJob, ParseMessage } from './parse-job'

/**
 * The parse worker's entry (built to out/main/parse-worker.js): reads, maps and prepares one import file's rows
 * while the backend's thread inserts the previous chunks (issue 5 §9). It posts on its own port and counts each
 * message in a shared buffer the backend blocks on (Atomics.wait: the backend stays synchronous inside its
 * transaction); when `maxQueued` chunks wait unconsumed it waits in turn, so memory stays flat however big the file.
 */

interface ParseWorkerData {
  readonly port: MessagePort
  readonly state: SharedArrayBuffer
  readonly job: ParseJob
}

class Stopped extends Error {}

// The slots of parse-job.ts (PRODUCED, CONSUMED, STOP), repeated: this entry imports nothing it could fail to load.
const PRODUCED = 0
const CONSUMED = 1
const STOP = 2

const { port, state: shared, job } = workerData as ParseWorkerData
const state = new Int32Array(shared)

const announce = (message: ParseMessage, transfer: ArrayBuffer[] = []): void => {
  port.postMessage(message, transfer)
  Atomics.add(state, PRODUCED, 1)
  Atomics.notify(state, PRODUCED)
}

/** Post a chunk once there is room in the queue (timed waits: a STOP is noticed within a second at worst). */
const send = (message: ParseMessage, transfer: ArrayBuffer[]): void => {
  for (;;) {
    if (Atomics.load(state, STOP) !== 0) throw new Stopped()
    const consumed = Atomics.load(state, CONSUMED)
    if (Atomics.load(state, PRODUCED) - consumed < job.maxQueued) break
    Atomics.wait(state, CONSUMED, consumed, 1000)
  }
  announce(message, transfer)
}

try {
  // Loaded here, not imported statically: a bundle that fails to load is then a 'failed' message, not a silence.
  const { runParseJob } = await import('./parse-job')
  const { chunkPacker } = await import('./row-chunks')
  const packer = chunkPacker(job.chunkRows, send)
  const pass = runParseJob(job, packer)
  packer.flush()
  announce({ kind: 'end', pass })
} catch (error) {
  if (!(error instanceof Stopped)) {
    announce({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
}
