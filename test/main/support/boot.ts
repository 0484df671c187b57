import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { ok, type Result } from '@shared/api/result'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings/schemas'
import type { BackendStatus } from '../../../electron/backend/worker/protocol'
import type { BackendClient, EventListener, StartOptions } from '../../../electron/backend/worker/backend-client'
import { startApp } from '../../../electron/main/start-app'
import { BrowserWindow, app, fireReady, resetElectronFake } from '../../fakes/electron'

/** Helpers to start the main process from source under the fake `electron`, with a fake backend. */

export const ROOT = resolve(import.meta.dirname, '../../..')
/** Source tests pretend the main bundle lives where the build puts it. */
export const MAIN_DIR = join(ROOT, 'out', 'main')
export const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html')
export const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href

export interface FakeBackend extends BackendClient {
  readonly calls: { readonly method: string; readonly input: unknown }[]
  readonly closed: () => boolean
  /** How many times the host said the machine woke up. */
  readonly wakes: () => number
  readonly emit: <E extends PushEventName>(name: E, payload: PushEvents[E]) => void
}

/**
 * Settings the fake answers by default: a user who chose "quit" when closing the window and no tray, so the tests of
 * the plain window life cycle see the plain behaviour (desktop-shell tests answer their own settings).
 */
export const PLAIN_SETTINGS: Settings = { ...DEFAULT_SETTINGS, trayIcon: false, closeToTray: 'quit' }

/** What the desktop shell itself reads (tray, settings): not calls a renderer made. */
const SHELL_READS = new Set(['settings.get', 'ledger.expiring', 'reminders.inbox'])

/** The calls that came through IPC from a renderer, without the desktop shell's own reads. */
export const rendererCalls = (backend: FakeBackend) => backend.calls.filter((call) => !SHELL_READS.has(call.method))

/** A backend that answers every call with ok({ method, input }) unless `answer` says otherwise. */
export const fakeBackend = (
  answer: (method: string, input: unknown) => Promise<Result<unknown>> = (method, input) =>
    Promise.resolve(ok(method === 'settings.get' ? PLAIN_SETTINGS : { method, input })),
): FakeBackend => {
  const calls: { method: string; input: unknown }[] = []
  const listeners = new Set<EventListener>()
  let closed = false
  let wakes = 0
  const status: BackendStatus = { state: 'ok', schemaVersion: 1 }
  return {
    status,
    calls,
    closed: () => closed,
    wakes: () => wakes,
    wake: () => {
      wakes += 1
    },
    call: (method, input) => {
      calls.push({ method, input })
      return answer(method, input)
    },
    registerFile: (path) => Promise.resolve(`file:${path}`),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => {
      closed = true
      return Promise.resolve()
    },
    emit: (name, payload) => {
      for (const listener of listeners) listener(name, payload)
    },
  }
}

export interface BootOptions {
  readonly platform?: NodeJS.Platform
  readonly argv?: readonly string[]
  readonly env?: NodeJS.ProcessEnv
  readonly isPackaged?: boolean
  /** Reuse a previous launch's userData folder (default: a fresh temp dir). */
  readonly userData?: string
  /** false: another instance already holds the lock. */
  readonly lockAvailable?: boolean
  /** What startBackendWorker does; default: resolves with a fresh fakeBackend(). */
  readonly startWorker?: (options: StartOptions) => Promise<BackendClient>
}

export interface Booted {
  readonly backend: FakeBackend
  readonly workerStarts: readonly StartOptions[]
  /** The promise startApp returned (settles once the window is open). */
  readonly started: Promise<void>
}

/** A fresh launch: reset the fake, run startApp, fire `ready` and wait for start-up to finish. */
export const boot = async (options: BootOptions = {}): Promise<Booted> => {
  resetElectronFake()
  app.isPackaged = options.isPackaged ?? false
  app.lockAvailable = options.lockAvailable ?? true
  if (options.userData !== undefined) app.setPath('userData', options.userData)
  const backend = fakeBackend()
  const workerStarts: StartOptions[] = []
  const started = startApp({
    argv: options.argv ?? ['electron', '.'],
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    mainDir: MAIN_DIR,
    startBackendWorker: (startOptions) => {
      workerStarts.push(startOptions)
      return options.startWorker ? options.startWorker(startOptions) : Promise.resolve(backend)
    },
  })
  fireReady()
  await started
  return { backend, workerStarts, started }
}

/** The one main window, failing clearly if start-up did not create exactly one. */
export const onlyWindow = (): BrowserWindow => {
  const windows = BrowserWindow.getAllWindows()
  const [window] = windows
  if (windows.length !== 1 || window === undefined) throw new Error(`Expected one open window, found ${windows.length}`)
  return window
}

/** Let pending promise callbacks (e.g. the quit sequence) run. */
export const settle = (): Promise<void> => new Promise((resolveLater) => setTimeout(resolveLater, 0))

/** Poll until `condition` holds (real timers), failing with `what` after `timeoutMs`. */
export const waitFor = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolveLater) => setTimeout(resolveLater, 10))
  }
}
