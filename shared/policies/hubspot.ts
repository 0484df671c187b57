import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import {
  amountToEnter,
  cancelAssumed,
  creditUnit,
  P1M,
  priceToEnter,
  unusedRolled,
  unusedRolledLost,
  usdAssumed,
} from './common'
import { assumed, sourced } from './rules'
import { SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.expiryNrr
const EXPIRE = 'unused HubSpot Credits expire at the end of each usage period and do not roll over'
const MODEL =
  'it combines monthly expiry with auto-upgrades, pay-as-you-go overages, maximum monthly limits, and usage notifications at 75%, 85%, 90%, and exceeded thresholds'

/** HubSpot-style monthly credits: reset every month, expire at period end, no rollover, overage up to a monthly max. */
export const hubspot: CreditPreset = {
  kind: 'credit',
  id: 'hubspot-credits',
  name: 'HubSpot Credits (monthly, overage with a monthly maximum)',
  vendor: 'HubSpot',
  version: 1,
  summary:
    'Credits reset every month and expire at the end of each usage period without rolling over. Use beyond them ' +
    'is pay-as-you-go overage up to a maximum monthly limit; notifications at 75 %, 85 %, 90 % and exceeded.',
  account: {
    unit: sourced(creditUnit('hubspot-credit', 'HubSpot Credits'), S, EXPIRE),
    currency: usdAssumed(),
    zone: assumed('UTC', 'the sources do not say in which zone a usage period ends; set your portal zone'),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'one monthly bucket then overage headroom; the order follows priority'),
    overdraft: assumed(
      { mode: 'none', limit: 0 },
      'use beyond the monthly maximum is assumed to stop; if recorded anyway it is flagged',
    ),
    scope: assumed('workspace', 'credits belong to the HubSpot account (portal), shared by its users'),
  },
  lots: {},
  purchase: null,
  programs: {
    monthly: {
      label: 'Monthly HubSpot Credits',
      kind: 'allowance',
      lotKind: 'subscription',
      anchor: assumed({ kind: 'billing_date' }, 'the sources do not say when a usage period starts'),
      interval: sourced(P1M, S, 'The credits reset every month'),
      periods: assumed(null, 'until the subscription ends'),
      amountPerPeriod: amountToEnter('monthly credit amount (it depends on the edition)'),
      price: priceToEnter('the subscription'),
      priceBasis: 'per_period',
      funding: assumed('paid', 'included in a paid subscription'),
      priority: assumed(10, 'monthly credits first, overage headroom last (ledger-semantics §9.13 convention)'),
      expiry: sourced('period', S, EXPIRE),
      rollover: sourced({ mode: 'none' }, S, EXPIRE),
      rolled: unusedRolled(),
      rolledLostOnEnd: unusedRolledLost(),
      onCancel: cancelAssumed(),
      overage: {
        label: 'Pay-as-you-go overage',
        unitPrice: assumed(null, 'the sources give no overage rate; enter the rate on your invoice'),
        periodMax: sourced(null, S, MODEL, {
          note: 'a maximum monthly limit exists; its value is yours to set (none until entered)',
        }),
        enabledByDefault: assumed(null, 'the sources do not say whether overage is on by default'),
      },
    },
  },
  recharge: null,
  rates: null,
  notes: [
    sourced('Usage notifications at 75 %, 85 %, 90 % and when exceeded.', S, MODEL),
    sourced('Heavy use can trigger an automatic upgrade to a larger plan.', S, MODEL),
    sourced(
      'Credits apply to usage-based features such as Customer Agent, Prospecting Agent, Data Agent and Data Studio syncs.',
      S,
      'apply to usage-based features including Customer Agent, Prospecting Agent, Data Agent, and Data Studio syncs',
    ),
  ],
}
