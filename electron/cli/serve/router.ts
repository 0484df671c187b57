import type { IncomingMessage, ServerResponse } from 'node:http'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '@shared/api/client'
import type { BackendClient } from '../../backend/worker/backend-client'
import { handleApiCall } from './api-route'
import { CALENDAR_FEED_PATH, handleCalendarFeed } from './calendar-route'
import { hasSession, isAllowedHost, isAllowedOrigin, safeEqual, sessionCookie, type Secrets } from './auth'
import type { EventStreams } from './events-stream'
import { NO_STORE, SECURITY_HEADERS, sendPage, sendText } from './respond'
import { serveStatic } from './static-files'

export interface RouterDeps {
  readonly secrets: Secrets
  readonly backend: BackendClient
  readonly events: EventStreams
  readonly rendererDir: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD'])
const SIGN_IN_HINT = 'Open the URL that `credit-ledger serve` printed (it ends with ?token=…) in this browser.'

/** The path and query of a request target; only origin-form targets ("/…") are accepted. */
const parseTarget = (target: string | undefined): URL | undefined => {
  if (target === undefined || !target.startsWith('/')) return undefined
  try {
    // Concatenate rather than pass a base: `new URL('//evil/x', base)` would read "evil" as a host.
    return new URL(`http://127.0.0.1${target}`)
  } catch {
    return undefined
  }
}

const unauthorized = (req: IncomingMessage, res: ServerResponse): void => {
  if (req.headers.accept?.includes('text/html') === true) sendPage(res, 401, 'Not signed in', SIGN_IN_HINT)
  else sendText(res, 401, `Not signed in. ${SIGN_IN_HINT}`)
}

/**
 * Order matters: Host (DNS rebinding) and Origin (CSRF) are refused before anything else, the token exchange
 * and the calendar feed (which carries its own revocable token) are the only ways in without the cookie, and only then are the API, the event stream and the files reachable.
 */
export const createRouter =
  (deps: RouterDeps) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req)) {
      sendText(res, 421, 'Misdirected request: this server answers only to 127.0.0.1 and localhost')
      return
    }
    const method = req.method ?? 'GET'
    if (!SAFE_METHODS.has(method) && !isAllowedOrigin(req)) {
      sendText(res, 403, 'Forbidden: cross-origin request')
      return
    }
    const url = parseTarget(req.url)
    if (url === undefined) {
      sendText(res, 400, 'Bad request target')
      return
    }

    // Calendar apps cannot send the per-launch token: the feed carries its own (calendar-route.ts).
    if (url.pathname === CALENDAR_FEED_PATH) {
      await handleCalendarFeed(req, res, url, deps.backend)
      return
    }

    const token = url.searchParams.get('token')
    if (url.pathname === '/' && token !== null && SAFE_METHODS.has(method)) {
      if (!safeEqual(token, deps.secrets.token)) {
        sendPage(res, 401, 'Wrong or expired token', `The token is valid for one run of serve only. ${SIGN_IN_HINT}`)
        return
      }
      // 303 to a token-free URL: the token leaves the address bar and history; the cookie carries the session.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        ...NO_STORE,
        'Set-Cookie': sessionCookie(deps.secrets.session, req.socket.localPort ?? 0),
        Location: '/',
        'Content-Length': 0,
      })
      res.end()
      return
    }

    if (!hasSession(req, deps.secrets)) {
      unauthorized(req, res)
      return
    }

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      await handleApiCall(req, res, url.pathname.slice(HTTP_API_PREFIX.length), deps.backend)
      return
    }
    if (url.pathname === HTTP_EVENTS_PATH) {
      if (method !== 'GET') sendText(res, 405, 'Method not allowed', { Allow: 'GET' })
      else deps.events.open(req, res)
      return
    }
    await serveStatic(req, res, deps.rendererDir, url.pathname)
  }
