import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL } from '@shared/api/client'
import { APP_ID } from '../../electron/main/app-id'
import { startApp } from '../../electron/main/start-app'
import { BrowserWindow, app, dialog, fireReady, ipcMain, resetElectronFake } from '../fakes/electron'
import { boot, MAIN_DIR, onlyWindow, settle, waitFor } from './support/boot'

describe('single instance', () => {
  it('takes the lock once and opens one window', async () => {
    await boot()
    expect(app.lockRequests).toBe(1)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('a second launch quits at once, before starting a backend or registering handlers', async () => {
    const { workerStarts } = await boot({ lockAvailable: false })
    expect(app.hasQuit).toBe(true)
    expect(workerStarts).toEqual([])
    expect(ipcMain.handlers.size).toBe(0)
    expect(BrowserWindow.created).toHaveLength(0)
  })

  it('when another launch happens, the running app restores and focuses its window', async () => {
    await boot()
    const window = onlyWindow()
    window.minimize()
    app.emit('second-instance', {}, ['electron', '.'], process.cwd())
    expect(window.isMinimized()).toBe(false)
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
    expect(BrowserWindow.created).toHaveLength(1)
  })
})

describe('Windows AppUserModelID', () => {
  it.each([
    ['win32', [APP_ID]],
    ['linux', []],
    ['darwin', []],
  ] as const)('on %s sets %j', async (platform, expected) => {
    await boot({ platform })
    expect(app.appUserModelIds).toEqual(expected)
  })

  it('is the installer appId', () => {
    expect(APP_ID).toBe('app.creditledger.desktop')
  })
})

describe('backend start-up', () => {
  it('starts the worker from out/main/worker.js on the --db file, with checks, backups and external polling', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'credit-ledger-main-')), 'nested')
    const { workerStarts } = await boot({ argv: ['electron', '.', '--db', join(dir, 'my.db')] })
    expect(workerStarts).toEqual([
      {
        workerFile: join(MAIN_DIR, 'worker.js'),
        dbPath: join(dir, 'my.db'),
        quickCheck: true,
        dailyBackup: true,
        appVersion: app.getVersion(),
        externalPollMs: 1000,
        reminders: true,
      },
    ])
  })

  it('creates the database folder (CREDIT_LEDGER_DB) when it does not exist yet', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'credit-ledger-main-')), 'a', 'b')
    expect(existsSync(folder)).toBe(false)
    const { workerStarts } = await boot({ env: { CREDIT_LEDGER_DB: join(folder, 'x.db') } })
    expect(workerStarts[0]?.dbPath).toBe(join(folder, 'x.db'))
    expect(existsSync(folder)).toBe(true)
  })

  it('defaults to credit-ledger.db in userData', async () => {
    const { workerStarts } = await boot()
    expect(workerStarts[0]?.dbPath).toBe(join(app.getPath('userData'), 'credit-ledger.db'))
  })

  it('if the backend cannot start: shows an error naming the database and the reason, and quits', async () => {
    await boot({
      argv: ['electron', '.', '--db', '/nowhere/ledger.db'],
      startWorker: () => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')),
    })
    expect(dialog.errors).toHaveLength(1)
    expect(dialog.errors[0]?.title).toBe('Credit Ledger cannot start')
    expect(dialog.errors[0]?.content).toContain('/nowhere/ledger.db')
    expect(dialog.errors[0]?.content).toContain('SQLITE_CANTOPEN')
    await settle()
    expect(app.hasQuit).toBe(true)
    expect(BrowserWindow.getAllWindows()).toHaveLength(0)
  })

  it('if the backend fails before Electron is ready, no window is ever created', async () => {
    resetElectronFake()
    const started = startApp({
      argv: ['electron', '.'],
      env: {},
      platform: 'linux',
      mainDir: MAIN_DIR,
      startBackendWorker: () => Promise.reject(new Error('The database file is newer than this app')),
    })
    await waitFor(() => dialog.errors.length > 0, 'the error box')
    fireReady()
    await started
    await settle()
    expect(app.hasQuit).toBe(true)
    expect(BrowserWindow.created).toHaveLength(0)
  })
})

describe('push events', () => {
  it('relays backend events to every window as { name, payload } on ledger:event', async () => {
    const { backend } = await boot()
    const second = new BrowserWindow({})
    backend.emit('ledger.changed', { origin: 'external' })
    const expected = [
      { channel: IPC_EVENT_CHANNEL, args: [{ name: 'ledger.changed', payload: { origin: 'external' } }] },
    ]
    expect(onlyWindowOf(0).webContents.sent).toEqual(expected)
    expect(second.webContents.sent).toEqual(expected)
  })

  it('skips windows that are already closed', async () => {
    const { backend } = await boot()
    const second = new BrowserWindow({})
    second.close()
    expect(() => backend.emit('ledger.changed', { origin: 'local', method: 'vendors.add' })).not.toThrow()
    expect(onlyWindow().webContents.sent).toHaveLength(1)
  })
})

describe('quitting', () => {
  it('closes the backend before the app exits', async () => {
    const { backend } = await boot()
    app.quit()
    expect(app.hasQuit).toBe(false) // held until the backend has closed
    await settle()
    expect(backend.closed()).toBe(true)
    expect(app.hasQuit).toBe(true)
  })

  it('closing the last window quits on Linux and Windows', async () => {
    await boot({ platform: 'linux' })
    onlyWindow().close()
    await settle()
    expect(app.hasQuit).toBe(true)
  })

  it('on macOS the app stays running with no window, and activate re-creates it', async () => {
    await boot({ platform: 'darwin' })
    onlyWindow().close()
    await settle()
    expect(app.hasQuit).toBe(false)
    expect(BrowserWindow.getAllWindows()).toHaveLength(0)
    app.emit('activate', {}, false)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('activate with the window open does not create a second one', async () => {
    await boot({ platform: 'darwin' })
    app.emit('activate', {}, true)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })
})

const onlyWindowOf = (index: number): BrowserWindow => {
  const window = BrowserWindow.created[index]
  if (window === undefined) throw new Error(`No window #${index}`)
  return window
}
