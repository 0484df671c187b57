import type { LedgerWindowApi } from '@shared/api/client'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the UI is served over HTTP by `credit-ledger serve`. */
    readonly ledger?: LedgerWindowApi | undefined
  }
}

export {}
