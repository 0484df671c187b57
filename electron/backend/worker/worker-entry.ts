import { parentPort } from 'node:worker_threads'
import type { WorkerMessage } from './protocol'

/**
 * The backend worker's entry: check the runtime BEFORE better-sqlite3 is loaded (on Node-API < 10 it segfaults
 * instead of throwing), then load the real worker. Static imports would be hoisted above this check.
 */
const MIN_NAPI = 10
const napi = Number(process.versions.napi ?? 0)

if (napi < MIN_NAPI) {
  const message: WorkerMessage = {
    kind: 'fatal',
    message: `Node ${process.versions.node} (Node-API ${napi}) cannot load the database engine; Credit Ledger needs Node 22 or newer. Run it through npm scripts (npm run serve) so the pinned Node is used.`,
  }
  parentPort?.postMessage(message)
} else {
  await import('./worker-main')
}
