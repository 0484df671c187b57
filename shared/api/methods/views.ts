import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { query, type MethodSpec } from '../define'
import { durationText, instantText } from '../fields'
import type {
  AccountBuckets,
  AccountForecast,
  Balances,
  Expiring,
  LotHistory,
  NoticeView,
  SpendReport,
  SubscriptionsReport,
  Timeline,
} from '../types/views'

/**
 * Reading the ledger (issue 4 §2): balances as of any instant, buckets in drawdown order, timeline, expiring credit,
 * forecast, per-lot history, notices and spend reports. All queries: they never change a fact (the backend may
 * refresh its checkpoint cache while answering, outside any batch).
 */

const at = instantText('At').optional()

/** "L12" or "12" (a stored lot), "P3#5" (period 5 of plan 3, "P3#5>rolled" its rolled part), "R1@…" (a recharge). */
export const lotRefText = z
  .string({ error: 'Lot is required, e.g. L12 or P3#5' })
  .trim()
  .max(200, 'Lot ids are at most 200 characters')
  .regex(/^(L?[1-9]\d{0,15}|[PR][1-9]\d{0,15}[#@].+)$/, 'Lot must be a lot id such as L12, 12 or P3#5')

export const REPORT_GROUPINGS = ['month', 'year', 'vendor', 'account', 'project', 'tag'] as const

export const viewMethods = {
  'ledger.balances': query<Balances>()(
    z
      .strictObject({
        at,
        accountId: id.optional(),
        vendorId: id.optional(),
        /**
         * Which lots to list per account: none, live (holding credit, or still to come) or all (used-up and closed
         * ones too). Default: live for one account (accountId), none for the whole ledger — 2,000 lots of a big
         * ledger are ~1 MB of JSON nobody reads on an overview.
         */
        lots: z.enum(['none', 'live', 'all'], { error: 'Lots is none, live or all' }).optional(),
      })
      .optional(),
    'Balances per account and lot as of an instant (default now), with totals per unit, currency and home currency',
  ),
  'ledger.buckets': query<readonly AccountBuckets[]>()(
    z.strictObject({ accountId: id.optional(), at }).optional(),
    'Remaining, consumed and expired per bucket kind, and the live lots in the order usage will draw them',
  ),
  'ledger.timeline': query<Timeline>()(
    z
      .strictObject({
        from: instantText('From').optional(),
        to: instantText('To').optional(),
        accountId: id.optional(),
      })
      .optional(),
    'Lots as bars and renewals, expiries and plan ends as markers between two instants (default ±90 days)',
  ),
  'ledger.expiring': query<Expiring>()(
    z.strictObject({ within: durationText('Within').optional(), at, accountId: id.optional() }).optional(),
    'Lots expiring within a duration (default P30D) with what remains now and what the pace leaves unused',
  ),
  'ledger.forecast': query<readonly AccountForecast[]>()(
    z
      .strictObject({
        accountId: id.optional(),
        window: durationText('Window').optional(),
        horizon: durationText('Horizon').optional(),
      })
      .optional(),
    'Burn rate, depletion date and value at risk per account, run forward through the drawdown order',
  ),
  'lots.history': query<LotHistory>()(
    z.strictObject({ lot: lotRefText, at }),
    'One lot: its history and the usage it paid (latest 500 of each, with totals)',
  ),
  'ledger.notices': query<readonly NoticeView[]>()(
    z
      .strictObject({
        accountId: id.optional(),
        from: instantText('From').optional(),
        to: instantText('To').optional(),
      })
      .optional(),
    'What the replay flagged: negative balance, over limit, drift, blocked recharges, billed overage, shortfalls',
  ),
  'reports.spend': query<SpendReport>()(
    z
      .strictObject({
        by: z.enum(REPORT_GROUPINGS, { error: 'By is month, year, vendor, account, project or tag' }).optional(),
        from: instantText('From').optional(),
        to: instantText('To').optional(),
      })
      .optional(),
    'Money paid (lots and plan renewals) and usage, grouped by month, year, vendor, account, project or tag',
  ),
  'reports.subscriptions': query<SubscriptionsReport>()(
    z.strictObject({ at }).optional(),
    'The recurring cost per month of every active plan, per currency and in the home currency',
  ),
} as const satisfies Record<string, MethodSpec>
