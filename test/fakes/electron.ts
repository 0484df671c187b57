import { app, BrowserWindow, clearWindows } from './electron-parts/app-windows'
import {
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  resetDisplays,
  Tray,
  screen,
  session,
  shell,
} from './electron-parts/main-services'
import { contextBridge, ipcRenderer } from './electron-parts/preload-services'

/**
 * A fake of the parts of `electron` the main process and the preload use. test/vitest.config.ts aliases `electron`
 * to this file for every project: importing the real package outside Electron starts a binary download.
 * Tests import it by path (`../fakes/electron`), which resolves to the same module instance the code under test gets.
 *
 * Recordings that tests read after start-up (handlers, windows, sent messages) are plain state, not vi.fn calls:
 * Vitest 5 clears mock calls before every test (clearMocks: true). `resetElectronFake()` starts a fresh "launch".
 */

export * from './electron-parts/events'
export * from './electron-parts/app-windows'
export * from './electron-parts/main-services'
export * from './electron-parts/preload-services'

/** A clean slate, as if Electron had just started: no windows, handlers, listeners or recordings. */
export const resetElectronFake = (): void => {
  app.reset()
  clearWindows()
  ipcMain.handlers.clear()
  Menu.applicationMenu = undefined
  dialog.errors.length = 0
  dialog.openOptions.length = 0
  dialog.nextOpen = { canceled: true, filePaths: [] }
  session.defaultSession.permissionRequestHandler = undefined
  session.defaultSession.permissionCheckHandler = undefined
  resetDisplays()
  Notification.shown.length = 0
  Tray.created.length = 0
  dialog.messageBoxes.length = 0
  dialog.nextMessageBox = { response: 0, checkboxChecked: false }
  powerMonitor.removeAllListeners()
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  dialog,
  shell,
  session,
  screen,
  nativeImage,
  Notification,
  powerMonitor,
  Tray,
  contextBridge,
  ipcRenderer,
}
