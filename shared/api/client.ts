import type { MethodInput, MethodName, MethodOutput } from './contract'
import type { PushEventName, PushEvents } from './events'
import type { Result } from './result'

/** One function per contract method, each answering a Result. */
export type LedgerMethods = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
}

export type PushListener<E extends PushEventName> = (payload: PushEvents[E]) => void

/** Subscribe to a push event; returns the unsubscribe function. */
export type Subscribe = <E extends PushEventName>(event: E, listener: PushListener<E>) => () => void

/** `window.ledger` as the Electron preload exposes it: derived from the contract, never hand-written. */
export type LedgerWindowApi = LedgerMethods & { readonly on: Subscribe }

/** IPC channel names of the Electron transport. */
export const ipcChannel = (method: MethodName): string => `ledger:${method}`
/** Main → renderer push channel; its payload is `{ name, payload }`. */
export const IPC_EVENT_CHANNEL = 'ledger:event'

/**
 * HTTP transport of `serve`: `POST /api/<method>` with body `{"input": …}` (omit input for none) answers
 * 200 with the JSON Result; push events arrive as Server-Sent Events at `/events` (`event: <name>`, `data: <json>`).
 */
export const HTTP_API_PREFIX = '/api/'
export const HTTP_EVENTS_PATH = '/events'
/** Cookies ignore the port, so the name carries it: two `serve` instances in one browser keep their own sessions. */
export const sessionCookieName = (port: number): string => `credit_ledger_session_${port}`
