import { Notification } from 'electron'
import type { BackendClient } from '../backend/worker/backend-client'
import type { ReminderTarget } from './reminder-link'

/**
 * Native notifications for delivered reminders (issue 6 §4): one per `reminders.fired` (a digest when several were
 * due at once); a click opens the lot, account or inbox. Each shown notification is held until it is clicked or
 * closed: on some platforms a collected Notification loses its click handler.
 */
export const showReminderNotifications = (
  backend: BackendClient,
  open: (link: ReminderTarget) => void,
): (() => void) => {
  const live = new Set<Notification>()
  return backend.onEvent((name, payload) => {
    if (name !== 'reminders.fired' || !Notification.isSupported()) return
    const fired = payload as { title: string; body: string; link: ReminderTarget }
    const notification = new Notification({ title: fired.title, body: fired.body })
    live.add(notification)
    notification.on('click', () => {
      live.delete(notification)
      open(fired.link)
    })
    notification.on('close', () => live.delete(notification))
    notification.show()
  })
}
