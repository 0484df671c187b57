import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { mutation, query, type MethodSpec } from '../define'
import type { CalendarExport, CalendarFeedCreated, CalendarFeedView } from '../types/calendar'

/**
 * Calendar (issue 6 §8): expiries and renewals as an iCalendar document, and read-only feed URLs for calendar apps,
 * which cannot send serve's per-launch token. A feed has its own long-lived token, revocable, stored only hashed.
 * Feed tokens are not ledger facts: creating or revoking one is no undoable batch (`false`), like a backup.
 */

const label = z
  .string({ error: 'Label is required' })
  .trim()
  .min(1, 'Label is required')
  .max(100, 'Label must be at most 100 characters')

/** Lenient on purpose: a malformed token is answered like an unknown one (NOT_FOUND), never described. */
const token = z.string({ error: 'Token is required' }).min(1, 'Token is required').max(200, 'Unknown feed')

export const calendarMethods = {
  'calendar.export': query<CalendarExport>()(
    z.strictObject({ accountId: id.optional() }).optional(),
    'Expiries of live credits and renewals of paid plans (the next year) as an iCalendar (.ics) document',
  ),
  'calendar.feeds.list': query<readonly CalendarFeedView[]>()(
    z.strictObject({}).optional(),
    'Calendar feeds, oldest first, with when each was revoked and last fetched (never their tokens)',
  ),
  'calendar.feeds.create': mutation<CalendarFeedCreated>()(
    z.strictObject({ label }),
    'Create a read-only calendar feed; its token is answered this once',
    false,
  ),
  'calendar.feeds.revoke': mutation<CalendarFeedView>()(
    z.strictObject({ id }),
    'Revoke a calendar feed: its URL answers 404 from now on',
    false,
  ),
  // A query: it reads the ledger and changes nothing in it. Fetching notes last_used_at best-effort outside any
  // batch, as a read saves a checkpoint (see services/calendar/feed-tokens.ts).
  'calendar.feed': query<CalendarExport>()(
    z.strictObject({ token }),
    'The calendar of a feed token (what serve answers on /calendar.ics); NOT_FOUND when unknown or revoked',
  ),
} as const satisfies Record<string, MethodSpec>
