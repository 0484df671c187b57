import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@shared/api/result'
import { handleIpcCall, type IpcDependencies } from '../../electron/main/ipc-handlers'
import { chooseImportFile } from '../../electron/main/import-dialog'
import { dialog, resetElectronFake } from '../fakes/electron'
import { fakeBackend, rendererCalls } from './support/boot'

/** imports.chooseFile in the desktop app: the dialog runs in main and the renderer gets an opaque id, never a path. */

describe('import file dialog', () => {
  let dir: string
  beforeEach(() => {
    resetElectronFake()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-dialog-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const dependencies = (backend = fakeBackend()): IpcDependencies => ({
    isTrusted: () => true,
    backend: () => Promise.resolve(backend),
    hostMethods: { 'imports.chooseFile': (client) => chooseImportFile(undefined, client) },
  })

  it('registers the chosen file with the backend and answers its id, name and size', async () => {
    const file = join(dir, 'cost_2026-09.csv')
    writeFileSync(file, 'a,b\n1,2\n')
    dialog.nextOpen = { canceled: false, filePaths: [file] }
    const backend = fakeBackend()
    const result = await handleIpcCall('imports.chooseFile', 'app://x', undefined, dependencies(backend))
    expect(result).toEqual(ok({ fileId: `file:${file}`, name: 'cost_2026-09.csv', bytes: 8 }))
    // main answered it: nothing went to the backend as a contract call
    expect(rendererCalls(backend)).toEqual([])
    expect(dialog.openOptions[0]).toMatchObject({ properties: ['openFile'] })
  })

  it('answers null when the dialog is cancelled', async () => {
    const result = await handleIpcCall('imports.chooseFile', 'app://x', undefined, dependencies())
    expect(result).toEqual(ok(null))
  })

  it('refuses an untrusted frame before showing any dialog', async () => {
    const result = await handleIpcCall('imports.chooseFile', 'https://evil.example', undefined, {
      ...dependencies(),
      isTrusted: () => false,
    })
    expect(result.ok).toBe(false)
    expect(dialog.openOptions).toEqual([])
  })
})
