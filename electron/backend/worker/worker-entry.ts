import { parentPort } from 'node:worker_threads'
import type { WorkerMessage } from './protocol'
import { backendRuntimeProblem } from './runtime'

/**
 * The backend worker's entry: check the runtime BEFORE better-sqlite3 is loaded (on Node-API < 10 it segfaults
 * instead of throwing), then load the real worker. Static imports would be hoisted above this check.
 */
const problem = backendRuntimeProblem()

if (problem !== undefined) {
  const message: WorkerMessage = { kind: 'fatal', message: problem }
  parentPort?.postMessage(message)
} else {
  await import('./worker-main')
}
