import { app } from 'electron'
import { logError } from './log'

/** Longest we hold the quit for the backend: a stuck worker must not make the app impossible to quit. */
export const BACKEND_CLOSE_TIMEOUT_MS = 5000

/**
 * Close the backend (finish the current transaction, checkpoint the WAL, close the file) before the app exits.
 * `before-quit` cannot await, so the first quit is cancelled, the backend closed, and quit called again.
 */
export const closeBackendBeforeQuit = (closeBackend: () => Promise<void>): void => {
  let state: 'running' | 'closing' | 'closed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    withTimeout(closeBackend(), BACKEND_CLOSE_TIMEOUT_MS)
      .catch((error: unknown) => logError('Could not close the backend cleanly', error))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}

const withTimeout = (promise: Promise<void>, ms: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The backend did not close within ${ms} ms`)), ms)
    promise.then(
      () => {
        clearTimeout(timer)
        resolve()
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
