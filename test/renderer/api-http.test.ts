import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Vendor } from '@shared/catalog/types'
import { api } from '../../renderer/src/lib/api'
import { FakeLedger } from './support/fake-ledger'

/** Just enough of EventSource to drive `api.on` in HTTP mode. */
class StubEventSource {
  static readonly instances: StubEventSource[] = []
  readonly listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>()
  closed = false
  constructor(readonly url: string) {
    StubEventSource.instances.push(this)
  }
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  fire(type: string, data?: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
  }
}

const vendor: Vendor = { id: 1, name: 'OpenAI', website: null, createdAt: '1970-01-01T00:00:00.000Z', accountCount: 0 }

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** The JSON body a stubbed fetch was given. */
const sentBody = (init: RequestInit | undefined): unknown =>
  JSON.parse(typeof init?.body === 'string' ? init.body : 'null')

const stubFetch = (answer: () => Promise<Response>) => {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(answer)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(window, 'ledger')
  StubEventSource.instances.length = 0
})

describe('lib/api over HTTP (no window.ledger)', () => {
  it('posts {input} to /api/<method> with same-origin credentials and returns the Result', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(json({ ok: true, value: vendor })))

    const result = await api.call('vendors.add', { name: 'OpenAI' })

    expect(result).toEqual({ ok: true, value: vendor })
    expect(fetchMock).toHaveBeenCalledOnce()
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/vendors.add')
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('same-origin')
    expect(sentBody(init)).toEqual({ input: { name: 'OpenAI' } })
  })

  it('omits input for methods without one and passes an error Result through', async () => {
    const error = { code: 'DB_CORRUPT', message: 'malformed', details: { latestBackup: { takenAt: 1 } } }
    const fetchMock = stubFetch(() => Promise.resolve(json({ ok: false, error })))
    expect(await api.call('vendors.list', undefined)).toEqual({ ok: false, error })
    expect(sentBody(fetchMock.mock.calls[0]?.[1])).toEqual({})
  })

  it('turns an HTTP 500 into an INTERNAL Result', async () => {
    stubFetch(() => Promise.resolve(new Response('boom', { status: 500, statusText: 'Internal Server Error' })))
    const result = await api.call('vendors.list', undefined)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INTERNAL')
    expect(result.error.message).toContain('HTTP 500')
  })

  it('explains an expired session (401/403)', async () => {
    stubFetch(() => Promise.resolve(new Response('', { status: 403 })))
    const result = await api.call('vendors.list', undefined)
    expect(!result.ok && result.error.code).toBe('INTERNAL')
    expect(!result.ok && result.error.message).toContain('credit-ledger serve')
  })

  it('turns a network failure into an INTERNAL Result instead of throwing', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    const result = await api.call('units.list', undefined)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Could not reach the Credit Ledger service: Failed to fetch',
        details: { method: 'units.list' },
      },
    })
  })

  it('refuses an answer that is not a Result', async () => {
    stubFetch(() => Promise.resolve(json({ vendors: [] })))
    const result = await api.call('vendors.list', undefined)
    expect(!result.ok && result.error.code).toBe('INTERNAL')
  })

  it('listens to /events, parses JSON data and refreshes after a reconnect', () => {
    vi.stubGlobal('EventSource', StubEventSource)
    const received: unknown[] = []
    const stop = api.on('ledger.changed', (payload) => {
      received.push(payload)
    })
    const source = StubEventSource.instances[0]
    expect(source?.url).toBe('/events')

    source?.fire('ledger.changed', JSON.stringify({ origin: 'external', method: 'vendors.add' }))
    source?.fire('ledger.changed', 'not json')
    source?.fire('error')
    source?.fire('open')
    expect(received).toEqual([{ origin: 'external', method: 'vendors.add' }, { origin: 'external' }])

    stop()
    expect(source?.closed).toBe(true)
  })
})

describe('lib/api over the Electron bridge', () => {
  it('calls window.ledger when present', async () => {
    const fetchMock = stubFetch(() => Promise.reject(new Error('must not fetch')))
    const fake = new FakeLedger()
    Reflect.set(window, 'ledger', fake.api)
    const result = await api.call('vendors.add', { name: 'Cursor' })
    expect(result.ok && result.value.name).toBe('Cursor')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('turns a rejected IPC call into an INTERNAL Result', async () => {
    const fake = new FakeLedger()
    Reflect.set(window, 'ledger', { ...fake.api, 'vendors.list': () => Promise.reject(new Error('IPC closed')) })
    const result = await api.call('vendors.list', undefined)
    expect(!result.ok && result.error).toEqual({
      code: 'INTERNAL',
      message: 'The call to vendors.list failed: IPC closed',
      details: { method: 'vendors.list' },
    })
  })
})
