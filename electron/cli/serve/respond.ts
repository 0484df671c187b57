import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/**
 * The same policy as the renderer's <meta> CSP (and Electron's): the page may load and talk only to this origin.
 * Sent as a header too, because `frame-ancestors` is ignored in a <meta>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** On every response, errors included. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The first URL carries the token: never let it leak in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const satisfies OutgoingHttpHeaders

export const NO_STORE = { 'Cache-Control': 'no-store' } as const satisfies OutgoingHttpHeaders

export const send = (
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: OutgoingHttpHeaders = {},
): void => {
  const bytes = Buffer.from(body, 'utf8')
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...NO_STORE,
    'Content-Type': contentType,
    'Content-Length': bytes.length,
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : bytes)
}

export const sendText = (res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void =>
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`, headers)

export const sendJson = (
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers)

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** A tiny self-contained page (no script, no style: the CSP forbids inline ones) for errors a person will see. */
export const sendPage = (res: ServerResponse, status: number, title: string, message: string): void =>
  send(
    res,
    status,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<link rel="icon" href="data:,"></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`,
  )
