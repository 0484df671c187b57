import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, rawRequest, signIn, startServe, type ServeHandle } from '../e2e/serve-fixture'

const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html')
const normalizeCsp = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter((directive) => directive.length > 0)
    .sort()

describe('serve: the built renderer as static files', () => {
  let serve: ServeHandle
  let cookie: string
  const getPath = (path: string) => rawRequest(serve.port, { path, headers: { Cookie: cookie } })

  beforeAll(async () => {
    serve = await startServe()
    cookie = await signIn(serve)
  })
  afterAll(async () => {
    expect(await serve.stop()).toBe(0)
  })

  it('serves index.html at / with the security headers', async () => {
    const res = await getPath('/')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toBe(readFileSync(RENDERER_INDEX, 'utf8'))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(normalizeCsp(String(res.headers['content-security-policy']))).toEqual(
      normalizeCsp(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      ),
    )
  })

  it('sends the same CSP as the renderer’s own <meta> (frame-ancestors aside: it only works as a header)', async () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(
      readFileSync(RENDERER_INDEX, 'utf8'),
    )
    expect(meta, 'renderer/index.html should carry a CSP <meta>').not.toBeNull()
    const header = String((await getPath('/')).headers['content-security-policy'])
    const withoutFrameAncestors = (policy: string) =>
      normalizeCsp(policy).filter((directive) => !directive.startsWith('frame-ancestors'))
    expect(withoutFrameAncestors(header)).toEqual(withoutFrameAncestors(meta?.[1] ?? ''))
  })

  it('serves the built assets with their content types', async () => {
    const html = readFileSync(RENDERER_INDEX, 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\.?(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '')
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      expect(existsSync(join(ROOT, 'out', 'renderer', asset))).toBe(true)
      const res = await getPath(asset)
      expect(res.status, asset).toBe(200)
      const expected = asset.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : asset.endsWith('.css')
          ? 'text/css; charset=utf-8'
          : undefined
      if (expected !== undefined) expect(res.headers['content-type'], asset).toBe(expected)
    }
  })

  it('answers 404 to any path that would leave out/renderer, literal or encoded', async () => {
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2F..%2Fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/%252e%252e/package.json',
      '/.%2e/package.json',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/package.json',
      '/assets',
      '/does-not-exist.js',
    ]
    for (const path of attempts) {
      const res = await getPath(path)
      expect(res.status, path).toBe(404)
      expect(res.body, path).not.toContain('"devDependencies"')
    }
  })

  it('refuses a request target that is not a plain path', async () => {
    expect((await getPath('//evil.example/x')).status).toBe(404)
    expect((await getPath('http://127.0.0.1/index.html')).status).toBe(400)
    expect((await rawRequest(serve.port, { method: 'DELETE', path: '/', headers: { Cookie: cookie } })).status).toBe(
      405,
    )
  })
})
