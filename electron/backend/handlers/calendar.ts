import type { calendarMethods } from '@shared/api/methods/calendar'
import { exportCalendar, feedCalendar } from '../services/calendar/calendar-service'
import { createFeed, listFeeds, revokeFeed } from '../services/calendar/feed-tokens'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/calendar.ts. */
export const calendarHandlers = {
  'calendar.export': (input, ctx) => exportCalendar(ctx.services(), input?.accountId),
  'calendar.feeds.list': (_input, ctx) => listFeeds(ctx.services()),
  'calendar.feeds.create': (input, ctx) => createFeed(ctx.services(), input.label),
  'calendar.feeds.revoke': (input, ctx) => revokeFeed(ctx.services(), input.id),
  'calendar.feed': (input, ctx) => feedCalendar(ctx.services(), input.token),
} as const satisfies Pick<Handlers, keyof typeof calendarMethods>
