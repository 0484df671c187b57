import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, session } from 'electron'
import { resolveDbPath } from '../backend/paths'
import type { BackendClient } from '../backend/worker/backend-client'
import { APP_ID } from './app-id'
import { installAppMenu } from './app-menu'
import { backendFailureMessage, startBackend, type StartBackendWorker } from './backend-start'
import { rendererIndexFile } from './bundle-paths'
import { HIDDEN_FLAG, installDesktopShell, type DesktopShell } from './desktop-shell'
import { relayBackendEvents } from './event-relay'
import { chooseImportFile } from './import-dialog'
import { registerIpcHandlers } from './ipc-handlers'
import { logError } from './log'
import { mainWindowHandle } from './main-window'
import { closeBackendBeforeQuit } from './quit-handling'
import { denyAllPermissions, installWebContentsGuards } from './security-guards'
import { isTrustedSender } from './trusted-sender'

export interface StartAppOptions {
  readonly argv: readonly string[]
  readonly env: NodeJS.ProcessEnv
  readonly platform: NodeJS.Platform
  /** Folder of the built main bundle (out/main), from the entry's import.meta.dirname. */
  readonly mainDir: string
  readonly startBackendWorker: StartBackendWorker
}

/**
 * Wire the Electron shell: one instance, guards, IPC, the backend worker, the menu and the main window.
 * The backend starts before `ready` so the database opens while Chromium starts; IPC handlers wait for it.
 * Resolves once the window is open (or the app is quitting).
 */
export const startApp = async (options: StartAppOptions): Promise<void> => {
  // A second launch hands over to the running app (which focuses its window) instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Before any window: toasts and taskbar grouping on Windows need the installer's AppUserModelID.
  if (options.platform === 'win32') app.setAppUserModelId(APP_ID)
  installWebContentsGuards()

  const devServerUrl = app.isPackaged ? undefined : nonEmpty(options.env.ELECTRON_RENDERER_URL)
  const rendererIndexUrl = pathToFileURL(rendererIndexFile(options.mainDir)).href
  const userDataDir = app.getPath('userData')
  const dbPath = resolveDbPath(options.argv, options.env, userDataDir)

  const backend: Promise<BackendClient> = startBackend({
    dbPath,
    mainDir: options.mainDir,
    isPackaged: app.isPackaged,
    appVersion: app.getVersion(),
    startBackendWorker: options.startBackendWorker,
  })
  registerIpcHandlers({
    isTrusted: (frameUrl) => isTrustedSender(frameUrl, devServerUrl, rendererIndexUrl),
    backend: () => backend,
    hostMethods: {
      'imports.chooseFile': (client) => chooseImportFile(BrowserWindow.getFocusedWindow() ?? undefined, client),
    },
  })
  closeBackendBeforeQuit(() =>
    backend.then(
      (client) => client.close(),
      () => undefined,
    ),
  )

  let backendFailed = false
  let shell: DesktopShell | undefined
  const mainWindow = mainWindowHandle({ mainDir: options.mainDir, devServerUrl, userDataDir }, (window) =>
    shell?.manageWindow(window),
  )
  const backendUp = backend.then(
    (client) => {
      relayBackendEvents(client)
      shell = installDesktopShell({
        backend: client,
        openWindow: mainWindow.open,
        startedHidden: startsHidden(options),
      })
      const open = mainWindow.current()
      if (open !== undefined) shell.manageWindow(open)
    },
    (error: unknown) => {
      backendFailed = true
      logError('The backend did not start', error)
      // Safe before `ready`; on Linux it prints to stderr when no display is available.
      dialog.showErrorBox('Credit Ledger cannot start', backendFailureMessage(dbPath, error))
      app.quit()
    },
  )

  app.on('second-instance', () => {
    if (!backendFailed) mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window; `activate` brings one back.
    if (options.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!backendFailed) mainWindow.open()
  })

  await app.whenReady()
  denyAllPermissions(session.defaultSession)
  installAppMenu({ platform: options.platform, isPackaged: app.isPackaged, appName: app.getName(), dbPath })
  if (backendFailed) return
  // Started at login: reminders run in the tray, no window until the user asks for it.
  if (!startsHidden(options)) mainWindow.open()
  await backendUp
}

const startsHidden = (options: StartAppOptions): boolean =>
  options.argv.includes(HIDDEN_FLAG) ||
  (options.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true)

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.length > 0 ? value : undefined
