import { cancellationAssumed, iso, monthlyBillingAssumed, recalledPrice, renewsAssumed, usdAssumed } from './common'
import { assumed, sourced } from './rules'
import { RESEARCH, SEEDS } from './sources'
import type { SubscriptionPreset } from './types'

/** ChatGPT Plus: a monthly subscription with usage caps (no credits), billed apart from the API. */
export const chatgptPlus: SubscriptionPreset = {
  kind: 'subscription',
  id: 'chatgpt-plus',
  name: 'ChatGPT Plus',
  vendor: 'OpenAI',
  version: 1,
  summary:
    'A ChatGPT subscription whose limits are usage caps (weekly model limits), not credits. It is billed apart ' +
    'from the OpenAI API balance, which cannot pay for it. The price is an assumption to confirm.',
  zone: assumed('UTC', 'renewals follow your billing date; the zone is not stated'),
  currency: usdAssumed(),
  plans: {
    plus: {
      label: 'Plus',
      price: recalledPrice(2000, 'ChatGPT Plus'),
      interval: monthlyBillingAssumed(),
      allowances: {},
    },
  },
  renewal: renewsAssumed(),
  cancellation: cancellationAssumed(),
  limits: [
    sourced(
      { label: 'Weekly model limits', window: { kind: 'from_first_use', duration: iso('P7D') }, limit: null },
      RESEARCH.chatgptLimits,
      'ChatGPT weekly limits 7 days after the first message at 00:00 UTC',
      { note: 'the per-model numbers are not in the sources' },
    ),
  ],
  notes: [
    sourced(
      'ChatGPT Plus and the OpenAI API are billed separately: API balance cannot pay for Plus.',
      SEEDS.openaiBalance,
      'ChatGPT Plus and OpenAI API use different billing systems.',
    ),
  ],
}
