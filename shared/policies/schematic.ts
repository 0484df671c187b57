import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import { amountToEnter, cancelAssumed, creditUnit, P1M, priceToEnter, usdAssumed } from './common'
import { assumed, sourced } from './rules'
import { SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.schematic
const RATES = 'image generation might use 25 credits per image, while a simple text request may use 1 credit'
const MONTHLY = 'You can include monthly credits in paid plans, with credits refreshing on a set date.'
const ROLL = 'For example, you may allow up to one extra month of unused credits to carry forward.'
const PAUSE = 'When the balance reaches zero, usage pauses until more AI credits are added or the plan renews.'
const PREPAID = 'They may remain valid until consumed or expire after a defined period.'

/**
 * Schematic-style per-action credits (a template for a SaaS product's own credits): a rate table turns actions
 * into credits, monthly credits refresh on the billing date, unused credits roll over capped at one extra month.
 */
export const schematic: CreditPreset = {
  kind: 'credit',
  id: 'schematic-credits',
  name: 'Per-action credits (Schematic-style)',
  vendor: 'Schematic',
  version: 1,
  summary:
    'Actions cost credits from a rate table (e.g. 25 per image, 1 per text request). Monthly credits refresh on a ' +
    'set date; unused credits roll over capped at one extra month. Usage pauses at zero. Prepaid packs are bought ' +
    'once and used over several months.',
  account: {
    unit: sourced(creditUnit('ai-credit', 'AI credits'), S, RATES),
    currency: usdAssumed(),
    zone: assumed('UTC', 'a template: set the zone your product bills in'),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'no order is stated; rolled credits, then monthly, then packs by priority'),
    overdraft: sourced({ mode: 'none', limit: 0 }, S, PAUSE),
    scope: assumed('workspace', 'a template: credits usually belong to the customer account'),
  },
  lots: {
    pack: {
      label: 'Prepaid credit pack',
      kind: 'purchase',
      funding: sourced(
        'paid',
        S,
        'Many SaaS products offer prepaid credit packs that customers buy once and consume gradually as they use AI features.',
      ),
      priority: assumed(20, 'assumed to be drawn after the monthly credits'),
      expiry: assumed(
        { kind: 'never' },
        'the source allows either "valid until consumed" or a defined period; set yours',
      ),
      expiryExtendable: assumed(null, 'a template: not stated'),
      refund: assumed(null, 'a template: not stated'),
      packSize: amountToEnter('pack size'),
      packPrice: priceToEnter('packs'),
      needsActiveProgram: assumed(false, 'prepaid bundles are used over multiple months, independent of the plan'),
    },
  },
  purchase: 'pack',
  programs: {
    monthly: {
      label: 'Monthly AI credits',
      kind: 'allowance',
      lotKind: 'subscription',
      anchor: assumed({ kind: 'billing_date' }, 'credits refresh "on a set date"; taken to be the billing date'),
      interval: sourced(P1M, S, MONTHLY),
      periods: assumed(null, 'until the plan ends'),
      amountPerPeriod: amountToEnter('monthly credit amount'),
      price: priceToEnter('the plan'),
      priceBasis: 'per_period',
      funding: assumed('paid', 'included in a paid plan'),
      priority: assumed(10, 'monthly credits before packs (ledger-semantics §9.13 convention)'),
      expiry: sourced('period', S, 'In some plans, credits reset monthly.'),
      rollover: sourced({ mode: 'capped_periods', periods: 1 }, S, ROLL, {
        note: 'the bank holds at most one month of allowance',
      }),
      rolled: assumed(
        { periods: 1, priority: 5 },
        'how long rolled credits last is not stated: one more month, drawn before the new allowance',
      ),
      rolledLostOnEnd: assumed(true, 'not stated; banked credits are assumed lost when the plan ends'),
      onCancel: cancelAssumed(),
      overage: null,
    },
  },
  recharge: null,
  rates: sourced({ image: 25, text: 1 }, S, RATES),
  notes: [
    sourced(
      'A product may instead allow overage billing: usage continues and is invoiced.',
      S,
      'If you support overages, the system continues processing requests and records the additional cost for invoicing.',
    ),
    sourced('Prepaid credits may never expire or expire after a set period.', S, PREPAID),
  ],
}
