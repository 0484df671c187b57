import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  IPC_EVENT_CHANNEL,
  ipcChannel,
  type LedgerMethods,
  type LedgerWindowApi,
  type Subscribe,
} from '@shared/api/client'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { METHOD_NAME_LIST } from '@shared/api/method-names'

/**
 * The preload runs sandboxed: it may `require('electron')` and nothing else, so shared code is bundled in and this
 * file imports no zod (METHOD_NAME_LIST, not the contract object). It exposes exactly one object, `window.ledger`:
 * one function per contract method plus `on`. The renderer never gets ipcRenderer or the Electron event object.
 */

// Each method is one invoke on its own channel; the main process validates the payload and answers a Result.
// The entries are built from the name list, which TypeScript cannot follow; the main process is the one that
// guarantees each answer matches its method's output type, so this assertion states that contract.
const methods = Object.fromEntries(
  METHOD_NAME_LIST.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as LedgerMethods

const isPushMessage = <E extends PushEventName>(
  message: unknown,
  name: E,
): message is { readonly name: E; readonly payload: PushEvents[E] } =>
  typeof message === 'object' && message !== null && 'name' in message && message.name === name && 'payload' in message

const on: Subscribe = (event, listener) => {
  const relay = (_event: IpcRendererEvent, message: unknown) => {
    if (isPushMessage(message, event)) listener(message.payload)
  }
  ipcRenderer.on(IPC_EVENT_CHANNEL, relay)
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay)
  }
}

const api = { ...methods, on } satisfies LedgerWindowApi

contextBridge.exposeInMainWorld('ledger', api)
