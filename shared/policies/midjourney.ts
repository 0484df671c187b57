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
  usdAssumed,
} from './common'
import { assumed, sourced } from './rules'
import { RESEARCH } from './sources'
import type { PlanTemplate, SubscriptionPreset } from './types'

const RESET = 'Midjourney fast hours reset on the billing date and do not roll over.'

/** Fast GPU hours per month, in thousandths of an hour (3.6 s). */
const fastHours = (milliHours: number, plan: string): PlanTemplate['allowances'][string] => ({
  label: 'Fast GPU hours',
  kind: 'allowance',
  lotKind: 'subscription',
  unit: sourced(creditUnit('mj-fast-hour', 'fast GPU hours', 3), RESEARCH.presetsIdea, RESET, {
    note: 'kept in thousandths of an hour',
  }),
  anchor: sourced({ kind: 'billing_date' }, RESEARCH.midjourneyReset, 'Midjourney on the billing date'),
  interval: assumed(P1M, 'monthly reset assumed (also on yearly billing)'),
  periods: assumed(null, 'until cancelled'),
  amountPerPeriod: assumed(milliHours, `${plan}: fast hours are not in the sources (recalled, may be outdated)`),
  price: includedInPlan(),
  priceBasis: 'per_period',
  funding: assumed('paid', 'included in a paid plan'),
  priority: assumed(10, 'the only bucket of the account'),
  expiry: sourced('period', RESEARCH.presetsIdea, RESET),
  rollover: sourced({ mode: 'none' }, RESEARCH.presetsIdea, RESET),
  rolled: unusedRolled(),
  rolledLostOnEnd: unusedRolledLost(),
  onCancel: assumed('keep_current_period', 'not stated; hours assumed usable to the end of the paid period'),
  overage: null,
})

const plan = (label: string, cents: number, milliHours: number): PlanTemplate => ({
  label,
  price: recalledPrice(cents, `Midjourney ${label}`),
  interval: monthlyBillingAssumed(),
  allowances: { fast_hours: fastHours(milliHours, `Midjourney ${label}`) },
})

/** Midjourney: a subscription whose fast GPU hours reset on the billing date without rolling over. */
export const midjourney: SubscriptionPreset = {
  kind: 'subscription',
  id: 'midjourney',
  name: 'Midjourney',
  vendor: 'Midjourney',
  version: 1,
  summary:
    'Plans include fast GPU hours that reset on the billing date and do not roll over. Prices and hours per plan ' +
    'are assumptions to confirm.',
  zone: assumed('UTC', 'renewals follow your billing date; the zone is not stated'),
  currency: usdAssumed(),
  plans: {
    basic: plan('Basic', 1000, 3300),
    standard: plan('Standard', 3000, 15000),
    pro: plan('Pro', 6000, 30000),
    mega: plan('Mega', 12000, 60000),
  },
  renewal: renewsAssumed(),
  cancellation: cancellationAssumed(),
  limits: [],
  notes: [],
}
