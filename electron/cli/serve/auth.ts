import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { sessionCookieName } from '@shared/api/client'

/**
 * Two per-launch secrets. The token travels once, in the printed URL (terminal, shell history); the browser
 * trades it for the session secret in an HttpOnly cookie that page scripts cannot read.
 */
export interface Secrets {
  readonly token: string
  readonly session: string
}

const secret = (): string => randomBytes(32).toString('base64url')
export const createSecrets = (): Secrets => ({ token: secret(), session: secret() })

/** Constant-time: hash both sides first so neither the content nor the length of the secret leaks through timing. */
export const safeEqual = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest())

export const sessionCookie = (session: string, port: number): string =>
  `${sessionCookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`

/** Every value the Cookie header gives our cookie name (a hostile page on another port could add a second one). */
const cookieValues = (header: string | undefined, name: string): string[] => {
  if (header === undefined) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim())
  }
  return values
}

export const hasSession = (req: IncomingMessage, secrets: Secrets): boolean =>
  cookieValues(req.headers.cookie, sessionCookieName(req.socket.localPort ?? 0)).some((value) =>
    safeEqual(value, secrets.session),
  )

/**
 * DNS rebinding defence: a page from evil.example whose name now resolves to 127.0.0.1 still sends
 * `Host: evil.example`. Only the two names this server is reachable by, with its real port, are accepted.
 */
export const isAllowedHost = (req: IncomingMessage): boolean => {
  const host = req.headers.host?.toLowerCase()
  const port = req.socket.localPort
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** CSRF defence for requests that change things: browsers always send Origin on POST; tools (curl) may omit it. */
export const isAllowedOrigin = (req: IncomingMessage): boolean => {
  const origin = req.headers.origin
  if (origin === undefined) return true
  const port = req.socket.localPort
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}
