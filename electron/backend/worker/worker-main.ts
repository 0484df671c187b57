import { parentPort, workerData } from 'node:worker_threads'
import { createBackend } from '../backend'
import { systemClock } from '../clock'
import type { HostMessage, WorkerMessage, WorkerOptions } from './protocol'

/** Runs inside the worker thread: owns the database connection, answers calls in arrival order. */
const port = parentPort
if (!port) throw new Error('worker-main must run inside a worker thread')
const options = workerData as WorkerOptions
const send = (message: WorkerMessage) => port.postMessage(message)

try {
  const backend = await createBackend(options, systemClock)
  backend.onEvent((name, payload) => send({ kind: 'event', name, payload }))
  const poll = options.externalPollMs > 0 ? setInterval(backend.checkExternalWrites, options.externalPollMs) : undefined
  // Calls are answered one at a time, in order: better-sqlite3 is synchronous and a write must not interleave.
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (message: HostMessage) => {
    queue = queue.then(async () => {
      if (message.kind === 'call') {
        send({
          kind: 'result',
          id: message.id,
          result: await backend.dispatch(message.method, message.input),
        })
      } else {
        if (poll) clearInterval(poll)
        backend.close()
        send({ kind: 'closed' })
        port.close()
      }
    })
  })
  send({ kind: 'ready', status: backend.status() })
} catch (error) {
  send({
    kind: 'fatal',
    message: `The database could not be opened: ${(error as Error).message}`,
  })
}
