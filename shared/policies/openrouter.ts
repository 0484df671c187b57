import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import { iso, USD } from './common'
import { assumed, sourced } from './rules'
import { RESEARCH } from './sources'
import type { CreditPreset } from './types'

const TERMS = 'OpenRouter may expire after 365 days, refund only within 24 h'
const CREDITS_ARE_USD = '`cost_total` in **credits = USD**'
const TOP_UP_REASON = 'auto top-up is not described in the sources; confirm its settings on your credits page'

/**
 * OpenRouter credits. What is known is thin: credits are US dollars, they may expire after 365 days, refunds only
 * within 24 hours, and the API reports only totals (no per-purchase lots). Everything else is marked as assumed.
 */
export const openrouter: CreditPreset = {
  kind: 'credit',
  id: 'openrouter',
  name: 'OpenRouter credits',
  vendor: 'OpenRouter',
  version: 1,
  summary:
    'A US-dollar credit balance. Purchases may expire after 365 days; refunds only within 24 hours. The API reports ' +
    'only total credits and total usage, so purchases come from receipts or card statements.',
  account: {
    unit: sourced(USD, RESEARCH.openrouterCsv, CREDITS_ARE_USD),
    currency: sourced('USD', RESEARCH.openrouterCsv, CREDITS_ARE_USD),
    zone: assumed('UTC', 'the expiry zone is not stated; OpenRouter exports are timestamped in UTC'),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'no order is stated; soonest expiry (the oldest purchase) first is assumed'),
    overdraft: assumed({ mode: 'none', limit: 0 }, 'no negative balance is described; use beyond it is flagged'),
    scope: assumed('personal', 'one account per OpenRouter login; per-key limits are not modelled'),
  },
  lots: {
    purchase: {
      label: 'Purchased credits',
      kind: 'purchase',
      funding: assumed('paid', 'credit purchases are paid top-ups'),
      priority: assumed(50, 'one kind of lot: the number only matters against lots added by hand'),
      expiry: sourced({ kind: 'after', duration: iso('P365D') }, RESEARCH.openrouterTerms, TERMS, {
        note: '"may expire": 365 days, not a calendar year (a purchase on Jan 1 of a leap year ends Dec 31)',
      }),
      expiryExtendable: assumed(null, 'not stated'),
      refund: sourced({ kind: 'within', duration: iso('PT24H') }, RESEARCH.openrouterTerms, TERMS),
      packSize: assumed(null, 'you choose the amount of each purchase; enter it'),
      packPrice: assumed(null, 'a dollar of credit costs a dollar plus any fee on your receipt; enter the receipt'),
      needsActiveProgram: assumed(false, 'OpenRouter credits involve no subscription'),
    },
  },
  purchase: 'purchase',
  programs: {},
  recharge: {
    label: 'Auto top-up',
    enabledByDefault: assumed(false, TOP_UP_REASON),
    threshold: assumed(null, TOP_UP_REASON),
    mode: assumed('fixed', TOP_UP_REASON),
    amount: assumed(null, TOP_UP_REASON),
    monthlyMaxCount: assumed(null, TOP_UP_REASON),
    monthlyMaxAmount: assumed(null, TOP_UP_REASON),
    manualPurchasesCount: assumed(false, TOP_UP_REASON),
    lot: 'purchase',
    pricePerUnit: assumed({ numerator: 1, denominator: 1, currency: 'USD' }, 'fees on top-ups are not modelled'),
  },
  rates: null,
  notes: [
    sourced(
      'The API gives only total credits and total usage: record purchases from receipts and reconcile the balance.',
      RESEARCH.openrouterCredits,
      'OpenRouter `GET /api/v1/credits` returns only `total_credits` and `total_usage`.',
    ),
    sourced(
      'BYOK (bring your own key) usage is not billed by OpenRouter: exclude it from usage.',
      RESEARCH.openrouterActivity,
      '`BYOK Usage` excluded — BYOK traffic is not billed by OpenRouter',
    ),
  ],
}
