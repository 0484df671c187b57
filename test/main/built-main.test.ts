import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL } from '@shared/api/client'
import { BrowserWindow, app, dialog, fireReady, invokeIpc, resetElectronFake } from '../fakes/electron'
import { ROOT, waitFor } from './support/boot'

/**
 * The built main bundle (out/main/index.js) under the fake `electron` (vitest's alias also applies to files under
 * the root), starting the real built worker (out/main/worker.js) on a real SQLite file in a temp folder.
 * Proves the bundles load and work together: nothing here is mocked except Electron itself.
 */
const mainBundle = join(ROOT, 'out', 'main', 'index.js')
const rendererUrl = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href

describe('built main bundle + real worker', () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'credit-ledger-built-main-')), 'data', 'ledger.db')
  const savedEnv = process.env.CREDIT_LEDGER_DB

  beforeAll(async () => {
    for (const file of ['index.js', 'worker.js']) {
      const bundle = join(ROOT, 'out', 'main', file)
      if (!existsSync(bundle)) {
        throw new Error(`${bundle} is missing: run electron-vite build first (npm test builds before vitest)`)
      }
    }
    resetElectronFake()
    process.env.CREDIT_LEDGER_DB = dbPath
    await import(/* @vite-ignore */ pathToFileURL(mainBundle).href)
    fireReady()
    await waitFor(() => BrowserWindow.getAllWindows().length === 1 || app.hasQuit, 'the main window')
  })

  afterAll(async () => {
    if (savedEnv === undefined) delete process.env.CREDIT_LEDGER_DB
    else process.env.CREDIT_LEDGER_DB = savedEnv
    if (!app.hasQuit) {
      app.quit()
      await waitFor(() => app.hasQuit, 'the app to quit')
    }
  })

  it('opens the window on the built renderer without an error box', () => {
    expect(dialog.errors).toEqual([])
    const [window] = BrowserWindow.getAllWindows()
    expect(window?.loaded).toEqual([{ kind: 'file', target: join(ROOT, 'out', 'renderer', 'index.html') }])
    expect(window?.options.webPreferences).toMatchObject({ preload: join(ROOT, 'out', 'preload', 'index.cjs') })
  })

  it('adds and lists a vendor through IPC → worker → SQLite, and pushes ledger.changed to the window', async () => {
    const added = await invokeIpc(
      'ledger:vendors.add',
      { name: '  Anthropic  ', website: 'https://anthropic.com' },
      rendererUrl,
    )
    expect(added).toMatchObject({ ok: true, value: { name: 'Anthropic', website: 'https://anthropic.com' } })

    const listed = await invokeIpc('ledger:vendors.list', undefined, rendererUrl)
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Anthropic' }] })
    expect(existsSync(dbPath)).toBe(true)

    const [window] = BrowserWindow.getAllWindows()
    await waitFor(() => (window?.webContents.sent.length ?? 0) > 0, 'a push event')
    expect(window?.webContents.sent[0]).toMatchObject({
      channel: IPC_EVENT_CHANNEL,
      args: [{ name: 'ledger.changed', payload: { origin: 'local' } }],
    })
  })

  it('refuses the same call from a foreign frame', async () => {
    await expect(invokeIpc('ledger:vendors.list', undefined, 'https://evil.example/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('quits only after the worker has closed the database', async () => {
    app.quit()
    await waitFor(() => app.hasQuit, 'the app to quit')
    expect(await invokeIpc('ledger:vendors.list', undefined, rendererUrl)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})
