import { cancellationAssumed, iso, monthlyBillingAssumed, recalledPrice, renewsAssumed, usdAssumed } from './common'
import { assumed, sourced } from './rules'
import { RESEARCH } from './sources'
import type { SubscriptionPreset } from './types'

/** Claude Pro and Max: subscriptions limited by rolling usage windows, not credits. */
export const claudePlans: SubscriptionPreset = {
  kind: 'subscription',
  id: 'claude-pro-max',
  name: 'Claude Pro / Max',
  vendor: 'Anthropic',
  version: 1,
  summary:
    'Claude subscriptions limited by rolling 5-hour windows (usage monitors also show a 7-day limit), not credits. ' +
    'Prices are assumptions to confirm.',
  zone: assumed('UTC', 'renewals follow your billing date; the zone is not stated'),
  currency: usdAssumed(),
  plans: {
    pro: { label: 'Pro', price: recalledPrice(2000, 'Claude Pro'), interval: monthlyBillingAssumed(), allowances: {} },
    max_5x: {
      label: 'Max (5×)',
      price: recalledPrice(10000, 'Claude Max 5×'),
      interval: monthlyBillingAssumed(),
      allowances: {},
    },
    max_20x: {
      label: 'Max (20×)',
      price: recalledPrice(20000, 'Claude Max 20×'),
      interval: monthlyBillingAssumed(),
      allowances: {},
    },
  },
  renewal: renewsAssumed(),
  cancellation: cancellationAssumed(),
  limits: [
    sourced(
      { label: '5-hour usage window', window: { kind: 'rolling', duration: iso('PT5H') }, limit: null },
      RESEARCH.claudeWindows,
      'Claude 5-h rolling windows',
      { note: 'the size of a window is not published as a number' },
    ),
    assumed(
      { label: 'Weekly limit', window: { kind: 'rolling', duration: iso('P7D') }, limit: null },
      'usage monitors show a 7-day bar beside the 5-hour one (peers.md §3.5); its anchoring is not stated',
    ),
  ],
  notes: [
    sourced(
      'Plans can carry extra-usage credits and a prepaid balance: track those as a credit account.',
      RESEARCH.claudeExtraUsage,
      'extra-usage credits + prepaid balance',
    ),
  ],
}
