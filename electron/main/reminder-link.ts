import type { BrowserWindow } from 'electron'
import { IPC_EVENT_CHANNEL } from '@shared/api/client'
import type { NotificationText } from '@shared/reminders/types'
import type { PushMessage } from './event-relay'

export type ReminderTarget = NotificationText['link']

/**
 * Show what a clicked notification (or tray item) is about: bring the window up and ask the renderer to open the
 * lot, account or inbox (`reminders.open`). A window still loading gets the message once it has loaded.
 */
export const openReminderLink = (window: BrowserWindow, link: ReminderTarget): void => {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  const message = { name: 'reminders.open', payload: { link } } satisfies PushMessage<'reminders.open'>
  const send = () => {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message)
  }
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send)
  else send()
}
