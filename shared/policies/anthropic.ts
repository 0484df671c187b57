import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import { P1Y, USD } from './common'
import { assumed, sourced } from './rules'
import { RESEARCH, SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.expiryNrr
const TERMS =
  'Purchased credits expire one year after purchase, the expiration date cannot be extended, purchases are non-refundable, and customers can configure auto-reload when balances fall below a defined threshold.'
const COST_HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd'

/** Anthropic API (Claude Console) prepaid usage credits. */
export const anthropicApi: CreditPreset = {
  kind: 'credit',
  id: 'anthropic-api',
  name: 'Anthropic API (prepaid credits)',
  vendor: 'Anthropic',
  version: 1,
  summary:
    'Prepaid usage credits for the Claude API and Workbench. Each purchase expires 1 year after it was bought; ' +
    'the date cannot be extended; purchases are non-refundable; auto-reload below a threshold; failed requests are ' +
    'not charged.',
  account: {
    unit: sourced(USD, RESEARCH.anthropicCsv, COST_HEADER, { note: 'usage is priced in US dollars (cost_usd)' }),
    currency: sourced('USD', RESEARCH.anthropicCsv, COST_HEADER),
    zone: assumed('UTC', 'Anthropic does not say in which zone the year ends; its cost export dates usage by UTC day'),
    drawdown: assumed(
      DEFAULT_DRAWDOWN,
      'Anthropic states no order between purchases; soonest expiry (the oldest purchase) first is assumed',
    ),
    overdraft: assumed(
      { mode: 'none', limit: 0 },
      'no negative balance is described; use beyond the balance is recorded and flagged',
    ),
    scope: assumed('organization', 'credits belong to the Console organization; one account per organization'),
  },
  lots: {
    purchase: {
      label: 'Purchased credits',
      kind: 'purchase',
      funding: sourced('paid', S, 'prepaid usage credits for API and Workbench usage'),
      priority: assumed(50, 'one kind of lot: the number only matters against lots added by hand'),
      expiry: sourced({ kind: 'after', duration: P1Y }, S, TERMS, {
        alsoIn: [
          {
            source: RESEARCH.anthropicPay,
            quote: 'expire one year from the purchase date, and this expiration date cannot be extended',
          },
        ],
        note: '1 year after each purchase on the account zone calendar',
      }),
      expiryExtendable: sourced(false, S, TERMS),
      refund: sourced({ kind: 'none' }, S, TERMS),
      packSize: assumed(null, 'you choose the amount of each purchase; enter it'),
      packPrice: assumed(null, 'a dollar of balance costs a dollar; taxes or fees are not modelled'),
      needsActiveProgram: assumed(false, 'prepaid API credits involve no subscription'),
    },
  },
  purchase: 'purchase',
  programs: {},
  recharge: {
    label: 'Auto-reload',
    enabledByDefault: assumed(null, 'the sources do not say whether auto-reload starts on or off'),
    threshold: sourced(null, S, TERMS, { note: 'you choose the threshold: enter it' }),
    mode: assumed('fixed', 'the sources do not say whether a reload buys a fixed amount or tops up to a target'),
    amount: assumed(null, 'the sources give no reload amount; enter yours'),
    monthlyMaxCount: assumed(null, 'no monthly cap on reloads is described'),
    monthlyMaxAmount: assumed(null, 'no monthly cap on reloads is described'),
    manualPurchasesCount: assumed(false, 'no monthly cap is described, so nothing counts toward one'),
    lot: 'purchase',
    pricePerUnit: assumed(
      { numerator: 1, denominator: 1, currency: 'USD' },
      'a dollar of balance costs a dollar; taxes or fees are not modelled',
    ),
  },
  rates: null,
  notes: [
    sourced(
      'Failed requests are not charged: import them as non-billable usage.',
      S,
      'They state that failed requests are not charged and customers are billed only for successful API calls and completed tasks.',
    ),
    assumed(
      'Reloads expire like purchases, 1 year after each one.',
      'a reload is a purchase; the sources state no separate rule for it',
    ),
  ],
}
