import { get, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, rawRequest, signIn, startServe, type ServeHandle } from '../e2e/serve-fixture'

/** An open `/events` stream that collects frames until closed. */
const openEvents = (serve: ServeHandle, cookie: string) =>
  new Promise<{ res: IncomingMessage; text: () => string; close: () => void }>((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port: serve.port,
        path: '/events',
        headers: { Cookie: cookie, Accept: 'text/event-stream' },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('error', () => undefined) // closing our end aborts the response; that is expected
        const ready = () =>
          text.includes(': connected')
            ? resolve({ res, text: () => text, close: () => req.destroy() })
            : setTimeout(ready, 10)
        ready()
      },
    )
    req.on('error', reject)
  })

const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 5_000) => {
  const end = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('serve: the HTTP API and its push events', () => {
  let serve: ServeHandle
  let cookie: string
  const post = (path: string, body?: string | Buffer, headers: Record<string, string> = {}) =>
    rawRequest(serve.port, { method: 'POST', path, body, headers: { Cookie: cookie, ...headers } })

  beforeAll(async () => {
    serve = await startServe()
    cookie = await signIn(serve)
  })
  afterAll(async () => {
    expect(await serve.stop()).toBe(0)
  })

  it('answers a valid call with the backend’s Result, never cached', async () => {
    const res = await post('/api/vendors.list', '{}')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] })

    const added = await callApi(serve, cookie, 'vendors.add', { name: '  Anthropic  ' })
    expect(added).toMatchObject({ status: 200, json: { ok: true, value: { name: 'Anthropic' } } })
    const list = await callApi(serve, cookie, 'vendors.list')
    expect(list.json).toMatchObject({ ok: true, value: [{ name: 'Anthropic' }] })
  })

  it('answers junk input with VALIDATION and a message per field, and changes nothing', async () => {
    const { status, json } = await callApi(serve, cookie, 'vendors.add', { name: '', website: 'ftp://x', extra: 1 })
    expect(status).toBe(200)
    expect(json).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { name: expect.stringContaining('required'), website: expect.stringContaining('https://') },
      },
    })
    const wrongType = await callApi(serve, cookie, 'vendors.rename', { id: 'one', name: 7 })
    expect(wrongType.json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { id: expect.any(String), name: expect.any(String) } },
    })
    expect((await callApi(serve, cookie, 'vendors.list')).json).toMatchObject({ value: [{ name: 'Anthropic' }] })
  })

  it('answers a body that is not JSON, or not an object, with 400 VALIDATION', async () => {
    for (const body of ['{', 'null', '[1]', '"input"', '\u0000']) {
      const res = await post('/api/vendors.list', body)
      expect(res.status, body).toBe(400)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('rejects an unknown method with 404 VALIDATION, and a GET of a method with 405', async () => {
    for (const path of ['/api/nope.nothing', '/api/', '/api/__proto__', '/api/constructor', '/api/vendors.list/x']) {
      const res = await post(path, '{}')
      expect(res.status, path).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    const get405 = await rawRequest(serve.port, { path: '/api/vendors.list', headers: { Cookie: cookie } })
    expect(get405.status).toBe(405)
    expect(get405.headers.allow).toBe('POST')
  })

  it('refuses a body over 10 MB with 413: declared, chunked, or announced with Expect: 100-continue', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)
    expect((await post('/api/vendors.list', big)).status).toBe(413)
    expect((await post('/api/vendors.list', big, { 'Transfer-Encoding': 'chunked' })).status).toBe(413)
    const announced = await post('/api/vendors.list', undefined, {
      'Content-Length': String(big.length),
      Expect: '100-continue',
    })
    expect(announced.status).toBe(413)
    // The server still answers normally afterwards.
    expect((await post('/api/vendors.list', '{}')).status).toBe(200)
  })

  it('pushes ledger.changed over Server-Sent Events to every open stream after a mutation', async () => {
    const first = await openEvents(serve, cookie)
    const second = await openEvents(serve, cookie)
    try {
      expect(first.res.statusCode).toBe(200)
      expect(first.res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
      expect(first.res.headers['cache-control']).toBe('no-cache')

      await callApi(serve, cookie, 'vendors.add', { name: 'OpenAI' })
      for (const stream of [first, second]) {
        await waitFor(() => stream.text().includes('event: ledger.changed\n'), 'ledger.changed')
        const frame = /event: ledger\.changed\ndata: (.*)\n\n/.exec(stream.text())
        expect(JSON.parse(frame?.[1] ?? 'null')).toMatchObject({ origin: 'local' })
      }
      // A query changes nothing, so it pushes nothing.
      const before = first.text()
      await callApi(serve, cookie, 'vendors.list')
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(first.text()).toBe(before)
    } finally {
      first.close()
      second.close()
    }
  })
})
