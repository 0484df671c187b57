import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CalendarExport, CalendarFeedCreated, CalendarFeedView } from '@shared/api/types/calendar'
import { openConnection } from '../../electron/backend/db/connection'
import { readIcs } from './calendar-ics-reader'
import { fakeClock, openTestBackend, tempDir, value } from './helpers'

/**
 * Calendar feeds (issue 6 §8): a long-lived, revocable, read-only token per feed. Only its SHA-256 is stored; an
 * unknown and a revoked token are refused alike; feeds are not ledger changes, so undo never sees them.
 */

const START = Date.UTC(2028, 2, 1, 9)

const setup = async () => {
  const dbPath = join(tempDir(), 'ledger.db')
  const clock = fakeClock(START)
  const backend = await openTestBackend(dbPath, clock)
  const call = async <T>(method: string, input?: unknown): Promise<T> =>
    value(await backend.dispatch(method, input)) as T
  const rows = () => {
    const db = openConnection(dbPath)
    try {
      return db.prepare('SELECT * FROM calendar_feeds ORDER BY id').all() as Record<string, unknown>[]
    } finally {
      db.close()
    }
  }
  return { backend, clock, call, rows }
}

describe('calendar feeds', () => {
  it('answers a new token once and stores only its SHA-256', async () => {
    const { call, rows } = await setup()
    const feed = await call<CalendarFeedCreated>('calendar.feeds.create', { label: '  Phone ' })
    expect(feed).toEqual({
      id: 1,
      label: 'Phone',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      path: `/calendar.ics?feed=${feed.token}`,
    })
    expect(Buffer.from(feed.token, 'base64url')).toHaveLength(32)

    const stored = rows()
    expect(stored).toEqual([
      {
        id: 1,
        label: 'Phone',
        token_sha256: createHash('sha256').update(feed.token).digest('hex'),
        created_at: START,
        revoked_at: null,
        last_used_at: null,
      },
    ])
    expect(JSON.stringify(stored)).not.toContain(feed.token)

    const listed = await call<CalendarFeedView[]>('calendar.feeds.list')
    expect(listed).toEqual([
      { id: 1, label: 'Phone', createdAt: '2028-03-01T09:00:00.000Z', revokedAt: null, lastUsedAt: null },
    ])
    expect(JSON.stringify(listed)).not.toContain(feed.token)
    // Two feeds never share a token.
    const other = await call<CalendarFeedCreated>('calendar.feeds.create', { label: 'Laptop' })
    expect(other.token).not.toBe(feed.token)
  })

  it('serves the calendar for a live token, notes when, and refuses it once revoked like an unknown one', async () => {
    const { backend, call, clock, rows } = await setup()
    await call('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2028-02-29T10:00:00Z', amount: '50' }],
    })
    const feed = await call<CalendarFeedCreated>('calendar.feeds.create', { label: 'Phone' })

    clock.advance(60_000)
    const served = await call<CalendarExport>('calendar.feed', { token: feed.token })
    expect(served.events).toBe(1)
    expect(readIcs(served.ics).events[0]?.props.DTSTART).toBe('20290228T100000Z')
    expect(rows()[0]?.last_used_at).toBe(START + 60_000)
    expect((await call<CalendarFeedView[]>('calendar.feeds.list'))[0]?.lastUsedAt).toBe('2028-03-01T09:01:00.000Z')

    clock.advance(60_000)
    expect(await call<CalendarFeedView>('calendar.feeds.revoke', { id: feed.id })).toMatchObject({
      id: feed.id,
      revokedAt: '2028-03-01T09:02:00.000Z',
    })
    const revoked = await backend.dispatch('calendar.feed', { token: feed.token })
    const unknown = await backend.dispatch('calendar.feed', { token: 'x'.repeat(43) })
    expect(revoked).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(unknown).toEqual(revoked)
    // A refused token is not a use.
    expect(rows()[0]?.last_used_at).toBe(START + 60_000)

    // Revoking again keeps the first instant.
    clock.advance(60_000)
    expect((await call<CalendarFeedView>('calendar.feeds.revoke', { id: feed.id })).revokedAt).toBe(
      '2028-03-01T09:02:00.000Z',
    )
  })

  it('is no ledger change: creating and revoking feeds leaves the undo list as it was', async () => {
    const { backend, call } = await setup()
    await call('vendors.add', { name: 'OpenAI' })
    const before = await call<unknown[]>('history.list')
    const feed = await call<CalendarFeedCreated>('calendar.feeds.create', { label: 'Phone' })
    await call('calendar.feeds.revoke', { id: feed.id })
    expect(await call<unknown[]>('history.list')).toEqual(before)
    // Undo takes back the vendor, not the feed.
    await call('history.undo')
    expect(await call<unknown[]>('vendors.list')).toEqual([])
    expect(await call<CalendarFeedView[]>('calendar.feeds.list')).toMatchObject([{ id: feed.id }])
    expect(await backend.dispatch('calendar.feeds.revoke', { id: 99 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { id: expect.any(String) } },
    })
  })

  it('validates the label', async () => {
    const { backend } = await setup()
    for (const label of ['', '   ', 'x'.repeat(101)]) {
      expect(await backend.dispatch('calendar.feeds.create', { label })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { label: expect.any(String) } },
      })
    }
  })
})
