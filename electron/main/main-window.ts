import { join } from 'node:path'
import { BrowserWindow, screen, type WebPreferences } from 'electron'
import { PRODUCT_NAME } from '../backend/paths'
import { preloadFile, rendererIndexFile } from './bundle-paths'
import { logError } from './log'
import { MIN_SIZE, placeWindow, type Rect } from './window-bounds'
import { loadWindowState, trackWindowState } from './window-state'

export interface MainWindowOptions {
  /** out/main: the preload and renderer bundles are found relative to it. */
  readonly mainDir: string
  /** The electron-vite dev server (ELECTRON_RENDERER_URL), only when not packaged. */
  readonly devServerUrl: string | undefined
  /** Folder of window-state.json (Electron's userData). */
  readonly userDataDir: string
}

/**
 * The renderer is untrusted: isolated from the preload, sandboxed, without Node, with web security on (Electron
 * security checklist items 2–4, 6). Spelled out even where they are Electron's defaults, so a reader (and a test)
 * sees them and a future default change cannot weaken them.
 */
export const secureWebPreferences = (preload: string) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  }) as const satisfies WebPreferences

export const windowStateFile = (userDataDir: string): string => join(userDataDir, 'window-state.json')

/** Work areas of the connected displays, primary first (placeWindow falls back to the first one). */
const currentWorkAreas = (): readonly Rect[] => {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return [primary, ...others].map((display) => display.workArea)
}

/** Create the main window where it was last time, shown only once painted (no white flash). */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const stateFile = windowStateFile(options.userDataDir)
  const placement = placeWindow(loadWindowState(stateFile), currentWorkAreas())
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: secureWebPreferences(preloadFile(options.mainDir)),
  })
  trackWindowState(window, stateFile)
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  const loading =
    options.devServerUrl === undefined
      ? window.loadFile(rendererIndexFile(options.mainDir))
      : window.loadURL(options.devServerUrl)
  loading.catch((error: unknown) => logError('Could not load the window contents', error))
  return window
}

export interface MainWindowHandle {
  /** The main window, created if there is none (first start, or macOS `activate` after closing it). */
  readonly open: () => BrowserWindow
  /** Bring the main window to the front: a second launch of the app lands here. */
  readonly focus: () => void
  /** The main window if one is open (possibly hidden in the tray). */
  readonly current: () => BrowserWindow | undefined
}

/** The app has one main window; this keeps track of it across close/re-create. */
export const mainWindowHandle = (
  options: MainWindowOptions,
  onCreate: (window: BrowserWindow) => void = () => undefined,
): MainWindowHandle => {
  let current: BrowserWindow | undefined
  const open = (): BrowserWindow => {
    if (current !== undefined && !current.isDestroyed()) return current
    const window = createMainWindow(options)
    onCreate(window)
    window.on('closed', () => {
      if (current === window) current = undefined
    })
    current = window
    return window
  }
  return {
    open,
    focus: () => {
      const window = open()
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
    },
    current: () => (current !== undefined && !current.isDestroyed() ? current : undefined),
  }
}
