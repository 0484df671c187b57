import { DEFAULT_DRAWDOWN } from '../ledger/drawdown-order'
import {
  amountToEnter,
  cancelAssumed,
  creditUnit,
  P1M,
  priceToEnter,
  unusedRolled,
  unusedRolledLost,
  usdAssumed,
} from './common'
import { assumed, sourced } from './rules'
import { SEEDS } from './sources'
import type { CreditPreset } from './types'

const S = SEEDS.expiryNrr
const MONTHLY = 'AI credits expire monthly and do not roll over'
const SEATS =
  'seat credits cannot be shared or transferred, and users who run out cannot complete more AI actions unless credits reset or an admin adds more credits'

/** Figma-style seat credits: each seat its own account with a monthly allowance; admins may add credits. */
export const figmaSeats: CreditPreset = {
  kind: 'credit',
  id: 'figma-seat-credits',
  name: 'Figma AI credits (per seat)',
  vendor: 'Figma',
  version: 1,
  summary:
    'AI credits come with each seat, expire monthly and do not roll over. Seat credits cannot be shared or ' +
    'transferred: one account per seat. A user who runs out waits for the reset or for an admin to add credits.',
  account: {
    unit: sourced(creditUnit('figma-ai-credit', 'Figma AI credits'), S, 'AI credits included with seats'),
    currency: usdAssumed(),
    zone: assumed('UTC', 'the sources do not say in which zone the monthly reset happens'),
    drawdown: assumed(DEFAULT_DRAWDOWN, 'the order between seat credits and admin-added credits is not stated'),
    overdraft: sourced({ mode: 'none', limit: 0 }, S, SEATS, { note: 'no negative balance: AI actions stop' }),
    scope: sourced('seat', S, SEATS, { note: 'one account per seat' }),
  },
  lots: {
    admin_grant: {
      label: 'Credits added by an admin',
      kind: 'grant',
      funding: assumed('paid', 'admin-added credits are assumed to be bought by the organization'),
      priority: assumed(20, 'assumed to be drawn after the seat’s monthly credits'),
      expiry: assumed({ kind: 'ask' }, 'when admin-added credits expire is not stated; enter the date shown'),
      expiryExtendable: assumed(null, 'not stated'),
      refund: assumed(null, 'not stated'),
      packSize: amountToEnter('amount for admin-added credits'),
      packPrice: priceToEnter('admin-added credits'),
      needsActiveProgram: assumed(false, 'not stated'),
    },
  },
  purchase: 'admin_grant',
  programs: {
    seat_monthly: {
      label: 'Monthly AI credits of a seat',
      kind: 'allowance',
      lotKind: 'subscription',
      anchor: assumed({ kind: 'billing_date' }, 'the sources do not say when the month starts'),
      interval: sourced(P1M, S, MONTHLY),
      periods: assumed(null, 'while the seat exists'),
      amountPerPeriod: amountToEnter('credits per seat (they depend on the seat type)'),
      price: priceToEnter('the seat'),
      priceBasis: 'per_period',
      funding: assumed('paid', 'included in a paid seat'),
      priority: assumed(10, 'monthly credits first (ledger-semantics §9.13 convention)'),
      expiry: sourced('period', S, MONTHLY),
      rollover: sourced({ mode: 'none' }, S, MONTHLY),
      rolled: unusedRolled(),
      rolledLostOnEnd: unusedRolledLost(),
      onCancel: cancelAssumed(),
      overage: null,
    },
  },
  recharge: null,
  rates: null,
  notes: [
    sourced(
      'Per-seat credits can be stranded with one user while another runs out.',
      SEEDS.checklist,
      'A per-seat allowance is easier to reason about, but it may strand unused credits with one user while another teammate runs out.',
    ),
  ],
}
