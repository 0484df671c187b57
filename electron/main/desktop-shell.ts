import { app, dialog, powerMonitor, type BrowserWindow } from 'electron'
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@shared/settings/schemas'
import type { BackendClient } from '../backend/worker/backend-client'
import { createAppTray, readTrayState, type AppTray } from './app-tray'
import { logError } from './log'
import { openReminderLink, type ReminderTarget } from './reminder-link'
import { showReminderNotifications } from './reminder-notifications'

/**
 * The desktop side of reminders (issue 6 §4): native notifications, the tray, start at login, keeping the app
 * running in the tray when the window closes (asked once), and a fresh evaluation after the machine wakes. A reminder
 * app that is closed reminds nobody, so closing the window asks, the first time, whether to keep running.
 */

/** The login item starts the app with this flag: no window, only the tray. */
export const HIDDEN_FLAG = '--hidden'

export interface DesktopShellOptions {
  readonly backend: BackendClient
  /** The main window, created if needed. */
  readonly openWindow: () => BrowserWindow
  /** Started at login without a window: the tray is the way in, whatever the tray setting says. */
  readonly startedHidden: boolean
}

export interface DesktopShell {
  /** Hook a newly created main window (close to tray). */
  readonly manageWindow: (window: BrowserWindow) => void
  readonly stop: () => void
}

/** The backend validated them already; checked again so a damaged answer falls back to defaults, not to a crash. */
const readSettings = async (backend: BackendClient): Promise<Settings> => {
  const result = await backend.call('settings.get', undefined)
  const parsed = result.ok ? settingsSchema.safeParse(result.value) : undefined
  return parsed?.success === true ? parsed.data : DEFAULT_SETTINGS
}

export const installDesktopShell = (options: DesktopShellOptions): DesktopShell => {
  const { backend } = options
  let settings: Settings = DEFAULT_SETTINGS
  let tray: AppTray | null = null
  let hiddenToTray = options.startedHidden
  let quitting = false
  const open = (link: ReminderTarget) => openReminderLink(options.openWindow(), link)
  const showWindow = () => {
    hiddenToTray = false
    const window = options.openWindow()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  const refreshTray = async () => {
    const wanted = settings.trayIcon || hiddenToTray
    if (!wanted) {
      tray?.destroy()
      tray = null
      return
    }
    tray ??= createAppTray({ openWindow: showWindow, open, quit: () => app.quit() })
    const state = await readTrayState(backend, settings.timeZone)
    tray?.update(state)
  }

  const applyLoginItem = () => {
    // Linux has no login items in Electron (the call is a no-op there); the setting is kept for the other systems.
    if (app.getLoginItemSettings().openAtLogin === settings.startAtLogin) return
    app.setLoginItemSettings({ openAtLogin: settings.startAtLogin, args: [HIDDEN_FLAG] })
  }

  const refresh = async () => {
    settings = await readSettings(backend)
    applyLoginItem()
    await refreshTray()
  }
  const refreshSoon = () => {
    refresh().catch((error: unknown) => logError('Could not update the tray', error))
  }

  const unsubscribeNotifications = showReminderNotifications(backend, open)
  const unsubscribeChanges = backend.onEvent((name) => {
    if (name === 'ledger.changed' || name === 'reminders.fired') refreshSoon()
  })
  const onResume = () => backend.wake()
  powerMonitor.on('resume', onResume)
  app.on('before-quit', () => {
    quitting = true
  })
  refreshSoon()

  const hideToTray = (window: BrowserWindow) => {
    hiddenToTray = true
    window.hide()
    refreshSoon()
  }

  const ask = async (window: BrowserWindow) => {
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Keep running in the tray', 'Quit'],
      defaultId: 0,
      cancelId: 0,
      message: 'Keep Credit Ledger running when its window is closed?',
      detail:
        'Reminders about expiring credits and renewals only arrive while the app runs. It will wait in the tray. ' +
        'You can change this in Settings.',
    })
    const choice = response === 1 ? 'quit' : 'tray'
    await backend.call('settings.set', { closeToTray: choice })
    settings = { ...settings, closeToTray: choice }
    if (choice === 'tray') hideToTray(window)
    else app.quit()
  }

  return {
    manageWindow: (window) => {
      window.on('close', (event) => {
        if (quitting || settings.closeToTray === 'quit') return
        event.preventDefault()
        if (settings.closeToTray === 'tray') hideToTray(window)
        else ask(window).catch((error: unknown) => logError('Could not ask about the tray', error))
      })
    },
    stop: () => {
      unsubscribeNotifications()
      unsubscribeChanges()
      powerMonitor.removeListener('resume', onResume)
      tray?.destroy()
      tray = null
    },
  }
}
