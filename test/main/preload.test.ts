import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL, type LedgerWindowApi } from '@shared/api/client'
import { METHOD_NAMES } from '@shared/api/contract'
import { contextBridge, ipcRenderer } from '../fakes/electron'
import { ROOT } from './support/boot'

/** The preload source, run under the fake: what the renderer gets as window.ledger. */
describe('preload: window.ledger', () => {
  let ledger: LedgerWindowApi
  let exposedKeys: string[]

  beforeAll(async () => {
    await import('../../electron/preload/index')
    exposedKeys = [...contextBridge.exposed.keys()]
    const exposed = contextBridge.exposed.get('ledger')
    if (!isLedgerApi(exposed)) throw new Error('the preload did not expose window.ledger')
    ledger = exposed
  })

  it('exposes only `ledger`: one function per contract method plus `on`, nothing else (no raw ipcRenderer)', () => {
    expect(exposedKeys).toEqual(['ledger'])
    expect(Object.keys(ledger).sort()).toEqual([...METHOD_NAMES, 'on'].sort())
    expect(Object.values(ledger).every((value) => typeof value === 'function')).toBe(true)
  })

  it('each method invokes ledger:<method> with the input and returns the main process’s answer', async () => {
    const answer = { ok: true, value: [{ id: 1, name: 'OpenAI' }] }
    ipcRenderer.invoke.mockResolvedValueOnce(answer)
    await expect(ledger['vendors.list'](undefined)).resolves.toEqual(answer)
    await ledger['vendors.add']({ name: 'Anthropic' })
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['ledger:vendors.list', undefined],
      ['ledger:vendors.add', { name: 'Anthropic' }],
    ])
  })

  it('on(name) delivers only that event’s payload, without the Electron event, until unsubscribed', () => {
    const received: unknown[] = []
    const unsubscribe = ledger.on('ledger.changed', (payload) => received.push(payload))
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { name: 'ledger.changed', payload: { origin: 'external' } })
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { name: 'something.else', payload: { origin: 'local' } })
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'junk')
    ipcRenderer.deliver('another-channel', { name: 'ledger.changed', payload: { origin: 'local' } })
    unsubscribe()
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { name: 'ledger.changed', payload: { origin: 'local' } })
    expect(received).toEqual([{ origin: 'external' }])
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0)
  })
})

/** The built preload, as Electron's sandbox loads it. */
describe('preload bundle (out/preload/index.cjs)', () => {
  const bundle = join(ROOT, 'out', 'preload', 'index.cjs')

  it('requires nothing but electron (a sandboxed preload cannot load anything else) and bundles no zod', () => {
    if (!existsSync(bundle))
      throw new Error(`${bundle} is missing: run electron-vite build first (npm test builds before vitest)`)
    const code = readFileSync(bundle, 'utf8')
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/\bimport\s*[{(*"']/)
    expect(code).not.toMatch(/ZodError|\$ZodType|safeParse/)
    expect(code).toContain('exposeInMainWorld')
  })
})

const isLedgerApi = (value: unknown): value is LedgerWindowApi =>
  typeof value === 'object' && value !== null && 'on' in value && typeof value.on === 'function'
