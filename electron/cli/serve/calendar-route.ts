import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BackendClient } from '../../backend/worker/backend-client'
import { send, sendText } from './respond'

/**
 * `GET /calendar.ics?feed=TOKEN` (issue 6 §8): the calendar feed a calendar app subscribes to. Calendar apps cannot
 * send serve's per-launch token or its cookie, so this one route is reached before that check, and the feed's own
 * token (created with `calendar.feeds.create`, revocable) is the lock. Read-only: GET and HEAD only, and the backend
 * answers with a query. An unknown, revoked or malformed token all get the same 404, so none can be told apart.
 */

export const CALENDAR_FEED_PATH = '/calendar.ics'

const NOT_FOUND_TEXT = 'No such calendar feed'

export const handleCalendarFeed = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: BackendClient,
): Promise<void> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed: the calendar feed is read-only', { Allow: 'GET, HEAD' })
    return
  }
  const token = url.searchParams.get('feed')
  if (token === null || token === '') {
    sendText(res, 404, NOT_FOUND_TEXT)
    return
  }
  const result = await backend.call('calendar.feed', { token })
  if (!result.ok) {
    // A damaged or too-new database is the server's problem, not the token's: say so without detail.
    const mine = result.error.code === 'NOT_FOUND' || result.error.code === 'VALIDATION'
    if (mine) sendText(res, 404, NOT_FOUND_TEXT)
    else sendText(res, 503, 'The calendar is unavailable; see the serve log')
    return
  }
  const { ics } = result.value as { ics: string }
  // send() adds Cache-Control: no-store: a shared cache must not keep a private calendar.
  send(res, 200, 'text/calendar; charset=utf-8', ics, {
    'Content-Disposition': 'inline; filename="credit-ledger.ics"',
  })
}
