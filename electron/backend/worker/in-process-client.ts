import { fail } from '@shared/api/result'
import { createBackend } from '../backend'
import { systemClock } from '../clock'
import type { BackendClient, EventListener } from './backend-client'
import type { WorkerOptions } from './protocol'
import { startReminders } from '../reminders/reminder-host'

/**
 * The backend in the calling thread, behind the same BackendClient face as the worker's host side (backend-client.ts).
 * The worker runs exactly this behind its MessagePort (worker-main.ts), for hosts that must stay responsive while the
 * backend works (the app, `serve`). A host that does one thing and exits (a CLI command, DESIGN §2 "fast start") runs
 * it directly: a worker would cost a second V8 isolate loading the whole backend bundle, more than most commands take.
 *
 * Import this module only after backendRuntimeProblem() (runtime.ts) said the runtime is fine: it loads
 * better-sqlite3, which segfaults on Node-API < 10.
 */
export const startBackendInProcess = async (options: WorkerOptions): Promise<BackendClient> => {
  let backend: Awaited<ReturnType<typeof createBackend>>
  try {
    backend = await createBackend(options, systemClock)
  } catch (error) {
    // One wording for every host (the worker sends it as its 'fatal' message), so callers cannot tell them apart.
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`The database could not be opened: ${reason}`, { cause: error })
  }
  const listeners = new Set<EventListener>()
  backend.onEvent((name, payload) => {
    for (const listener of listeners) listener(name, payload)
  })
  // One call at a time, in arrival order, as in the worker: a write must not interleave with another call.
  let queue: Promise<unknown> = Promise.resolve()
  const settled = () => undefined
  const enqueue = <T>(work: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(work)
    queue = result.then(settled, settled)
    return result
  }
  const scheduler = options.reminders === true ? startReminders(backend, enqueue) : null
  // A poll is no reason to keep the process alive: the host decides when it is done.
  const poll = options.externalPollMs > 0 ? setInterval(backend.checkExternalWrites, options.externalPollMs) : undefined
  poll?.unref()
  let stopped = false
  return {
    status: backend.status(),
    call: (method, input) => {
      if (stopped) return Promise.resolve(fail('INTERNAL', 'The backend has stopped; restart the app'))
      // dispatch never throws; if it ever did, later calls still run (enqueue settles the queue either way)
      return enqueue(() => backend.dispatch(method, input))
    },
    registerFile: (path, name) => Promise.resolve(backend.registerFile(path, name)),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    wake: () => scheduler?.wake(),
    close: async () => {
      if (stopped) return
      stopped = true
      await queue // calls already made still answer, as the worker answers them before its close message
      if (poll) clearInterval(poll)
      scheduler?.stop()
      backend.close()
    },
  }
}
