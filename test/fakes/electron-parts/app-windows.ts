import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { preventableEvent, type Rect } from './events'

/** The fake `app`, `BrowserWindow` and `webContents`: the lifecycle the main process drives. */

// ---------------------------------------------------------------------------------------------------------- app

export class FakeApp extends EventEmitter {
  isPackaged = false
  /** What requestSingleInstanceLock answers: false simulates a second launch. */
  lockAvailable = true
  lockRequests = 0
  appUserModelIds: string[] = []
  /** True once a quit went through (not cancelled by a before-quit handler). */
  hasQuit = false
  private userData = ''
  private ready = false
  private resolveReady: () => void = () => undefined
  private readyPromise: Promise<void> = Promise.resolve()

  constructor() {
    super()
    this.reset()
  }

  reset(): void {
    this.removeAllListeners()
    this.isPackaged = false
    this.lockAvailable = true
    this.lockRequests = 0
    this.appUserModelIds = []
    this.hasQuit = false
    this.loginItem = { openAtLogin: false }
    this.userData = ''
    this.ready = false
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve
    })
  }

  readonly requestSingleInstanceLock = vi.fn((): boolean => {
    this.lockRequests += 1
    return this.lockAvailable
  })

  readonly setAppUserModelId = vi.fn((id: string): void => {
    this.appUserModelIds.push(id)
  })

  /** userData (and every other folder) is a fresh temp dir per launch. */
  readonly getPath = vi.fn((_name: string): string => {
    if (this.userData === '') this.userData = mkdtempSync(join(tmpdir(), 'credit-ledger-fake-userdata-'))
    return this.userData
  })

  /** Like Electron's: lets a test start a "next launch" on the same userData folder. */
  setPath(_name: string, path: string): void {
    this.userData = path
  }

  getVersion(): string {
    return '0.0.0-test'
  }

  getName(): string {
    return 'Credit Ledger'
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  isReady(): boolean {
    return this.ready
  }

  /** Like Electron: emits `before-quit` (cancellable), then closes every window and emits `will-quit` and `quit`. */
  readonly quit = vi.fn((): void => {
    const event = preventableEvent()
    this.emit('before-quit', event)
    if (event.defaultPrevented) return
    this.hasQuit = true
    for (const window of BrowserWindow.getAllWindows()) window.close()
    this.emit('will-quit', preventableEvent())
    this.emit('quit', preventableEvent(), 0)
  })

  /** What setLoginItemSettings was last given (start at login). */
  loginItem: { openAtLogin: boolean; args?: readonly string[] } = { openAtLogin: false }
  readonly setLoginItemSettings = vi.fn((settings: { openAtLogin: boolean; args?: readonly string[] }): void => {
    this.loginItem = { ...settings }
  })
  readonly getLoginItemSettings = vi.fn(() => ({ ...this.loginItem, wasOpenedAtLogin: false }))

  readonly exit = vi.fn((_code?: number): void => {
    this.hasQuit = true
  })

  /** Resolves whenReady() and emits `ready`, as Electron does once Chromium is up. */
  fireReady(): void {
    this.ready = true
    this.resolveReady()
    this.emit('ready', preventableEvent(), {})
  }
}

export const app = new FakeApp()
export const fireReady = (): void => app.fireReady()

// ------------------------------------------------------------------------------------------------- webContents

export interface WindowOpenDetails {
  readonly url: string
}
export type WindowOpenHandler = (details: WindowOpenDetails) => { readonly action: 'allow' | 'deny' }

let nextWebContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  windowOpenHandler: WindowOpenHandler | undefined
  /** Every `send(channel, ...args)`, in order. */
  readonly sent: { readonly channel: string; readonly args: readonly unknown[] }[] = []
  destroyed = false

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isLoading(): boolean {
    return false
  }

  /** What a `window.open(url)` in the page would get. */
  openWindow(url: string): { readonly action: 'allow' | 'deny' } {
    if (this.windowOpenHandler === undefined) return { action: 'allow' }
    return this.windowOpenHandler({ url })
  }

  /** Emits a cancellable `will-navigate` and says whether the navigation would have gone ahead. */
  navigate(url: string): boolean {
    const event = preventableEvent()
    this.emit('will-navigate', event, url)
    return !event.defaultPrevented
  }

  /** Emits a cancellable `will-attach-webview` and says whether the webview would have been attached. */
  attachWebview(): boolean {
    const event = preventableEvent()
    this.emit('will-attach-webview', event, {}, {})
    return !event.defaultPrevented
  }
}

// ----------------------------------------------------------------------------------------------- BrowserWindow

export type FakeWindowOptions = Readonly<Record<string, unknown>> & {
  readonly webPreferences?: Readonly<Record<string, unknown>>
}

const windows: BrowserWindow[] = []

export class BrowserWindow extends EventEmitter {
  /** Every window created since the last reset, closed ones included. */
  static readonly created: readonly BrowserWindow[] = windows

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((window) => !window.destroyed)
  }

  /** The fake has no focus: the newest open window stands in for the focused one. */
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().at(-1) ?? null
  }

  readonly options: FakeWindowOptions
  readonly webContents = new FakeWebContents()
  readonly loaded: { readonly kind: 'file' | 'url'; readonly target: string }[] = []
  bounds: Rect
  visible = false
  focused = false
  maximized = false
  minimized = false
  destroyed = false

  constructor(options: FakeWindowOptions = {}) {
    super()
    this.options = options
    const number = (key: string, fallback: number) => {
      const value = options[key]
      return typeof value === 'number' ? value : fallback
    }
    this.bounds = { x: number('x', 0), y: number('y', 0), width: number('width', 800), height: number('height', 600) }
    windows.push(this)
    app.emit('web-contents-created', preventableEvent(), this.webContents)
  }

  loadFile(file: string): Promise<void> {
    this.loaded.push({ kind: 'file', target: file })
    return Promise.resolve()
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push({ kind: 'url', target: url })
    return Promise.resolve()
  }

  show(): void {
    this.visible = true
    this.minimized = false
  }

  hide(): void {
    this.visible = false
    this.focused = false
  }

  focus(): void {
    this.focused = true
  }

  restore(): void {
    this.minimized = false
    this.emit('restore')
  }

  minimize(): void {
    this.minimized = true
    this.focused = false
    this.emit('minimize')
  }

  maximize(): void {
    this.maximized = true
    this.emit('maximize')
  }

  isVisible(): boolean {
    return this.visible
  }

  isMinimized(): boolean {
    return this.minimized
  }

  isMaximized(): boolean {
    return this.maximized
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  getBounds(): Rect {
    return this.bounds
  }

  getNormalBounds(): Rect {
    return this.bounds
  }

  /** Like a user drag/resize: updates the bounds and emits `resize` and `move`. */
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
    this.emit('move')
  }

  /** Emits a cancellable `close`, then `closed`; the last window closing emits `window-all-closed` (not while quitting). */
  close(): void {
    if (this.destroyed) return
    const event = preventableEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
    if (!app.hasQuit && BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed')
  }
}

/** Forget every window (a new launch). */
export const clearWindows = (): void => {
  windows.length = 0
}
