import { DEFAULT_DRAWDOWN, FREE_FIRST_DRAWDOWN } from '../ledger/drawdown-order'
import { amountToEnter, creditUnit, iso, P1Y, priceToEnter, USD, usdAssumed, utcAssumed } from './common'
import { assumed, sourced } from './rules'
import { RESEARCH, SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.openaiBalance
const ONE_YEAR = 'purchased credits expire after 1 year and are non-refundable'
const NO_EXTENSION = 'the expiration date of credit grants and purchased credits cannot be extended'
const ZONE_REASON =
  'OpenAI does not say in which zone "1 year after purchase" ends; its usage dashboard and exports are in UTC'

/** OpenAI API prepaid billing: a USD balance made of purchases that each expire a year later, free credits first. */
export const openaiApi: CreditPreset = {
  kind: 'credit',
  id: 'openai-api',
  name: 'OpenAI API (prepaid credits)',
  vendor: 'OpenAI',
  version: 1,
  summary:
    'Prepaid API balance in US dollars. Each purchase expires 1 year after it was bought and cannot be extended; ' +
    'free or grant credits are used before paid ones; a delayed cutoff can leave a negative balance that the next ' +
    'purchase pays off; auto recharge with a threshold, an amount and an optional monthly limit.',
  account: {
    unit: sourced(USD, RESEARCH.openaiFifo, 'tags lots by buying $40.01 and $40.02', {
      note: 'balances are bought and shown in US dollars; kept in micro-dollars',
    }),
    currency: sourced('USD', RESEARCH.openaiFifo, 'tags lots by buying $40.01 and $40.02'),
    zone: utcAssumed(ZONE_REASON),
    drawdown: sourced(
      FREE_FIRST_DRAWDOWN,
      S,
      'if your account has free credits, the system uses free credits before paid credits',
      {
        alsoIn: [{ source: RESEARCH.openaiPrepaid, quote: 'OpenAI says free credits are used before paid ones' }],
        note: 'free before paid even when the paid lot expires sooner (free_first precedes soonest_expiry)',
      },
    ),
    overdraft: sourced(
      { mode: 'unlimited', limit: 0 },
      S,
      'Excess usage may appear as a negative credit balance and be deducted from the next credit purchase.',
      { note: 'no limit to the negative balance is published; the next purchase repays it first' },
    ),
    scope: sourced(
      'organization',
      S,
      'If you have multiple organizations or projects, make sure you are checking the correct organization.',
      { note: 'one account per API organization' },
    ),
  },
  lots: {
    purchase: {
      label: 'Purchased credits',
      kind: 'purchase',
      funding: sourced('paid', S, 'Purchased credits are API usage credits you buy through OpenAI Platform.'),
      priority: sourced(50, S, 'Consumed after free credits', {
        note: 'same priority as free credits: the free-first key decides',
      }),
      expiry: sourced({ kind: 'after', duration: P1Y }, S, ONE_YEAR, {
        alsoIn: [
          { source: S, quote: 'each batch of purchased credits should be managed according to its own purchase date' },
          {
            source: SEEDS.expiryNrr,
            quote: 'expire one year after purchase or issuance unless otherwise specified',
          },
        ],
        note: '1 year after each purchase on the account zone calendar: a Feb 29 purchase expires Feb 28',
      }),
      expiryExtendable: sourced(false, S, NO_EXTENSION),
      refund: sourced({ kind: 'none' }, S, ONE_YEAR),
      packSize: assumed(null, 'you choose the amount of each purchase; enter it'),
      packPrice: assumed(null, 'a dollar of balance costs a dollar; taxes or fees are not modelled'),
      needsActiveProgram: assumed(false, 'prepaid API billing involves no subscription'),
    },
    free_grant: {
      label: 'Free or grant credits',
      kind: 'grant',
      funding: sourced(
        'promotional',
        S,
        'Free credits usually come from new accounts, campaigns, promotions, or platform grants.',
      ),
      priority: sourced(50, S, 'Usually consumed first', {
        note: 'same priority as purchases: the free-first key puts free credits first',
      }),
      expiry: sourced(
        { kind: 'ask' },
        S,
        'Free credits, grant credits, and credits under enterprise or education plans may be calculated according to grant rules or order terms.',
        { note: 'enter the expiry shown with the grant' },
      ),
      expiryExtendable: sourced(false, S, NO_EXTENSION),
      refund: sourced(null, S, 'Usually time-limited Not applicable', { note: 'nothing was paid: no refund applies' }),
      packSize: assumed(null, 'grants vary; enter the amount from the grant notice'),
      packPrice: sourced({ amount: 0, currency: 'USD' }, S, 'Free credits usually come from new accounts'),
      needsActiveProgram: assumed(false, 'prepaid API billing involves no subscription'),
    },
  },
  purchase: 'purchase',
  programs: {},
  recharge: {
    label: 'Auto recharge',
    enabledByDefault: sourced(true, S, 'auto recharge is enabled by default when setting up prepaid billing'),
    threshold: sourced(
      null,
      S,
      'You can set a threshold that triggers auto recharge when the balance drops below a certain level',
      { note: 'no default is published: enter yours' },
    ),
    mode: sourced('fixed', S, 'specify the recharge amount', { note: 'a fixed amount per recharge' }),
    amount: sourced(null, S, 'specify the recharge amount', { note: 'no default is published: enter yours' }),
    monthlyMaxCount: assumed(null, 'OpenAI describes a monthly limit on recharges, not on their number'),
    monthlyMaxAmount: sourced(null, S, 'optionally set a monthly recharge limit', {
      note: 'optional: no limit until you set one',
    }),
    manualPurchasesCount: sourced(false, S, 'manual purchases are not counted toward the monthly recharge limit'),
    lot: 'purchase',
    pricePerUnit: assumed(
      { numerator: 1, denominator: 1, currency: 'USD' },
      'a dollar of balance costs a dollar; taxes or fees are not modelled',
    ),
  },
  rates: null,
  notes: [
    sourced(
      'Auto recharge does not change expiry: each recharge expires 1 year after it was bought.',
      S,
      'Auto recharge only replenishes balance; it does not remove expiration rules.',
    ),
    sourced(
      'When the balance is used up, API requests fail with a billing-quota error.',
      S,
      'once credits are used up, API requests will return an error indicating that the billing quota has been reached',
    ),
    sourced(
      'ChatGPT Plus is a separate subscription: the API balance cannot pay for it.',
      S,
      'API balance cannot directly offset ChatGPT Plus membership fees',
    ),
    assumed(
      'Among paid purchases the one expiring soonest (the oldest) is drawn first.',
      'OpenAI does not say which purchase is drawn first; a user reports no way to observe first-in-first-out',
    ),
  ],
}

/** ChatGPT Business flexible credits: valid 12 months after purchase, consumed by the workspace. */
export const openaiBusiness: CreditPreset = {
  kind: 'credit',
  id: 'openai-business-credits',
  name: 'ChatGPT Business / Enterprise credits',
  vendor: 'OpenAI',
  version: 1,
  summary:
    'Workspace credits: Business credits are valid for 12 months after purchase; Enterprise and Edu credits ' +
    'follow the order form. Not the API balance: keep them in their own account.',
  account: {
    unit: assumed(
      creditUnit('openai-credit', 'ChatGPT workspace credits'),
      'the sources do not name the unit of Business credits; check the workspace billing page',
    ),
    currency: usdAssumed(),
    zone: utcAssumed(ZONE_REASON),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'no order is stated for workspace credits; soonest expiry first'),
    overdraft: assumed({ mode: 'none', limit: 0 }, 'no negative balance is described for workspace credits'),
    scope: sourced('workspace', S, 'Consumed by workspace usage'),
  },
  lots: {
    business: {
      label: 'Business credits',
      kind: 'purchase',
      funding: assumed('paid', 'bought by the workspace'),
      priority: assumed(50, 'one kind of self-serve lot: the number only matters against lots added by hand'),
      expiry: sourced(
        { kind: 'after', duration: iso('P12M') },
        S,
        'Business credits are valid for 12 months after purchase',
      ),
      expiryExtendable: assumed(null, 'not stated for Business credits'),
      refund: assumed(null, 'not stated for Business credits'),
      packSize: amountToEnter('pack size'),
      packPrice: priceToEnter('Business credits'),
      needsActiveProgram: assumed(false, 'not stated; assumed to stay usable while they are valid'),
    },
    order_form: {
      label: 'Enterprise or Edu credits (order form)',
      kind: 'commitment',
      funding: assumed('paid', 'the order form may bill later; change to postpaid if it does'),
      priority: assumed(50, 'not stated; the same as Business credits'),
      expiry: sourced(
        { kind: 'ask' },
        S,
        'Enterprise and Edu credit allocation and expiration are defined by the Order Form',
        { note: 'enter the expiry from your order form' },
      ),
      expiryExtendable: assumed(null, 'set by the order form'),
      refund: assumed(null, 'set by the order form'),
      packSize: amountToEnter('allocation'),
      packPrice: priceToEnter('the order form'),
      needsActiveProgram: assumed(false, 'set by the order form'),
    },
  },
  purchase: 'business',
  programs: {},
  recharge: null,
  rates: null,
  notes: [
    sourced(
      'Business, Enterprise and Edu credits do not follow the self-serve API rules.',
      S,
      'These accounts should not simply follow the logic of individual self-serve API top-ups.',
    ),
  ],
}
