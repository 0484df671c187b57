import type { PushEvents } from '@shared/api/events'
import { isDesktopApp } from './api'
import { linkHref } from './use-hash-route'

/**
 * Browser notifications for reminders in serve mode (issue 6 §6). In the desktop app the main process shows native
 * notifications, so the renderer never adds a second one there. In a browser one is shown only when the user allowed
 * it and is not already looking at the page (the inbox and its badge say it then).
 */

export type FiredReminder = PushEvents['reminders.fired']

/** 'unsupported' (no Notification API, e.g. an insecure context) and 'desktop' (native ones are used) add to the API's states. */
export type NotificationSupport = NotificationPermission | 'unsupported' | 'desktop'

const notificationApi = (): typeof Notification | undefined =>
  typeof window.Notification === 'function' ? window.Notification : undefined

export const notificationSupport = (): NotificationSupport => {
  if (isDesktopApp()) return 'desktop'
  const api = notificationApi()
  return api === undefined ? 'unsupported' : api.permission
}

/** Ask the browser (it shows its own prompt); answers the permission that results. */
export const requestNotificationPermission = async (): Promise<NotificationSupport> => {
  const api = notificationApi()
  if (isDesktopApp() || api === undefined) return notificationSupport()
  try {
    return await api.requestPermission()
  } catch {
    return api.permission
  }
}

/** Whether the user would miss a reminder without a notification: the tab is hidden or another window has focus. */
const pageUnattended = (): boolean => document.visibilityState === 'hidden' || !document.hasFocus()

/**
 * Show a fired reminder as a browser notification when that is allowed and useful; a click brings the page up on
 * what the reminder is about. Answers the notification shown, or null.
 */
export const notifyReminder = (fired: FiredReminder): Notification | null => {
  const api = notificationApi()
  if (isDesktopApp() || api === undefined || api.permission !== 'granted' || !pageUnattended()) return null
  // The tag is the reminder's key: a second tab of the same ledger replaces the notification instead of adding one.
  const notification = new api(fired.title, { body: fired.body, tag: fired.keys[0] ?? 'credit-ledger' })
  notification.addEventListener('click', () => {
    window.focus()
    window.location.hash = linkHref(fired.link)
    notification.close()
  })
  return notification
}
