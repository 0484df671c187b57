import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { SECURITY_HEADERS, sendPage, sendText } from './respond'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export const contentType = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

const isInside = (root: string, file: string): boolean => file.startsWith(root.endsWith(sep) ? root : root + sep)

/**
 * The file under `root` that a URL path names, or undefined when it names nothing we serve. The URL parser has
 * already collapsed literal `..` and `%2e%2e` segments; this catches what decoding reveals (`..%2f`, `%5c` on
 * Windows), NUL bytes, and symlinks pointing out of the folder.
 */
export const resolveStaticFile = async (root: string, pathname: string): Promise<string | undefined> => {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const relative = decoded === '/' ? '/index.html' : decoded
  const candidate = resolve(root, `.${relative}`)
  if (!isInside(root, candidate)) return undefined
  try {
    const real = await realpath(candidate)
    const realRoot = await realpath(root)
    if (!isInside(realRoot, real) || !(await stat(real)).isFile()) return undefined
    return real
  } catch {
    return undefined
  }
}

/** GET/HEAD of the built renderer (out/renderer). Everything else about the request was checked before. */
export const serveStatic = async (
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
    return
  }
  const file = await resolveStaticFile(root, pathname)
  if (file === undefined) {
    if (pathname === '/') {
      sendPage(res, 404, 'Renderer not built', 'out/renderer/index.html is missing: run `npm run build`.')
    } else {
      sendText(res, 404, 'Not found')
    }
    return
  }
  const { size } = await stat(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    'Content-Length': size,
    // The page is per launch (token, session): never store it. Assets may be kept but are revalidated.
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // After the headers there is no way left to report a failure (usually the client going away): just end.
  await pipeline(createReadStream(file), res).catch(() => res.destroy())
}
