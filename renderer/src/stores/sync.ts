import { api } from '../lib/api'
import { useAppStore } from './app-store'
import { useCatalogStore } from './catalog-store'

/**
 * Keep the stores in step with the ledger: reload on every `ledger.changed` push (this window's changes, another
 * window's, or the CLI's). Nothing is read while the database is refused. Returns the unsubscribe function.
 */
export const connectStores = (): (() => void) =>
  api.on('ledger.changed', () => {
    if (useAppStore.getState().backend.kind !== 'ok') return
    void useCatalogStore.getState().load()
  })
