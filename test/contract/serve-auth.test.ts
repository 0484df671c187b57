import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionCookieName } from '@shared/api/client'
import { rawRequest, signIn, startServe, type ServeHandle } from '../e2e/serve-fixture'

// DESIGN §7: loopback only, a per-launch token traded for an HttpOnly SameSite=Strict cookie, Host and Origin checked.
describe('serve: authentication and request origin', () => {
  let serve: ServeHandle
  let cookie: string

  beforeAll(async () => {
    serve = await startServe()
    cookie = await signIn(serve)
  })
  afterAll(async () => {
    expect(await serve.stop()).toBe(0)
  })

  it('prints exactly one line on stdout, the Serving URL with a 32-byte base64url token', () => {
    expect(serve.stdout()).toBe(`Serving ${serve.url}\n`)
    expect(Buffer.from(serve.token, 'base64url')).toHaveLength(32)
  })

  it('answers 401 without a token or cookie, and says what to open', async () => {
    for (const path of ['/', '/index.html', '/events']) {
      const res = await rawRequest(serve.port, { path })
      expect(res.status, path).toBe(401)
      expect(res.body).toContain('serve')
    }
    const api = await rawRequest(serve.port, { method: 'POST', path: '/api/vendors.list' })
    expect(api.status).toBe(401)
  })

  it('answers 401 to a wrong token and sets no cookie', async () => {
    const res = await rawRequest(serve.port, { path: `/?token=${'A'.repeat(43)}` })
    expect(res.status).toBe(401)
    expect(res.headers['set-cookie']).toBeUndefined()
    expect((await rawRequest(serve.port, { path: '/?token=' })).status).toBe(401)
  })

  it('trades the right token for an HttpOnly, SameSite=Strict session cookie and drops the token from the URL', async () => {
    const res = await rawRequest(serve.port, { path: `/?token=${serve.token}` })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    const [setCookie] = res.headers['set-cookie'] ?? []
    expect(setCookie).toMatch(new RegExp(`^${sessionCookieName(serve.port)}=[A-Za-z0-9_-]{43};`))
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).toContain('Path=/')
    // The cookie is not the token: the token in a terminal or shell history is not the session itself.
    expect(setCookie).not.toContain(serve.token)
  })

  it('lets the session cookie in, and only the exact one', async () => {
    expect((await rawRequest(serve.port, { path: '/', headers: { Cookie: cookie } })).status).toBe(200)
    const forged = `${sessionCookieName(serve.port)}=${'B'.repeat(43)}`
    expect((await rawRequest(serve.port, { path: '/', headers: { Cookie: forged } })).status).toBe(401)
    // A second, wrong cookie of the same name (set by another local page) does not lock the user out.
    expect((await rawRequest(serve.port, { path: '/', headers: { Cookie: `${forged}; ${cookie}` } })).status).toBe(200)
    // The session of a serve on another port (same browser, cookies ignore ports) is not this one's.
    const otherPort = cookie.replace(sessionCookieName(serve.port), sessionCookieName(serve.port + 1))
    expect((await rawRequest(serve.port, { path: '/', headers: { Cookie: otherPort } })).status).toBe(401)
  })

  it('rejects a Host that is not 127.0.0.1 or localhost with this port (DNS rebinding)', async () => {
    const hosts = [
      'evil.example',
      `evil.example:${serve.port}`,
      '127.0.0.1',
      `127.0.0.1:${serve.port + 1}`,
      `0.0.0.0:${serve.port}`,
    ]
    for (const host of hosts) {
      const res = await rawRequest(serve.port, {
        path: `/?token=${serve.token}`,
        headers: { Host: host, Cookie: cookie },
      })
      expect(res.status, host).toBe(421)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    expect(
      (await rawRequest(serve.port, { headers: { Host: `localhost:${serve.port}`, Cookie: cookie } })).status,
    ).toBe(200)
  })

  it('refuses a POST from a foreign Origin even with a valid cookie (CSRF)', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${serve.port + 1}`,
      'null',
      `https://127.0.0.1:${serve.port}`,
    ]) {
      const res = await rawRequest(serve.port, {
        method: 'POST',
        path: '/api/vendors.add',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: { name: 'Injected' } }),
      })
      expect(res.status, origin).toBe(403)
    }
    const same = await rawRequest(serve.port, {
      method: 'POST',
      path: '/api/vendors.list',
      headers: { Cookie: cookie, Origin: `http://localhost:${serve.port}` },
    })
    expect(same.status).toBe(200)
    const list = JSON.parse(same.body) as { ok: boolean; value: unknown[] }
    expect(list).toEqual({ ok: true, value: [] })
  })

  it('listens on 127.0.0.1 only', async () => {
    // The server is bound to the loopback address, so the machine's other addresses refuse the connection.
    const { networkInterfaces } = await import('node:os')
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    if (external === undefined) return
    const { connect } = await import('node:net')
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: external.address, port: serve.port })
      socket.on('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.on('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  })
})
