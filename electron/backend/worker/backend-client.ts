import { Worker } from 'node:worker_threads'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { fail, type Result } from '@shared/api/result'
import type { BackendStatus, HostMessage, WorkerMessage, WorkerOptions } from './protocol'

export type EventListener = <E extends PushEventName>(name: E, payload: PushEvents[E]) => void

/** The host thread's handle on the backend worker: forwards calls, relays push events, never touches the database. */
export interface BackendClient {
  readonly status: BackendStatus
  /** Forward an already-validated call; the worker validates again and owns the transaction. */
  readonly call: (method: string, input: unknown) => Promise<Result<unknown>>
  /** Host only: make a file the host chose importable; answers the opaque id contract calls name it by. */
  readonly registerFile: (path: string, name?: string) => Promise<string>
  readonly onEvent: (listener: EventListener) => () => void
  /** Host only: the machine woke from sleep; reminders are evaluated again now. */
  readonly wake: () => void
  readonly close: () => Promise<void>
}

export interface StartOptions extends WorkerOptions {
  /** Absolute path of the built worker bundle (out/main/worker.js, unpacked from the asar when packaged). */
  readonly workerFile: string
}

/** Start the worker and wait until it has opened (or refused) the database. */
export const startBackendWorker = (options: StartOptions): Promise<BackendClient> => {
  const { workerFile, ...workerData } = options
  const worker = new Worker(workerFile, { workerData })
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Set<EventListener>()
  let nextId = 1
  let stopped = false

  const post = (message: HostMessage) => worker.postMessage(message)
  const failPending = (message: string) => {
    for (const resolve of pending.values()) resolve(fail('INTERNAL', message))
    pending.clear()
  }

  return new Promise((resolveStart, rejectStart) => {
    let closedResolve: (() => void) | undefined
    const client = (status: BackendStatus): BackendClient => ({
      status,
      call: (method, input) => {
        if (stopped) return Promise.resolve(fail('INTERNAL', 'The backend has stopped; restart the app'))
        const id = nextId++
        return new Promise((resolve) => {
          pending.set(id, resolve)
          post({ kind: 'call', id, method, input })
        })
      },
      registerFile: (path, name) => {
        const id = nextId++
        return new Promise((resolve, reject) => {
          pending.set(id, (result) =>
            result.ok ? resolve(result.value as string) : reject(new Error(result.error.message)),
          )
          post({ kind: 'register-file', id, path, ...(name === undefined ? {} : { name }) })
        })
      },
      onEvent: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      wake: () => {
        if (!stopped) post({ kind: 'wake' })
      },
      close: () =>
        stopped
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              closedResolve = resolve
              post({ kind: 'close' })
            }),
    })

    worker.on('message', (message: WorkerMessage) => {
      switch (message.kind) {
        case 'ready':
          resolveStart(client(message.status))
          return
        case 'result':
          pending.get(message.id)?.(message.result)
          pending.delete(message.id)
          return
        case 'event':
          for (const listener of listeners) listener(message.name, message.payload)
          return
        case 'closed':
          stopped = true
          void worker.terminate().then(() => closedResolve?.())
          return
        case 'fatal':
          stopped = true
          failPending(message.message)
          rejectStart(new Error(message.message))
          return
      }
    })
    worker.on('error', (error: Error) => {
      stopped = true
      failPending(`The backend failed: ${error.message}`)
      rejectStart(error)
    })
    worker.on('exit', (code) => {
      stopped = true
      failPending(`The backend exited (code ${code})`)
      rejectStart(new Error(`The backend worker exited before it was ready (code ${code})`))
      closedResolve?.()
    })
  })
}
