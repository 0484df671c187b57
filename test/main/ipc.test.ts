import { beforeEach, describe, expect, it } from 'vitest'
import { ipcChannel } from '@shared/api/client'
import { METHOD_NAMES } from '@shared/api/contract'
import { fail, ok } from '@shared/api/result'
import { invokeIpc, ipcMain } from '../fakes/electron'
import { boot, fakeBackend, RENDERER_URL, rendererCalls, type FakeBackend } from './support/boot'

const vendorsAdd = ipcChannel('vendors.add')

describe('IPC handlers', () => {
  let backend: FakeBackend

  beforeEach(async () => {
    backend = (await boot()).backend
  })

  it('registers exactly one handler per contract method, on ledger:<method>', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((method) => `ledger:${method}`).sort())
  })

  it('forwards a valid call to the backend with the original payload and returns its Result', async () => {
    const payload = { name: '  Anthropic ', website: 'https://anthropic.com' }
    const result = await invokeIpc(vendorsAdd, payload, RENDERER_URL)
    expect(result).toEqual(ok({ method: 'vendors.add', input: payload }))
    expect(rendererCalls(backend)).toEqual([{ method: 'vendors.add', input: payload }])
  })

  it('accepts calls from a #route of the renderer', async () => {
    const result = await invokeIpc(ipcChannel('vendors.list'), undefined, `${RENDERER_URL}#/vendors`)
    expect(result).toMatchObject({ ok: true })
  })

  it('answers junk with a VALIDATION Result naming each bad field, without reaching the backend', async () => {
    const result = await invokeIpc(vendorsAdd, { name: '', website: 'http://insecure.example', extra: 1 }, RENDERER_URL)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { name: 'Name is required', website: 'Website must start with https://' },
      },
    })
    expect(rendererCalls(backend)).toEqual([])
  })

  it.each([
    ['a string', 'vendors'],
    ['an array', [1, 2]],
    ['null', null],
    ['a number id', { id: 'seven' }],
  ])('rejects %s as VALIDATION', async (_case, payload) => {
    const result = await invokeIpc(ipcChannel('vendors.remove'), payload, RENDERER_URL)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(rendererCalls(backend)).toEqual([])
  })

  it.each([
    ['a web page', 'https://evil.example/'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a frame that is gone', null],
  ])('refuses a call from %s, even with a valid payload', async (_case, frameUrl) => {
    const result = await invokeIpc(vendorsAdd, { name: 'OpenAI' }, frameUrl)
    expect(result).toEqual(fail('VALIDATION', 'Refused a call from an untrusted frame'))
    expect(rendererCalls(backend)).toEqual([])
  })

  it('passes the backend’s own failure Results through unchanged', async () => {
    const conflict = fail('CONFLICT', 'A vendor named OpenAI already exists', { fields: { name: 'Already exists' } })
    await boot({ startWorker: () => Promise.resolve(fakeBackend(() => Promise.resolve(conflict))) })
    expect(await invokeIpc(vendorsAdd, { name: 'OpenAI' }, RENDERER_URL)).toEqual(conflict)
  })

  it('turns a thrown error into an INTERNAL Result instead of a rejected invoke', async () => {
    await boot({ startWorker: () => Promise.resolve(fakeBackend(() => Promise.reject(new Error('worker exploded')))) })
    const result = await invokeIpc(vendorsAdd, { name: 'OpenAI' }, RENDERER_URL)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('worker exploded') },
    })
  })
})

describe('IPC in development', () => {
  it('trusts the electron-vite dev server origin only when not packaged', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    await boot({ env })
    expect(await invokeIpc(ipcChannel('units.list'), undefined, 'http://localhost:5173/#/units')).toMatchObject({
      ok: true,
    })

    await boot({ env, isPackaged: true })
    expect(await invokeIpc(ipcChannel('units.list'), undefined, 'http://localhost:5173/')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
