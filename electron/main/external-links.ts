import { shell } from 'electron'
import { logError } from './log'

/**
 * The normalized URL if `raw` is an https URL, else undefined. Parsed with `new URL`, never `startsWith`:
 * `https:evil` tricks, `javascript:`, `file:` and custom protocol handlers must never reach the OS.
 */
export const httpsUrl = (raw: string): string | undefined => {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Open an https link in the user's browser; anything else is ignored. Returns whether it was opened. */
export const openHttpsExternally = (raw: string): boolean => {
  const url = httpsUrl(raw)
  if (url === undefined) return false
  shell.openExternal(url).catch((error: unknown) => logError(`Could not open ${url}`, error))
  return true
}
