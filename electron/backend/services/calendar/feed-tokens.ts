import { createHash, randomBytes } from 'node:crypto'
import { ApiFailure } from '@shared/api/result'
import type { CalendarFeedCreated, CalendarFeedView } from '@shared/api/types/calendar'
import { isoInstant } from '@shared/time/iso-instant'
import { isBusyError } from '../../db/connection'
import { preparedFor } from '../../db/statements'
import type { ServiceContext } from '../context'
import { isoOrNull } from '../views/view-amounts'

/**
 * Calendar feed tokens (issue 6 §8, table calendar_feeds of migration 0005). A calendar app cannot send serve's
 * per-launch token, so each feed has its own: 32 random bytes, base64url, answered once at creation. Only its
 * SHA-256 is stored, so the database (a backup, an export) never holds a usable feed URL. A lookup is by that hash:
 * nothing compares secrets byte by byte, so there is no timing to guard. Revoking keeps the row, to list it.
 */

export const FEED_PATH = '/calendar.ics'

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

interface FeedRow {
  readonly id: number
  readonly label: string
  readonly created_at: number
  readonly revoked_at: number | null
  readonly last_used_at: number | null
}

const COLUMNS = 'id, label, created_at, revoked_at, last_used_at'

const view = (row: FeedRow): CalendarFeedView => ({
  id: row.id,
  label: row.label,
  createdAt: isoInstant(row.created_at),
  revokedAt: isoOrNull(row.revoked_at),
  lastUsedAt: isoOrNull(row.last_used_at),
})

export const listFeeds = (ctx: ServiceContext): CalendarFeedView[] =>
  (preparedFor(ctx.db)(`SELECT ${COLUMNS} FROM calendar_feeds ORDER BY id`).all() as FeedRow[]).map(view)

export const createFeed = (ctx: ServiceContext, label: string): CalendarFeedCreated => {
  const token = randomBytes(32).toString('base64url')
  const id = Number(
    preparedFor(ctx.db)('INSERT INTO calendar_feeds (label, token_sha256, created_at) VALUES (?, ?, ?)').run(
      label,
      hashOf(token),
      ctx.clock.now(),
    ).lastInsertRowid,
  )
  return { id, label, token, path: `${FEED_PATH}?feed=${token}` }
}

/** Revoke a feed; revoking it again keeps the first instant. NOT_FOUND on `id` when there is no such feed. */
export const revokeFeed = (ctx: ServiceContext, id: number): CalendarFeedView => {
  const prepare = preparedFor(ctx.db)
  prepare('UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(ctx.clock.now(), id)
  const row = prepare(`SELECT ${COLUMNS} FROM calendar_feeds WHERE id = ?`).get(id) as FeedRow | undefined
  if (row === undefined) {
    const message = `No calendar feed with id ${id}`
    throw new ApiFailure({ code: 'NOT_FOUND', message, fields: { id: message } })
  }
  return view(row)
}

/** The live feed a token opens; NOT_FOUND, saying the same for an unknown and a revoked token. */
export const feedOfToken = (ctx: ServiceContext, token: string): number => {
  const row = preparedFor(ctx.db)('SELECT id FROM calendar_feeds WHERE token_sha256 = ? AND revoked_at IS NULL').get(
    hashOf(token),
  ) as { id: number } | undefined
  if (row === undefined) {
    throw new ApiFailure({ code: 'NOT_FOUND', message: 'No such calendar feed (unknown or revoked)' })
  }
  return row.id
}

const isReadOnlyError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY')
}

/**
 * Note that a feed was fetched. Best effort and never a wait, like saving a checkpoint from a read: a calendar app's
 * poll must not queue behind another process's long write, and must not fail because of it. Not a batch: when a feed
 * was last read is no ledger fact and nothing to undo.
 */
export const touchFeed = (ctx: ServiceContext, id: number): void => {
  const { db } = ctx
  if (db.inTransaction || db.readonly) return
  const previous = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    preparedFor(db)('UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?').run(ctx.clock.now(), id)
  } catch (error) {
    if (!isBusyError(error) && !isReadOnlyError(error)) throw error
  } finally {
    db.pragma(`busy_timeout = ${String(previous)}`)
  }
}
