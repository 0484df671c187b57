import type { viewMethods } from '@shared/api/methods/views'
import { balances } from '../services/views/balances'
import { buckets } from '../services/views/buckets'
import { expiring } from '../services/views/expiring'
import { forecasts } from '../services/views/forecast'
import { lotHistory } from '../services/views/lot-history'
import { notices } from '../services/views/notices'
import { spendReport } from '../services/views/spend-report'
import { subscriptions } from '../services/views/subscriptions'
import { timeline } from '../services/views/timeline'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/views.ts. */
export const viewHandlers = {
  'ledger.balances': (input, ctx) => balances(ctx.services(), input),
  'ledger.buckets': (input, ctx) => buckets(ctx.services(), input),
  'ledger.timeline': (input, ctx) => timeline(ctx.services(), input),
  'ledger.expiring': (input, ctx) => expiring(ctx.services(), input),
  'ledger.forecast': (input, ctx) => forecasts(ctx.services(), input),
  'lots.history': (input, ctx) => lotHistory(ctx.services(), input),
  'ledger.notices': (input, ctx) => notices(ctx.services(), input),
  'reports.spend': (input, ctx) => spendReport(ctx.services(), input),
  'reports.subscriptions': (input, ctx) => subscriptions(ctx.services(), input),
} as const satisfies Pick<Handlers, keyof typeof viewMethods>
