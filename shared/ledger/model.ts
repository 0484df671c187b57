import type { Duration } from '../time/duration'
import type { DrawdownPolicy } from './drawdown-order'
import type { LocalDateTime } from '../time/zoned'

/**
 * The facts the ledger engine replays. Amounts are integers in the account unit's minor units (see
 * shared/money/units.ts); instants are UTC epoch milliseconds; calendar rules carry their IANA zone.
 * Facts are stored; everything else (remaining, expired, debt, balances) is computed from them.
 */
export type Instant = number

/** Where a lot came from: drives the bucket breakdown and a few rules (auto-recharge caps count only recharges). */
export const LOT_KINDS = [
  'subscription',
  'addon',
  'purchase',
  'auto_recharge',
  'promo',
  'trial',
  'grant',
  'rollover',
  'commitment',
  'daily',
  'adjustment',
] as const
export type LotKind = (typeof LOT_KINDS)[number]

/** paid: bought; promotional: free (cost 0); postpaid: usable before it is paid (enterprise commitments). */
export type Funding = 'paid' | 'promotional' | 'postpaid'

/** When a lot stops being usable. Intervals are half-open: usable on [effectiveAt, expiresAt). */
export type ExpiryRule =
  | { readonly kind: 'never' }
  | { readonly kind: 'at'; readonly at: Instant }
  /** "1 year after purchase": calendar arithmetic in the account's zone from effectiveAt (Feb 29 + P1Y = Feb 28). */
  | { readonly kind: 'after'; readonly duration: Duration }
  /** Usable until the next local midnight of the account's zone (daily free allowances). */
  | { readonly kind: 'end_of_local_day' }

/** What was paid for a lot, in a currency's minor units (micro-units): value at risk = expired × cost / amount. */
export interface Cost {
  readonly amount: number
  readonly currency: string
}

export interface LotFact {
  readonly id: string
  readonly accountId: string
  readonly kind: LotKind
  readonly funding: Funding
  readonly amount: number
  /** null = unknown; { amount: 0 } = free. */
  readonly cost: Cost | null
  readonly effectiveAt: Instant
  readonly expiry: ExpiryRule
  /** Lower is drawn first (e.g. monthly credits 10, add-on credits 20). */
  readonly priority: number
  /** Applicability: empty = any usage; otherwise only usage carrying one of these tags (e.g. "model:gpt-4o"). */
  readonly tags: readonly string[]
  /** Insertion order of the fact: a drawdown tie-breaker that never depends on storage order. */
  readonly createdSeq: number
  /** The lot stops being usable when this program ends (top-ups that need an active subscription, banked credits). */
  readonly endsWithProgram?: string
}

export interface UsageFact {
  readonly id: string
  readonly accountId: string
  readonly occurredAt: Instant
  /** Positive, in the account unit (for per-action credits: actions × rate, resolved by shared/ledger/rates.ts). */
  readonly amount: number
  readonly tags: readonly string[]
  /** A failed request the vendor did not charge: recorded, never drawn. */
  readonly billable: boolean
  readonly createdSeq: number
}

export type LotEvent =
  /** Refund or cancellation at `at`: forward voids what remains; clawback also turns what was used into debt. */
  | {
      readonly kind: 'void'
      readonly lotId: string
      readonly at: Instant
      readonly mode: 'forward' | 'clawback'
      readonly createdSeq: number
    }
  /** A data-entry error: replay as if the lot never existed (past usage is reallocated). */
  | { readonly kind: 'retract'; readonly lotId: string; readonly createdSeq: number }
  /** The vendor moved the expiry (only effective while the lot is still live at `at`). */
  | {
      readonly kind: 'expiry_change'
      readonly lotId: string
      readonly at: Instant
      readonly expiresAt: Instant | null
      readonly createdSeq: number
    }

/** A balance the vendor's dashboard showed: compared with the model, never used to edit it. */
export interface Observation {
  readonly id: string
  readonly accountId: string
  readonly at: Instant
  readonly balance: number
  /** Allowed difference before it is flagged (default 0). */
  readonly tolerance: number
}

/** What happens to a period's unused allowance at the next boundary. */
export type RolloverRule =
  | { readonly mode: 'none' }
  | { readonly mode: 'full' }
  /** floor(R × numerator / denominator) rolls; the rest expires. */
  | { readonly mode: 'fraction'; readonly numerator: number; readonly denominator: number }
  /** Roll into a bank of at most `cap` (live rolled lots of this program count toward it). */
  | { readonly mode: 'capped'; readonly cap: number }

