import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import { amountToEnter, creditUnit, iso, P1M, priceToEnter, unusedRolled, unusedRolledLost, usdAssumed } from './common'
import { assumed, sourced } from './rules'
import { SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.checklist
const TEMPLATE = 'a template: set the value your plan states'
const BANK =
  'If it says credits roll into a bank, check the bank limit, usage order, plan eligibility, and whether banked credits disappear when you downgrade or cancel.'
const BUCKETS =
  'A monthly plan allowance, a daily free allowance, an add-on subscription, a pay-as-you-go balance, a one-time top-up pack, a promotional grant, and an enterprise commitment can all use the word credits while expiring at different times.'

/** A generic monthly plan whose unused credits roll into a capped bank. Every number is the user's to set. */
export const genericMonthlyRollover: CreditPreset = {
  kind: 'credit',
  id: 'generic-monthly-rollover',
  name: 'Monthly plan with capped rollover (generic)',
  vendor: 'Generic',
  version: 1,
  summary:
    'A monthly allowance whose unused credits roll into a bank capped at two months of allowance; banked credits ' +
    'are drawn first and lost when the plan ends. A starting point: confirm each value against your plan.',
  account: {
    unit: assumed(creditUnit('plan-credit', 'plan credits'), TEMPLATE),
    currency: usdAssumed(),
    zone: assumed('UTC', TEMPLATE),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'banked first, then monthly, by priority; check your plan’s usage order'),
    overdraft: assumed({ mode: 'none', limit: 0 }, 'use beyond the balance is assumed to stop; it is flagged'),
    scope: assumed('personal', TEMPLATE),
  },
  lots: {
    top_up: {
      label: 'Top-up pack',
      kind: 'purchase',
      funding: assumed('paid', 'a bought pack'),
      priority: assumed(20, 'drawn after the monthly allowance'),
      expiry: assumed({ kind: 'never' }, 'top-up rules differ by vendor; set yours'),
      expiryExtendable: assumed(null, TEMPLATE),
      refund: assumed(null, TEMPLATE),
      packSize: amountToEnter('pack size'),
      packPrice: priceToEnter('packs'),
      needsActiveProgram: assumed(false, 'some vendors require an active plan; set yours'),
    },
  },
  purchase: 'top_up',
  programs: {
    monthly: {
      label: 'Monthly allowance',
      kind: 'allowance',
      lotKind: 'subscription',
      anchor: assumed({ kind: 'billing_date' }, TEMPLATE),
      interval: assumed(P1M, TEMPLATE),
      periods: assumed(null, 'until cancelled'),
      amountPerPeriod: amountToEnter('monthly allowance'),
      price: priceToEnter('the plan'),
      priceBasis: 'per_period',
      funding: assumed('paid', 'included in a paid plan'),
      priority: assumed(10, 'monthly before top-ups (ledger-semantics §9.13 convention)'),
      expiry: assumed('period', 'unused credits leave the allowance at the period end (rolled or expired)'),
      rollover: assumed({ mode: 'capped_periods', periods: 2 }, 'a bank of two months of allowance; set your cap'),
      rolled: assumed({ periods: null, priority: 5 }, 'banked credits drawn first and kept while the plan lasts'),
      rolledLostOnEnd: assumed(true, 'assumed lost on cancel or downgrade; check (see the checklist note)'),
      onCancel: assumed('keep_current_period', 'the usual rule; check your plan'),
      overage: null,
    },
  },
  recharge: null,
  rates: null,
  notes: [
    sourced('Some plans bank unused credits up to a limit.', S, 'Some paid users get a limited rollover bank.'),
    sourced('Check whether banked credits disappear on downgrade or cancellation.', S, BANK),
  ],
}

/** A free allowance that resets every day at local midnight; unused credits are lost. */
export const dailyFree: CreditPreset = {
  kind: 'credit',
  id: 'daily-free-allowance',
  name: 'Daily free allowance (generic)',
  vendor: 'Generic',
  version: 1,
  summary: 'Free credits granted every day and lost at the next local midnight. Confirm the amount and the zone.',
  account: {
    unit: assumed(creditUnit('daily-credit', 'daily credits'), TEMPLATE),
    currency: usdAssumed(),
    zone: assumed('UTC', 'the day boundary depends on the vendor; set its zone'),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'one bucket: the order does not matter'),
    overdraft: assumed({ mode: 'none', limit: 0 }, 'use beyond the allowance is assumed to stop; it is flagged'),
    scope: assumed('personal', TEMPLATE),
  },
  lots: {},
  purchase: null,
  programs: {
    daily: {
      label: 'Daily free credits',
      kind: 'daily',
      lotKind: 'daily',
      anchor: assumed({ kind: 'day_start' }, 'assumed to reset at local midnight'),
      interval: sourced(iso('P1D'), S, BUCKETS, { note: 'a daily free allowance' }),
      periods: assumed(null, 'while the free tier lasts'),
      amountPerPeriod: amountToEnter('daily amount'),
      price: sourced({ amount: 0, currency: 'USD' }, S, BUCKETS, { note: 'free: no cost' }),
      priceBasis: 'per_period',
      funding: sourced('promotional', S, BUCKETS, { note: 'a free allowance' }),
      priority: assumed(5, 'free daily credits drawn before anything paid in the same account'),
      expiry: assumed('period', 'assumed lost at the next reset'),
      rollover: assumed({ mode: 'none' }, 'free daily credits are assumed not to roll over'),
      rolled: unusedRolled(),
      rolledLostOnEnd: unusedRolledLost(),
      onCancel: assumed('keep_current_period', 'the current day stays usable'),
      overage: null,
    },
  },
  recharge: null,
  rates: null,
  notes: [
    sourced(
      'Check whether free credits reset daily or expire with a trial or promotion.',
      S,
      'Free or trial credits: Check whether they reset daily, expire after a short trial window, or disappear when the trial or promotion ends.',
    ),
  ],
}
