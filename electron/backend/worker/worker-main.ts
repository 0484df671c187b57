import { parentPort, workerData } from 'node:worker_threads'
import { startBackendInProcess } from './in-process-client'
import type { HostMessage, WorkerMessage, WorkerOptions } from './protocol'

/**
 * Runs inside the worker thread: the same backend a one-shot CLI command runs in its own thread (in-process-client.ts:
 * one connection, calls answered one at a time in arrival order), behind the worker's MessagePort.
 */
const port = parentPort
if (!port) throw new Error('worker-main must run inside a worker thread')
const options = workerData as WorkerOptions
const send = (message: WorkerMessage) => port.postMessage(message)

try {
  const backend = await startBackendInProcess(options)
  backend.onEvent((name, payload) => send({ kind: 'event', name, payload }))
  port.on('message', (message: HostMessage) => {
    if (message.kind === 'call') {
      void backend
        .call(message.method, message.input)
        .then((result) => send({ kind: 'result', id: message.id, result }))
    } else if (message.kind === 'register-file') {
      void backend
        .registerFile(message.path, message.name)
        .then((fileId) => send({ kind: 'result', id: message.id, result: { ok: true, value: fileId } }))
    } else if (message.kind === 'wake') {
      backend.wake()
    } else {
      // close() waits for the calls already made, so their results are sent before 'closed'.
      void backend.close().then(() => {
        send({ kind: 'closed' })
        port.close()
      })
    }
  })
  send({ kind: 'ready', status: backend.status })
} catch (error) {
  // "The database could not be opened: …" (in-process-client.ts words it the same for every host).
  send({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) })
}
