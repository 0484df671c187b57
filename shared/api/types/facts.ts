import type { Funding, LotKind } from '../../ledger/model'
import type { AmountView } from '../../money/amount-view'

/**
 * What the fact methods answer (issue 4). Amounts are AmountViews (decimal text, exact minor units, unit); instants
 * are ISO 8601 UTC strings; durations ISO 8601 text. `ref` is the engine's id of the fact ("L12", "P3"), the one
 * notices and lot histories name.
 */

/** Who wrote a fact and when: recordedAt is when it was entered, not when it happened. */
export interface Provenance {
  readonly recordedAt: string
  /** manual | preset | import | restore */
  readonly source: string
  /** The batch (undo unit) that wrote it. */
  readonly batchId: number | null
}

export type ExpiryView =
  | { readonly kind: 'never' }
  | { readonly kind: 'at'; readonly at: string }
  | { readonly kind: 'after'; readonly duration: string }
  | { readonly kind: 'end_of_local_day' }

export type RolloverView =
  | { readonly mode: 'none' }
  | { readonly mode: 'full' }
  | { readonly mode: 'fraction'; readonly numerator: number; readonly denominator: number }
  | { readonly mode: 'capped'; readonly cap: AmountView }

export interface PlanView extends Provenance {
  readonly id: number
  readonly ref: string
  readonly accountId: number
  readonly name: string
  readonly kind: 'allowance' | 'addon' | 'annual_release' | 'daily' | 'commitment'
  /** The first period's start as an instant, and as the wall-clock time in `zone` boundaries are computed from. */
  readonly anchor: string
  readonly anchorLocal: string
  readonly zone: string
  readonly interval: string
  readonly amountPerPeriod: AmountView
  readonly price: AmountView | null
  /** per_period: `price` is one period's; total: the whole term's, split exactly over `periods`. */
  readonly priceBasis: 'per_period' | 'total'
  readonly periods: number | null
  /** Cancellation: no period starts at or after it; null = runs on. */
  readonly endsAt: string | null
  readonly lot: {
    readonly kind: LotKind
    readonly funding: Funding
    readonly priority: number
    readonly tags: readonly string[]
    readonly expiry: { readonly kind: 'period' } | ExpiryView
  }
  readonly rollover: RolloverView
  readonly rolled: { readonly periods: number | null; readonly priority: number }
  readonly rolledLostOnEnd: boolean
  /** The plan this one continues (a plan change). */
  readonly replaces: number | null
}

export interface RechargeRuleView extends Provenance {
  readonly id: number
  readonly ref: string
  readonly accountId: number
  readonly threshold: AmountView
  readonly mode: 'fixed' | 'target'
  readonly amount: AmountView
  readonly monthlyMaxCount: number | null
  readonly monthlyMaxAmount: AmountView | null
  readonly enabledFrom: string
  readonly enabledUntil: string | null
  readonly lot: { readonly priority: number; readonly expiry: ExpiryView }
  /**
   * What one whole unit of the account costs (rounded half-even to micro-units if the stored fraction is finer), and
   * the exact fraction: numerator money minor units per denominator minor units of the account unit.
   */
  readonly unitPrice: { readonly price: AmountView; readonly numerator: number; readonly denominator: number } | null
  readonly confirmWithin: string
}

export interface LotEventView extends Provenance {
  readonly id: number
  readonly lotId: number
  readonly kind: 'void' | 'retract' | 'expiry_change'
  /** When it took effect (a retract applies to the whole history; its `at` is when it was entered). */
  readonly at: string
  readonly mode: 'forward' | 'clawback' | null
  /** expiry_change: the new expiry, null = never. */
  readonly expiresAt: string | null
  readonly note: string | null
}

export interface LotView extends Provenance {
  readonly id: number
  readonly ref: string
  readonly accountId: number
  readonly kind: LotKind
  readonly funding: Funding
  readonly amount: AmountView
  /** null = unknown; 0 = free. */
  readonly cost: AmountView | null
  readonly effectiveAt: string
  readonly expiry: ExpiryView
  /** The stored rule resolved in the account's zone (before any expiry change); null = never. */
  readonly expiresAt: string | null
  readonly priority: number
  readonly tags: readonly string[]
  readonly planId: number | null
  readonly note: string | null
  readonly retracted: boolean
  readonly events: readonly LotEventView[]
}

export interface UsageView extends Provenance {
  readonly id: number
  readonly ref: string
  readonly accountId: number
  readonly occurredAt: string
  readonly amount: AmountView
  readonly billable: boolean
  readonly tags: readonly string[]
  /** What a rate table priced, when it did. */
  readonly action: string | null
  readonly quantity: number | null
  readonly note: string | null
}

/** usage.add's answer: the row, and how its amount was reached. */
export interface UsageAdded extends UsageView {
  /** The typed amount or the priced product had more decimals than the unit: rounded half-even (DESIGN §4). */
  readonly rounded: boolean
  /** The rate entry that priced action × quantity. */
  readonly rate: {
    readonly id: number
    readonly effectiveFrom: string
    readonly amount: AmountView
    readonly per: number
  } | null
}

export interface UsagePage {
  /** Newest first. */
  readonly items: readonly UsageView[]
  /** Rows matching the filter, on every page. */
  readonly total: number
  /** Pass as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null
}

export interface ObservationView extends Provenance {
  readonly id: number
  readonly ref: string
  readonly accountId: number
  readonly at: string
  readonly balance: AmountView
  readonly tolerance: AmountView
  readonly note: string | null
}

/** `amount` (numerator minor units of the account unit) per `per` (denominator) units of quantity, exactly. */
export interface RateView extends Provenance {
  readonly id: number
  readonly accountId: number
  readonly key: string
  readonly effectiveFrom: string
  readonly amount: AmountView
  readonly per: number
}