export interface RolledLots {
  /** How many periods a rolled part stays usable after the boundary it rolled at (null = until the program ends). */
  readonly periods: number | null
  readonly priority: number
}

/**
 * A program releases one lot per period [b_k, b_{k+1}), with b_k = anchor ⊕ k × interval computed in the
 * anchor's zone (month ends clamped, never chained). Subscriptions (monthly allowance), annual plans released
 * monthly (periods = 12), add-on subscriptions, daily allowances and commitment segments are all programs.
 */
export interface ProgramFact {
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly kind: 'allowance' | 'addon' | 'annual_release' | 'daily' | 'commitment'
  readonly anchor: { readonly local: LocalDateTime; readonly zone: string }
  readonly interval: Duration
  readonly amountPerPeriod: number
  /** What one period's lot cost. */
  readonly costPerPeriod: Cost | null
  /** Annual plans released monthly: the price paid once, split exactly over `periods` (remainder on the last). */
  readonly totalCost?: Cost
  /** Number of periods (annual release: 12); null = until ended. */
  readonly periods: number | null
  /** Cancellation or end: no period starts at or after this instant; the current one stays usable to its end. */
  readonly endsAt: Instant | null
  readonly lot: {
    readonly kind: LotKind
    readonly funding: Funding
    readonly priority: number
    readonly tags: readonly string[]
    /** 'period': the lot expires at the period's end (monthly reset); otherwise an explicit rule. */
    readonly expiry: 'period' | ExpiryRule
  }
  readonly rollover: RolloverRule
  readonly rolled: RolledLots
  /** Banked (rolled) credits are lost when the program ends (cancel or downgrade). */
  readonly rolledLostOnEnd: boolean
  /**
   * A plan change: the id of the program this one continues. Its live banked credits count toward this program's
   * rollover cap, so a lowered cap holds across the change (new credit rolls only while the bank is below it).
   */
  readonly replaces?: string
  readonly createdSeq: number
}

/** Auto-recharge ("auto top-up"): when the balance falls to the threshold, buy more, within a monthly cap. */
export interface RechargeRule {
  readonly id: string
  readonly accountId: string
  readonly threshold: number
  /** fixed: buy `amount` (repeated until above the threshold); target: buy up to `amount`. */
  readonly mode: 'fixed' | 'target'
  readonly amount: number
  readonly monthlyMaxCount: number | null
  readonly monthlyMaxAmount: number | null
  readonly enabledFrom: Instant
  readonly enabledUntil: Instant | null
  readonly lot: {
    readonly priority: number
    readonly expiry: ExpiryRule
    /** Money paid per unit of credit, as a fraction (e.g. 1 USD buys 1 USD of balance: 1/1). */
    readonly costPerUnit: { readonly numerator: number; readonly denominator: number; readonly currency: string } | null
  }
  /** A recorded auto_recharge purchase within this long after a trigger confirms it (else it is projected). */
  readonly confirmWithinMs: number
  readonly createdSeq: number
}

export interface AccountSpec {
  readonly id: string
  /** The vendor's zone: expiries, period boundaries and recharge cap months are computed in it. */
  readonly zone: string
  /** none: usage beyond the balance is still recorded as debt, and flagged; limit: flagged beyond `limit`. */
  readonly overdraft: {
    readonly mode: 'none' | 'unlimited' | 'limit'
    readonly limit: number
    /**
     * Pay-as-you-go overage (HubSpot): the id of the program whose periods bill it. Debt is then never repaid from
     * credits (next period's allowance stays whole); at each period start of that program, and at its end, the
     * outstanding debt is invoiced in money: it leaves the balance with an overage_billed notice, so `limit` is a
     * per-period maximum. Absent: the next eligible lot repays debt (OpenAI's negative balance).
     */
    readonly billedWith?: string
  }
  readonly drawdown: DrawdownPolicy
}

/** Everything the engine needs for one account. */
export interface LedgerFacts {
  readonly account: AccountSpec
  readonly lots: readonly LotFact[]
  readonly usage: readonly UsageFact[]
  readonly lotEvents: readonly LotEvent[]
  readonly programs: readonly ProgramFact[]
  readonly rechargeRules: readonly RechargeRule[]
  readonly observations: readonly Observation[]
}
