import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { windowStateFile } from '../../electron/main/main-window'
import { SAVE_DEBOUNCE_MS } from '../../electron/main/window-state'
import { app, setDisplays } from '../fakes/electron'
import { boot, MAIN_DIR, onlyWindow, RENDERER_INDEX } from './support/boot'

const savedState = (): unknown => JSON.parse(readFileSync(windowStateFile(app.getPath('userData')), 'utf8'))

describe('main window', () => {
  it('runs the renderer isolated, sandboxed, without Node, with web security, and our preload', async () => {
    await boot()
    expect(onlyWindow().options.webPreferences).toEqual({
      preload: join(MAIN_DIR, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
  })

  it('stays hidden until its first paint, then shows', async () => {
    await boot()
    const window = onlyWindow()
    expect(window.options.show).toBe(false)
    expect(window.isVisible()).toBe(false)
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(true)
  })

  it('loads the built renderer from disk', async () => {
    await boot()
    expect(onlyWindow().loaded).toEqual([{ kind: 'file', target: RENDERER_INDEX }])
  })

  it('loads the dev server in development, never when packaged', async () => {
    await boot({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })
    expect(onlyWindow().loaded).toEqual([{ kind: 'url', target: 'http://localhost:5173' }])
    await boot({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, isPackaged: true })
    expect(onlyWindow().loaded).toEqual([{ kind: 'file', target: RENDERER_INDEX }])
  })

  it('opens at the default size, centred, on first launch', async () => {
    await boot()
    expect(onlyWindow().getBounds()).toEqual({ x: 360, y: 120, width: 1200, height: 800 })
  })
})

describe('remembered size and position', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves the bounds when the window closes and re-opens there on the next launch', async () => {
    await boot()
    const userData = app.getPath('userData')
    onlyWindow().setBounds({ x: 50, y: 60, width: 1000, height: 700 })
    onlyWindow().close()
    expect(savedState()).toEqual({ bounds: { x: 50, y: 60, width: 1000, height: 700 }, maximized: false })

    await boot({ userData })
    expect(onlyWindow().getBounds()).toEqual({ x: 50, y: 60, width: 1000, height: 700 })
  })

  it('saves while resizing, once the user stops (debounced)', async () => {
    vi.useFakeTimers()
    await boot({ platform: 'darwin' })
    const window = onlyWindow()
    window.setBounds({ width: 900 })
    window.setBounds({ width: 950 })
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS - 1)
    expect(() => savedState()).toThrow()
    window.setBounds({ width: 1000 }) // still resizing: the wait starts over
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS - 1)
    expect(() => savedState()).toThrow()
    vi.advanceTimersByTime(1)
    expect(savedState()).toMatchObject({ bounds: { width: 1000 } })
  })

  it('re-opens maximized when it was closed maximized', async () => {
    await boot({ platform: 'darwin' })
    onlyWindow().maximize()
    onlyWindow().close()
    expect(savedState()).toMatchObject({ maximized: true })
    app.emit('activate', {}, false)
    const window = onlyWindow()
    expect(window.isMaximized()).toBe(false)
    window.emit('ready-to-show')
    expect(window.isMaximized()).toBe(true)
  })

  it('a position saved on a monitor that is gone opens on the current screen', async () => {
    await boot({ platform: 'darwin' })
    onlyWindow().setBounds({ x: 3000, y: 200, width: 1000, height: 700 })
    onlyWindow().close()
    setDisplays([
      { id: 7, bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 0, y: 25, width: 1280, height: 775 } },
    ])
    app.emit('activate', {}, false)
    expect(onlyWindow().getBounds()).toEqual({ x: 140, y: 63, width: 1000, height: 700 })
  })

  it('ignores a damaged state file', async () => {
    await boot({ platform: 'darwin' })
    onlyWindow().close()
    writeFileSync(windowStateFile(app.getPath('userData')), '{"bounds": {"x": 1')
    app.emit('activate', {}, false)
    expect(onlyWindow().getBounds()).toEqual({ x: 360, y: 120, width: 1200, height: 800 })
  })
})
