import type { LedgerWindowApi, PushListener } from '@shared/api/client'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '@shared/api/client'
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { PUSH_EVENT_NAMES } from '@shared/api/events'
import type { ApiError, Result } from '@shared/api/result'
import { fail, isErrorCode } from '@shared/api/result'

/**
 * The one place the renderer talks to the backend. In Electron it uses `window.ledger` (the preload bridge);
 * in a browser opened on `credit-ledger serve` it posts to `/api/<method>` and listens to `/events` (SSE).
 * Every failure comes back as a Result — nothing here throws.
 */

export interface LedgerApi {
  /** Call a contract method; pass `undefined` for methods without input. */
  readonly call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
  /** Subscribe to a push event; returns the unsubscribe function. */
  readonly on: <E extends PushEventName>(event: E, listener: PushListener<E>) => () => void
}

const bridge = (): LedgerWindowApi | undefined => (typeof window === 'undefined' ? undefined : window.ledger)

/** Whether the renderer runs in the desktop app (the preload bridge) rather than a browser on `serve`. */
export const isDesktopApp = (): boolean => bridge() !== undefined

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

const internal = (message: string, details?: Record<string, unknown>): { ok: false; error: ApiError } =>
  fail('INTERNAL', message, details === undefined ? {} : { details })

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const isApiError = (value: unknown): value is ApiError =>
  isRecord(value) && isErrorCode(value.code) && typeof value.message === 'string'

/** A structural check of what came over the wire: trusted enough to route on `ok` and `error.code`. */
const isResult = (value: unknown): value is Result<unknown> =>
  isRecord(value) && ((value.ok === true && 'value' in value) || (value.ok === false && isApiError(value.error)))

const httpProblem = (status: number, statusText: string): string => {
  if (status === 401 || status === 403)
    return 'The session with Credit Ledger has ended. Open the address printed by `credit-ledger serve` again.'
  const text = statusText === '' ? '' : ` (${statusText})`
  return `The Credit Ledger service answered HTTP ${String(status)}${text}.`
}

const readJson = async (response: Response): Promise<unknown> => {
  try {
    return (await response.json()) as unknown
  } catch {
    return undefined
  }
}

async function callHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ input }),
    })
  } catch (cause) {
    return internal(`Could not reach the Credit Ledger service: ${describe(cause)}`, { method })
  }
  const body = await readJson(response)
  if (!response.ok) {
    const message = httpProblem(response.status, response.statusText)
    const detail = isResult(body) && !body.ok ? ` ${body.error.message}` : ''
    return internal(`${message}${detail}`, { method, status: response.status })
  }
  if (!isResult(body)) return internal(`The Credit Ledger service sent an unreadable answer to ${method}.`, { method })
  return body
}

async function callBridge(ledger: LedgerWindowApi, method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    // The bridge is derived from the same contract; the input has been typed by `call`'s signature.
    const invoke = ledger[method] as (input: unknown) => Promise<unknown>
    const result = await invoke(input)
    return isResult(result) ? result : internal(`The app sent an unreadable answer to ${method}.`, { method })
  } catch (cause) {
    return internal(`The call to ${method} failed: ${describe(cause)}`, { method })
  }
}

// ---- push events over Server-Sent Events (HTTP mode) ----

type AnyListener = (payload: PushEvents[PushEventName]) => void
const listeners = new Map<PushEventName, Set<AnyListener>>()
let source: EventSource | null = null

const dispatch = (event: PushEventName, payload: PushEvents[PushEventName]): void => {
  for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
}

const openEventSource = (): void => {
  if (source !== null || typeof EventSource === 'undefined') return
  const next = new EventSource(HTTP_EVENTS_PATH)
  let lostConnection = false
  for (const name of PUSH_EVENT_NAMES) {
    next.addEventListener(name, (message: MessageEvent<unknown>) => {
      if (typeof message.data !== 'string') return
      try {
        const payload = JSON.parse(message.data) as unknown
        if (isRecord(payload)) dispatch(name, payload as PushEvents[typeof name])
      } catch {
        // A malformed event carries nothing we can use; the next one will.
      }
    })
  }
  // EventSource reconnects by itself; changes made while it was away are unknown, so ask every view to refresh.
  next.addEventListener('error', () => {
    lostConnection = true
  })
  next.addEventListener('open', () => {
    if (lostConnection) dispatch('ledger.changed', { origin: 'external' })
    lostConnection = false
  })
  source = next
}

const closeEventSourceIfIdle = (): void => {
  const active = [...listeners.values()].some((set) => set.size > 0)
  if (active || source === null) return
  source.close()
  source = null
}

function onHttp<E extends PushEventName>(event: E, listener: PushListener<E>): () => void {
  const set = listeners.get(event) ?? new Set<AnyListener>()
  listeners.set(event, set)
  // Listeners are kept per event name, so the payload is the one of `event`.
  const wrapped: AnyListener = (payload) => {
    listener(payload as PushEvents[E])
  }
  set.add(wrapped)
  openEventSource()
  return () => {
    set.delete(wrapped)
    closeEventSourceIfIdle()
  }
}

export const api: LedgerApi = {
  call: async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const ledger = bridge()
    const result = ledger === undefined ? await callHttp(method, input) : await callBridge(ledger, method, input)
    // The transport checked the Result's shape; its value type is the contract's promise for this method.
    return result as Result<MethodOutput<M>>
  },
  on: (event, listener) => {
    const ledger = bridge()
    if (ledger === undefined) return onHttp(event, listener)
    try {
      return ledger.on(event, listener)
    } catch {
      return () => undefined
    }
  },
}
