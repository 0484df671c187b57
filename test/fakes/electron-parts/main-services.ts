import { EventEmitter } from 'node:events'
import { vi } from 'vitest'
import type { Rect } from './events'

/** Main-process services of the fake: IPC, menu, dialogs, shell, session permissions, screen, notifications. */

// ------------------------------------------------------------------------------------------------------ ipcMain

export interface FakeIpcMainEvent {
  readonly senderFrame: { readonly url: string } | null
}
export type FakeIpcHandler = (event: FakeIpcMainEvent, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, FakeIpcHandler>(),
  handle(channel: string, handler: FakeIpcHandler): void {
    // Electron throws on a second handler for the same channel; so does the fake, to catch double registration.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

/** Call an `ipcMain.handle` handler as a renderer frame at `frameUrl` would (null: a frame that is gone). */
export const invokeIpc = async (channel: string, payload: unknown, frameUrl: string | null): Promise<unknown> => {
  const handler = ipcMain.handlers.get(channel)
  if (handler === undefined) throw new Error(`No ipcMain handler for ${channel}`)
  // Like ipcRenderer.invoke: the renderer always gets a promise, whatever the handler returns.
  return await handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, payload)
}

// ------------------------------------------------------------------------------------- Menu, dialog, shell, …

export interface FakeMenu {
  readonly template: readonly unknown[]
}

export const Menu: {
  applicationMenu: FakeMenu | undefined
  readonly buildFromTemplate: (template: readonly unknown[]) => FakeMenu
  readonly setApplicationMenu: (menu: FakeMenu | null) => void
} = {
  applicationMenu: undefined,
  buildFromTemplate(template: readonly unknown[]): FakeMenu {
    return { template }
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    this.applicationMenu = menu ?? undefined
  },
}

export interface FakeOpenDialogResult {
  readonly canceled: boolean
  readonly filePaths: string[]
}

export interface FakeMessageBoxResult {
  readonly response: number
  readonly checkboxChecked: boolean
}

export const dialog: {
  readonly errors: { readonly title: string; readonly content: string }[]
  /** What the next showMessageBox answers (a test sets it); the first button by default. */
  nextMessageBox: FakeMessageBoxResult
  readonly messageBoxes: Readonly<Record<string, unknown>>[]
  readonly showMessageBox: (...args: unknown[]) => Promise<FakeMessageBoxResult>
  readonly showErrorBox: (title: string, content: string) => void
  /** What the next showOpenDialog answers (a test sets it); cancelled by default. */
  nextOpen: FakeOpenDialogResult
  readonly openOptions: unknown[]
  readonly showOpenDialog: (...args: unknown[]) => Promise<FakeOpenDialogResult>
} = {
  errors: [],
  nextMessageBox: { response: 0, checkboxChecked: false },
  messageBoxes: [],
  showMessageBox(...args: unknown[]): Promise<FakeMessageBoxResult> {
    this.messageBoxes.push(args[args.length - 1] as Readonly<Record<string, unknown>>)
    return Promise.resolve(this.nextMessageBox)
  },
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content })
  },
  nextOpen: { canceled: true, filePaths: [] },
  openOptions: [],
  showOpenDialog(...args: unknown[]): Promise<FakeOpenDialogResult> {
    this.openOptions.push(args[args.length - 1])
    return Promise.resolve(this.nextOpen)
  },
}

export const shell = {
  openExternal: vi.fn((_url: string): Promise<void> => Promise.resolve()),
  showItemInFolder: vi.fn((_fullPath: string): void => undefined),
}

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void
export type PermissionCheckHandler = (contents: unknown, permission: string) => boolean

export interface FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined
  permissionCheckHandler: PermissionCheckHandler | undefined
  readonly setPermissionRequestHandler: (handler: PermissionRequestHandler | null) => void
  readonly setPermissionCheckHandler: (handler: PermissionCheckHandler | null) => void
}

export const session: { readonly defaultSession: FakeSession } = {
  defaultSession: {
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      this.permissionRequestHandler = handler ?? undefined
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      this.permissionCheckHandler = handler ?? undefined
    },
  },
}

export interface FakeDisplay {
  readonly id: number
  readonly bounds: Rect
  readonly workArea: Rect
}

const defaultDisplays = (): FakeDisplay[] => [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
]

let displays = defaultDisplays()

export const screen = {
  getAllDisplays: (): FakeDisplay[] => displays,
  getPrimaryDisplay: (): FakeDisplay => {
    const primary = displays[0]
    if (primary === undefined) throw new Error('The fake screen has no display')
    return primary
  },
}

/** Replace the connected displays; the first is the primary one. */
export const setDisplays = (next: readonly FakeDisplay[]): void => {
  displays = [...next]
}

export const nativeImage = {
  createEmpty: () => ({ isEmpty: () => true }),
  createFromDataURL: (url: string) => ({ isEmpty: () => url.length === 0, dataUrl: url }),
}

/** A tray icon: its menu, tooltip and whether it was destroyed; `click()` as the user would. */
export class Tray extends EventEmitter {
  static readonly created: Tray[] = []
  menu: FakeMenu | null = null
  tooltip = ''
  destroyed = false
  constructor(readonly image: unknown) {
    super()
    Tray.created.push(this)
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** The menu item with this label (its `click`, `enabled`…), or undefined. */
  item(label: RegExp): Readonly<Record<string, unknown>> | undefined {
    return (this.menu?.template as Readonly<Record<string, unknown>>[] | undefined)?.find(
      (entry) => typeof entry.label === 'string' && label.test(entry.label),
    )
  }
}

export class Notification extends EventEmitter {
  static readonly shown: Notification[] = []
  static isSupported(): boolean {
    return true
  }
  constructor(readonly options: Readonly<Record<string, unknown>> = {}) {
    super()
  }
  show(): void {
    Notification.shown.push(this)
  }
}

export const powerMonitor = new EventEmitter()

export const resetDisplays = (): void => {
  displays = defaultDisplays()
}
