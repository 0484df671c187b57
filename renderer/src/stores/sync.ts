import { api } from '../lib/api'
import { notifyReminder } from '../lib/browser-notifications'
import { openLink } from '../lib/use-hash-route'
import { useAppStore } from './app-store'
import { useCatalogStore } from './catalog-store'
import { useLedgerStore } from './ledger-store'
import { useRemindersStore } from './reminders-store'

/**
 * Keep the stores in step with the ledger: reload on every `ledger.changed` push (this window's changes, another
 * window's, or the CLI's), refresh the inbox and its badge when reminders fire (and, in a browser, notify), and
 * follow the desktop app when a clicked notification asks to open something. Nothing is read while the database is
 * refused. Returns the unsubscribe function.
 */
export const connectStores = (): (() => void) => {
  const usable = (): boolean => useAppStore.getState().backend.kind === 'ok'
  const stops = [
    api.on('ledger.changed', () => {
      if (!usable()) return
      void useCatalogStore.getState().load()
      void useRemindersStore.getState().load()
      void useLedgerStore.getState().refresh()
    }),
    api.on('reminders.fired', (fired) => {
      notifyReminder(fired)
      if (usable()) void useRemindersStore.getState().load()
    }),
    api.on('reminders.open', ({ link }) => {
      openLink(link)
    }),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
