import { BrowserWindow } from 'electron'
import { IPC_EVENT_CHANNEL } from '@shared/api/client'
import type { PushEventName, PushEvents } from '@shared/api/events'
import type { BackendClient } from '../backend/worker/backend-client'

/** What travels on IPC_EVENT_CHANNEL; the preload unwraps it for `window.ledger.on(name, …)`. */
export interface PushMessage<E extends PushEventName = PushEventName> {
  readonly name: E
  readonly payload: PushEvents[E]
}

/**
 * Relay every backend push event (e.g. `ledger.changed` after a write by this app or by the CLI) to every open
 * window, so each view refreshes. Returns the unsubscribe function.
 */
export const relayBackendEvents = (backend: BackendClient): (() => void) =>
  backend.onEvent((name, payload) => {
    const message = { name, payload } satisfies PushMessage
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) {
        window.webContents.send(IPC_EVENT_CHANNEL, message)
      }
    }
  })
