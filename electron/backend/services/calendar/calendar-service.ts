import type { CalendarExport } from '@shared/api/types/calendar'
import type { ServiceContext } from '../context'
import { calendarEntries } from './calendar-entries'
import { feedOfToken, touchFeed } from './feed-tokens'
import { buildIcs } from './ics'

/** calendar.export and calendar.feed: the same document, for some accounts or (a feed) all of them. */

export const exportCalendar = (ctx: ServiceContext, accountId?: number): CalendarExport => {
  const entries = calendarEntries(ctx, { accountId })
  return { ics: buildIcs(entries, ctx.clock.now()), events: entries.length }
}

/** A feed covers every account. The token is checked before the ledger is read: an unknown one learns nothing. */
export const feedCalendar = (ctx: ServiceContext, token: string): CalendarExport => {
  const id = feedOfToken(ctx, token)
  const calendar = exportCalendar(ctx)
  touchFeed(ctx, id)
  return calendar
}
