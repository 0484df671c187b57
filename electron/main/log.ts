/**
 * The main process has no UI of its own to report to, so problems go to stderr (visible in a terminal and in the
 * logs of a launcher). One prefix makes them easy to find among Chromium's own output.
 */
export const logError = (context: string, error: unknown): void => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(`[credit-ledger] ${context}: ${detail}`)
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))
