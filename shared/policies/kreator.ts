import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import { amountToEnter, creditUnit, P1M, priceToEnter, unusedRolled, unusedRolledLost, usdAssumed } from './common'
import { assumed, sourced } from './rules'
import { SEEDS } from './sources'
import type { CreditPreset, ProgramTemplate } from './types'

const S = SEEDS.kreator
const FIRST =
  'Kreator always spends your monthly credits first, then dips into your add-on credits only when monthly is empty.'
const NEVER = 'Add-on credits stick around month after month with no expiration.'
const RESET = 'Any unused monthly credits from the previous period are not added on top.'
const RENEWAL = "your renewal date — i.e. when this month's credits will reset"
const ANNUAL =
  'Annual plans grant credits in monthly chunks tied to your billing cycle, so the same rule applies: each chunk resets and is replaced by the next.'
const CANCEL = 'You keep full access — including any remaining monthly credits — until your current period ends.'
const KEEP_ADDONS =
  "After that date, monthly credits are no longer available, but any add-on credits you've purchased remain in your account."

const monthlyFirst = sourced(10, S, FIRST, { note: 'priority 10 (monthly) is drawn before 20 (add-on)' })

const common = {
  lotKind: 'subscription',
  anchor: sourced({ kind: 'billing_date' }, S, RENEWAL),
  interval: sourced(P1M, S, 'Monthly credits from your Starter plan reset at the start of each billing period'),
  amountPerPeriod: amountToEnter('monthly credit allocation of your plan'),
  funding: assumed('paid', 'included in a paid plan'),
  priority: monthlyFirst,
  expiry: sourced('period', S, "Monthly credits aren't refundable, but they don't expire in the middle of a cycle", {
    alsoIn: [{ source: S, quote: RESET }],
  }),
  rollover: sourced({ mode: 'none' }, S, RESET),
  rolled: unusedRolled(),
  rolledLostOnEnd: unusedRolledLost(),
  onCancel: sourced('keep_current_period', S, CANCEL),
  overage: null,
} as const satisfies Partial<ProgramTemplate>

/** Kreator-style credits: monthly first (resets each cycle), then add-on top-ups that never expire. */
export const kreator: CreditPreset = {
  kind: 'credit',
  id: 'kreator',
  name: 'Kreator credits (monthly + add-on)',
  vendor: 'Kreator',
  version: 1,
  summary:
    'Monthly credits are spent first and reset every billing cycle without rolling over; add-on top-ups never ' +
    'expire and are spent only when monthly is empty. Annual plans release monthly chunks. After a cancellation ' +
    'the current period stays usable; add-on credits remain.',
  account: {
    unit: sourced(creditUnit('kreator-credit', 'Kreator credits'), S, 'It shows your total available credits.'),
    currency: usdAssumed(),
    zone: assumed('UTC', 'the sources do not say in which zone the renewal happens; set your billing zone'),
    drawdown: sourced(DEFAULT_DRAWDOWN, S, FIRST, { note: 'expressed by priority: monthly 10, add-on 20' }),
    overdraft: assumed({ mode: 'none', limit: 0 }, 'no negative balance is described; use beyond it is flagged'),
    scope: assumed('personal', 'a personal plan'),
  },
  lots: {
    addon: {
      label: 'Add-on credits (top-up)',
      kind: 'addon',
      funding: sourced('paid', S, 'One-time top-up purchases'),
      priority: sourced(20, S, FIRST, { note: 'priority 20: after monthly credits' }),
      expiry: sourced({ kind: 'never' }, S, NEVER),
      expiryExtendable: sourced(null, S, NEVER, { note: 'they never expire: nothing to extend' }),
      refund: assumed(null, 'the sources say nothing about refunds of add-on credits'),
      packSize: amountToEnter('top-up size'),
      packPrice: priceToEnter('top-ups'),
      needsActiveProgram: sourced(false, S, KEEP_ADDONS),
    },
  },
  purchase: 'addon',
  programs: {
    monthly: {
      ...common,
      label: 'Monthly credits (monthly plan)',
      kind: 'allowance',
      periods: assumed(null, 'until cancelled'),
      price: priceToEnter('the monthly plan'),
      priceBasis: 'per_period',
    },
    annual: {
      ...common,
      label: 'Monthly credits (annual plan, released monthly)',
      kind: 'annual_release',
      periods: sourced(12, S, ANNUAL, { note: 'twelve monthly chunks per annual payment' }),
      expiry: sourced('period', S, ANNUAL),
      price: priceToEnter('the annual plan'),
      priceBasis: 'total',
    },
  },
  recharge: null,
  rates: null,
  notes: [
    sourced('Monthly credits are not refundable.', S, "Monthly credits aren't refundable"),
    sourced(
      'At renewal only the monthly bucket resets; add-on credits stay.',
      S,
      'The renewal only resets the monthly bucket — your add-on credits stay where they are.',
    ),
  ],
}
