import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { BrowserWindow } from 'electron'
import { logError } from './log'
import { parseWindowState, type SavedWindowState } from './window-bounds'

/** Saved after the user stops resizing or moving for this long: a drag emits dozens of events per second. */
export const SAVE_DEBOUNCE_MS = 400

/** The saved state, or undefined when there is none or it is unreadable (a bad file must not stop the app). */
export const loadWindowState = (file: string): SavedWindowState | undefined => {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return undefined
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the previous state, not half a file. */
export const saveWindowState = (file: string, state: SavedWindowState): void => {
  try {
    const temporary = `${file}.tmp`
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`)
    renameSync(temporary, file)
  } catch (error) {
    logError(`Could not save the window position to ${file}`, error)
  }
}

/**
 * Remember the window's size and position: debounced while it is resized or moved, and once more, synchronously,
 * when it closes (the app may quit right after). The normal bounds are saved, so a maximized window also
 * remembers where to go when it is un-maximized.
 */
export const trackWindowState = (window: BrowserWindow, file: string): void => {
  let timer: NodeJS.Timeout | undefined
  const snapshot = (): SavedWindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      if (!window.isDestroyed()) saveWindowState(file, snapshot())
    }, SAVE_DEBOUNCE_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', () => {
    clearTimeout(timer)
    timer = undefined
    saveWindowState(file, snapshot())
  })
}
