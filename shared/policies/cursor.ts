import {
  cancellationAssumed,
  includedInPlan,
  monthlyBillingAssumed,
  P1M,
  recalledPrice,
  renewsAssumed,
  unusedRolled,
  unusedRolledLost,
  USD,
  usdAssumed,
} from './common'
import { assumed, sourced } from './rules'
import { RESEARCH } from './sources'
import type { SubscriptionPreset } from './types'

const KINDS = '`Kind` `Included`/`On-Demand`'

/** Cursor: a subscription with included model usage; use beyond it is on-demand. */
export const cursor: SubscriptionPreset = {
  kind: 'subscription',
  id: 'cursor',
  name: 'Cursor',
  vendor: 'Cursor',
  version: 1,
  summary:
    'A subscription with included model usage; usage beyond it is on-demand (the usage export marks each event ' +
    'Included or On-Demand). Price, included amount and its monthly reset are assumptions to confirm.',
  zone: assumed('UTC', 'renewals follow your billing date; the zone is not stated'),
  currency: usdAssumed(),
  plans: {
    pro: {
      label: 'Pro',
      price: recalledPrice(2000, 'Cursor Pro'),
      interval: monthlyBillingAssumed(),
      allowances: {
        included: {
          label: 'Included usage',
          kind: 'allowance',
          lotKind: 'subscription',
          unit: assumed(USD, 'included usage is assumed to be counted in dollars of model usage (the export has Cost)'),
          anchor: assumed({ kind: 'billing_date' }, 'not stated; assumed to reset on the billing date'),
          interval: assumed(P1M, 'not stated; assumed monthly'),
          periods: assumed(null, 'until cancelled'),
          amountPerPeriod: assumed(20_000_000, 'Cursor Pro: about $20 of usage is a recalled figure, not a source'),
          price: includedInPlan(),
          priceBasis: 'per_period',
          funding: assumed('paid', 'included in a paid plan'),
          priority: assumed(10, 'the included bucket first, on-demand after it'),
          expiry: assumed('period', 'not stated; assumed lost at the reset'),
          rollover: assumed({ mode: 'none' }, 'not stated; assumed not to roll over'),
          rolled: unusedRolled(),
          rolledLostOnEnd: unusedRolledLost(),
          onCancel: assumed('keep_current_period', 'not stated; assumed usable to the end of the paid period'),
          overage: {
            label: 'On-demand usage',
            unitPrice: assumed(
              { amount: 1, per: 1, currency: 'USD' },
              'on-demand use assumed billed at the dollar cost the export shows',
            ),
            periodMax: assumed(null, 'your on-demand spend limit: none until you set it'),
            enabledByDefault: assumed(null, 'not stated'),
          },
        },
      },
    },
  },
  renewal: renewsAssumed(),
  cancellation: cancellationAssumed(),
  limits: [],
  notes: [sourced('Usage exports mark each event as Included or On-Demand.', RESEARCH.cursorCsv, KINDS)],
}
