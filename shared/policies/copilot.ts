import {
  cancellationAssumed,
  creditUnit,
  includedInPlan,
  monthlyBillingAssumed,
  P1M,
  recalledPrice,
  renewsAssumed,
  unusedRolled,
  unusedRolledLost,
} from './common'
import { assumed, sourced } from './rules'
import { RESEARCH } from './sources'
import type { PlanTemplate, SubscriptionPreset } from './types'

const RESET = 'requests reset on the 1st at 00:00 UTC'
const OVERAGE = 'overage $0.04'
const ANCHOR = 'Copilot at 00:00 UTC on the 1st'

/** Premium requests per month, in thousandths of a request (reports carry fractional quantities). */
const premiumRequests = (requests: number, plan: string): PlanTemplate['allowances'][string] => ({
  label: 'Premium requests',
  kind: 'allowance',
  lotKind: 'subscription',
  unit: sourced(
    creditUnit('copilot-premium-request', 'premium requests', 3),
    RESEARCH.copilotCsv,
    'fractional quantities (`3.6`)',
    { note: 'requests can be fractional: kept in thousandths' },
  ),
  anchor: sourced({ kind: 'month_start' }, RESEARCH.copilotRequests, ANCHOR),
  interval: sourced(P1M, RESEARCH.presetsIdea, RESET),
  periods: assumed(null, 'until cancelled'),
  amountPerPeriod: assumed(
    requests * 1000,
    `${plan}: the monthly quota is not in the sources (recalled, may be outdated)`,
  ),
  price: includedInPlan(),
  priceBasis: 'per_period',
  funding: assumed('paid', 'included in a paid plan'),
  priority: assumed(10, 'the monthly quota first, overage after it'),
  expiry: sourced('period', RESEARCH.presetsIdea, RESET, { note: 'the month’s quota ends at the next reset' }),
  rollover: sourced({ mode: 'none' }, RESEARCH.presetsIdea, RESET, { note: 'a reset: nothing carries over' }),
  rolled: unusedRolled(),
  rolledLostOnEnd: unusedRolledLost(),
  onCancel: assumed('keep_current_period', 'not stated; assumed usable to the end of the paid period'),
  overage: {
    label: 'Premium requests beyond the quota',
    unitPrice: sourced({ amount: 40_000, per: 1000, currency: 'USD' }, RESEARCH.presetsIdea, OVERAGE, {
      note: '$0.04 per request (40,000 micro-dollars per 1,000 thousandths)',
    }),
    periodMax: assumed(null, 'your budget for extra requests: none until you set it'),
    enabledByDefault: assumed(null, 'not stated'),
  },
})

const plan = (label: string, cents: number, requests: number): PlanTemplate => ({
  label,
  price: recalledPrice(cents, `Copilot ${label}`),
  interval: monthlyBillingAssumed(),
  allowances: { premium_requests: premiumRequests(requests, `Copilot ${label}`) },
})

/** GitHub Copilot: a subscription with a monthly premium-request quota that resets on the 1st at 00:00 UTC. */
export const copilot: SubscriptionPreset = {
  kind: 'subscription',
  id: 'github-copilot',
  name: 'GitHub Copilot',
  vendor: 'GitHub',
  version: 1,
  summary:
    'Premium requests reset on the 1st of each month at 00:00 UTC; requests beyond the quota cost $0.04 each. ' +
    'Prices and quotas per plan are assumptions to confirm.',
  zone: sourced('UTC', RESEARCH.copilotRequests, ANCHOR),
  currency: sourced('USD', RESEARCH.presetsIdea, OVERAGE),
  plans: {
    pro: plan('Pro', 1000, 300),
    pro_plus: plan('Pro+', 3900, 1500),
  },
  renewal: renewsAssumed(),
  cancellation: cancellationAssumed(),
  limits: [],
  notes: [
    sourced(
      'Some plans report the monthly quota as Unlimited.',
      RESEARCH.copilotCsv,
      '`total_monthly_quota` numeric or `Unlimited`',
    ),
    sourced(
      'Newer reports also bill some use in AI credits: check which unit your plan uses.',
      RESEARCH.copilotCsv,
      '`sku` `copilot_premium_request` / `copilot_ai_credit` / `coding_agent_ai_credit`',
    ),
  ],
}
