import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/** What a preload script uses: contextBridge and ipcRenderer. */

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`)
    this.exposed.set(key, api)
  },
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined))

  /** What the main process's `webContents.send(channel, payload)` delivers: listeners get (event, payload). */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this }, payload)
  }
}

export const ipcRenderer = new FakeIpcRenderer()
