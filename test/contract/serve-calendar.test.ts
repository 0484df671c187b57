import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarFeedCreated, CalendarFeedView } from '@shared/api/types/calendar'
import { readIcs } from '../backend/calendar-ics-reader'
import { callApi, rawRequest, signIn, startServe, type ServeHandle } from '../e2e/serve-fixture'

/**
 * serve's calendar feed (issue 6 §8): GET /calendar.ics?feed=TOKEN answers without the per-launch token or cookie
 * (a calendar app has neither), read-only, never cached, and the same 404 for an unknown and a revoked token.
 */

const DAY_MS = 86_400_000

describe('serve: GET /calendar.ics?feed=TOKEN', () => {
  let serve: ServeHandle
  let cookie: string
  let feed: CalendarFeedCreated
  let lot: number
  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const { status, json } = await callApi(serve, cookie, method, input)
    expect(status, method).toBe(200)
    expect(json, method).toMatchObject({ ok: true })
    return (json as { value: T }).value
  }
  /** As a calendar app asks: no cookie, no Origin. */
  const fetchFeed = (path: string, method = 'GET') => rawRequest(serve.port, { method, path })

  beforeAll(async () => {
    serve = await startServe()
    cookie = await signIn(serve)
    // Bought a day ago (whole minutes), so it expires a year later, in the future whatever today is.
    const bought = new Date(Math.floor((Date.now() - DAY_MS) / 60_000) * 60_000)
    const applied = await call<{ lots: number[] }>('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: bought.toISOString(), amount: '50' }],
    })
    lot = applied.lots[0] ?? 0
    feed = await call<CalendarFeedCreated>('calendar.feeds.create', { label: 'Phone' })
  })
  afterAll(async () => {
    expect(await serve.stop()).toBe(0)
  })

  it('answers the calendar to a request without cookie or per-launch token, and notes the fetch', async () => {
    const res = await fetchFeed(feed.path)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['set-cookie']).toBeUndefined()
    const doc = readIcs(res.body)
    expect(doc.calendar['X-WR-CALNAME']).toBe('Credit Ledger')
    expect(doc.events).toHaveLength(1)
    expect(doc.events[0]?.props.UID).toMatch(new RegExp(`^expiry-L${lot}-\\d+@credit-ledger$`))
    expect(doc.events[0]?.props.SUMMARY).toBe('50.00 USD expire — OpenAI · OpenAI API (prepaid credits)')

    const head = await fetchFeed(feed.path, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const [listed] = await call<CalendarFeedView[]>('calendar.feeds.list')
    expect(listed?.lastUsedAt).not.toBeNull()
  })

  it('is read-only, and its token opens nothing else', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetchFeed(feed.path, method)
      expect(res.status, method).toBe(405)
      expect(res.headers.allow).toBe('GET, HEAD')
    }
    const api = await rawRequest(serve.port, {
      method: 'POST',
      path: `/api/calendar.feeds.list?feed=${feed.token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(api.status).toBe(401)
    expect((await fetchFeed(`/?feed=${feed.token}`)).status).toBe(401)
  })

  it('answers the same 404 for no token, an unknown one, the per-launch one, and a revoked one', async () => {
    const other = await call<CalendarFeedCreated>('calendar.feeds.create', { label: 'Laptop' })
    expect((await fetchFeed(other.path)).status).toBe(200)
    await call('calendar.feeds.revoke', { id: other.id })

    const refused = await Promise.all(
      [
        '/calendar.ics',
        '/calendar.ics?feed=',
        `/calendar.ics?feed=${'A'.repeat(43)}`,
        `/calendar.ics?feed=${'A'.repeat(5000)}`,
        `/calendar.ics?feed=${serve.token}`,
        other.path,
      ].map((path) => fetchFeed(path)),
    )
    for (const res of refused) {
      expect(res.status).toBe(404)
      expect(res.body).toBe('No such calendar feed\n')
      expect(res.headers['cache-control']).toBe('no-store')
    }
    // The other feed still works.
    expect((await fetchFeed(feed.path)).status).toBe(200)
  })
})
