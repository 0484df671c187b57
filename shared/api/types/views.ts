import type { Funding, LotKind } from '../../ledger/model'
import type { LotHistoryEntry, LotStatus } from '../../ledger/results'
import type { AmountView } from '../../money/amount-view'

/**
 * What the read side of the ledger answers (issue 4 §2): balances, buckets, timeline, expiring credit, forecast,
 * lot history, notices and reports. Amounts are AmountViews (decimal text, exact minor units, unit); instants are
 * ISO 8601 UTC strings; engine ids are kept ("L12" a stored lot, "P3#5" period 5 of plan 3).
 */

export interface AccountRef {
  readonly id: number
  readonly name: string
  readonly vendorId: number
  readonly vendorName: string
  /** What the balance is counted in. */
  readonly unitId: string
  /** What the vendor bills in. */
  readonly currency: string
}

/** One lot as the replay computed it (engine LotResult without its history). */
export interface LotView {
  /** Engine id: "L12" (stored lot 12), "P3#5" (period 5 of plan 3), "P3#5>rolled", a projected recharge… */
  readonly id: string
  /** The lots table id for stored lots; null for lots a plan or a rule generated. */
  readonly storedId: number | null
  /** "P3" for lots a plan released; null otherwise. */
  readonly programId: string | null
  readonly periodIndex: number | null
  /** The lot a rolled part came from. */
  readonly parentLotId: string | null
  readonly kind: LotKind
  readonly funding: Funding
  /** scheduled: not yet effective; active: usable (possibly used up); closed: expired, voided or rolled out. */
  readonly status: LotStatus
  /** An auto-recharge the rule implies but no recorded purchase has confirmed yet. */
  readonly projected: boolean
  readonly granted: AmountView
  readonly remaining: AmountView
  readonly consumed: AmountView
  readonly expired: AmountView
  readonly voided: AmountView
  readonly rolledOut: AmountView
  readonly effectiveAt: string
  readonly expiresAt: string | null
  readonly closedAt: string | null
  /** What was paid for the whole lot, in its currency; null when unknown. */
  readonly cost: AmountView | null
  readonly priority: number
  /** Applicability: empty = any usage; otherwise only usage carrying one of these tags. */
  readonly tags: readonly string[]
}

/** An FX rate a converted total used: 1 base = rate quote, in force from effectiveDate. */
export interface RateUsed {
  readonly base: string
  readonly quote: string
  readonly rate: string
  readonly effectiveDate: string
  /** The pair was entered the other way round (1 quote = x base) and is used as 1 / x. */
  readonly inverted: boolean
}

/** Amounts that could not be converted: no rate of the pair (either way round) on or before their dates. */
export interface MissingRate {
  readonly base: string
  readonly quote: string
  readonly firstDate: string
  readonly lastDate: string
  /** How many amounts lacked it. */
  readonly count: number
}

/** A total in the home currency. Never a silent 1:1: `value` is null while any rate is missing. */
export interface HomeTotal {
  readonly currency: string
  /** The full total; null when some amount could not be converted (see missingRates). */
  readonly value: AmountView | null
  /** The part that could be converted (equals value when nothing is missing). */
  readonly converted: AmountView
  readonly rates: readonly RateUsed[]
  readonly missingRates: readonly MissingRate[]
}

/** What an account's remaining credit is worth in money, and how that was decided. */
export interface HoldingValue {
  /** balance: the unit is a currency, so the balance is money; cost: Σ remaining × cost / granted of live lots. */
  readonly basis: 'balance' | 'cost'
  /** Per currency (lots bought in two currencies stay apart); empty when nothing could be valued. */
  readonly value: readonly AmountView[]
  /** Credits whose lots have no recorded cost (basis cost): they are left out of `value`. */
  readonly unvalued: AmountView
}

export interface AccountBalance {
  readonly account: AccountRef
  readonly at: string
  /** remaining − debt: what the vendor's dashboard should show. */
  readonly balance: AmountView
  readonly remaining: AmountView
  readonly debt: AmountView
  /** Part of remaining in auto-recharges no receipt has confirmed yet. */
  readonly projected: AmountView
  readonly value: HoldingValue
  /** As asked (input `lots`): none; live = holding credit at `at` or not yet effective; all. */
  readonly lots: readonly LotView[]
}

export interface UnitTotal {
  readonly unit: string
  readonly balance: AmountView
  readonly remaining: AmountView
  readonly debt: AmountView
}

export interface Balances {
  readonly at: string
  readonly accounts: readonly AccountBalance[]
  readonly totals: {
    /** Per unit of account (credits of different vendors' units are never added together). */
    readonly byUnit: readonly UnitTotal[]
    /** The money value of the holdings per currency (see HoldingValue). */
    readonly byCurrency: readonly AmountView[]
    /** Credits that could not be valued, per unit. */
    readonly unvalued: readonly AmountView[]
    /** byCurrency converted at the rates in force on the local date of `at`. */
    readonly home: HomeTotal
  }
}

export interface KindBucket {
  readonly kind: LotKind
  readonly lots: number
  readonly remaining: AmountView
  readonly consumed: AmountView
  readonly expired: AmountView
}

export interface DrawdownEntry {
  /** 1 = drawn first. */
  readonly position: number
  readonly lot: LotView
  /** The lot the next untagged usage draws from. */
  readonly nextToDraw: boolean
  /** Restricted lots are drawn first, but only by usage carrying one of these tags. */
  readonly restrictedTo: readonly string[]
}

export interface AccountBuckets {
  readonly account: AccountRef
  readonly at: string
  readonly drawdown: 'default' | 'free_first'
  readonly balance: AmountView
  readonly remaining: AmountView
  readonly debt: AmountView
  readonly projected: AmountView
  /** Every kind some lot of the account has, in the engine's kind order. */
  readonly byKind: readonly KindBucket[]
  readonly byFunding: readonly { readonly funding: Funding; readonly remaining: AmountView }[]
  /** Live lots (usable at `at`, credit left) in the order usage will draw them. */
  readonly order: readonly DrawdownEntry[]
}

export interface TimelineBar {
  readonly account: AccountRef
  readonly lotId: string
  readonly storedId: number | null
  readonly programId: string | null
  readonly kind: LotKind
  readonly status: LotStatus
  readonly start: string
  /** When it closed (expiry, void, period end), else its expiry; null = open-ended. */
  readonly end: string | null
  readonly granted: AmountView
  readonly consumed: AmountView
  readonly remaining: AmountView
  readonly expired: AmountView
  /** Starts after now: the amounts assume no usage after now. */
  readonly future: boolean
}

export interface TimelineMarker {
  readonly type: 'renewal' | 'expiry' | 'plan_end'
  readonly at: string
  readonly account: AccountRef
  readonly programId: string | null
  readonly programName: string | null
  readonly lotId: string | null
  /** expiry: what expired (or would, with no usage after now); renewal: what the period grants. */
  readonly amount: AmountView | null
  readonly future: boolean
}

export interface Timeline {
  readonly from: string
  readonly to: string
  readonly now: string
  readonly bars: readonly TimelineBar[]
  readonly markers: readonly TimelineMarker[]
}

export interface ExpiringLotView {
  readonly account: AccountRef
  readonly lotId: string
  readonly storedId: number | null
  readonly kind: LotKind
  /** When it is expected to go (its expiry, or the end of the plan it depends on). */
  readonly expiresAt: string
  readonly reason: string
  readonly remainingNow: AmountView
  /** What the account's trailing pace leaves unused at that moment (0: it will be used up first). */
  readonly expectedUnused: AmountView
  /** expectedUnused × cost / granted; null when the cost is unknown. */
  readonly expectedValue: AmountView | null
  /** Restricted lots are never drawn by the (untagged) pace, so all their remaining is expected unused. */
  readonly restricted: boolean
}

export interface Expiring {
  readonly at: string
  readonly until: string
  readonly lots: readonly ExpiringLotView[]
  /** Σ expectedValue per currency, and in the home currency. */
  readonly expectedValue: readonly AmountView[]
  readonly home: HomeTotal
}

export interface RiskView {
  readonly unused: AmountView
  readonly value: readonly AmountView[]
  /** Unused credit whose cost is unknown, so not in `value`. */
  readonly unknownCost: AmountView
}

export interface AccountForecast {
  readonly account: AccountRef
  readonly now: string
  readonly horizonEnd: string
  readonly rate: {
    readonly windowStart: string
    readonly windowEnd: string
    readonly used: AmountView
    readonly count: number
    /** For display; projections use the exact fraction used / window. */
    readonly perDay: AmountView
  }
  readonly balanceNow: AmountView
  readonly projectedUsage: AmountView
  /** When the balance reaches 0 at this pace; null = not within the horizon. */
  readonly depletedAt: string | null
  readonly atRisk: { readonly within30Days: RiskView; readonly within90Days: RiskView; readonly horizon: RiskView }
  readonly expiring: readonly ExpiringLotView[]
  readonly notices: readonly NoticeView[]
}

export interface LotHistoryLine {
  readonly at: string
  readonly type: LotHistoryEntry['type']
  readonly amount: AmountView
  readonly count: number | null
  readonly note: string | null
}

export interface PaidUsage {
  readonly usageId: string
  readonly storedId: number | null
  readonly at: string
  /** The part of the usage this lot paid (a usage may be split over lots). */
  readonly amount: AmountView
  readonly tags: readonly string[]
  readonly note: string | null
}

export interface LotHistory {
  readonly account: AccountRef
  readonly at: string
  readonly lot: LotView
  /** The latest entries (at most 500), oldest first. */
  readonly history: readonly LotHistoryLine[]
  readonly historyTotal: number
  /** The latest usage it paid (at most 500), oldest first, and the totals over all of it. */
  readonly paid: readonly PaidUsage[]
  readonly paidTotal: { readonly count: number; readonly amount: AmountView }
}

export type NoticeKind =
  | 'over_limit'
  | 'negative_balance'
  | 'recharge_blocked'
  | 'recharge_projected'
  | 'drift'
  | 'commitment_shortfall'
  | 'overage_billed'
  | 'event_ignored'

export interface NoticeView {
  readonly account: AccountRef
  readonly kind: NoticeKind
  readonly at: string
  readonly message: string
  /** The amount the notice is about (debt, unused commitment, billed overage, drift), when there is one. */
  readonly amount: AmountView | null
  /** Engine ids it refers to: a lot, a usage, a plan, a recharge rule, an observation. */
  readonly ref: string | null
}

export type { ReportGrouping, SpendReport, SpendRow, SubscriptionsReport, SubscriptionView, UsageRow } from './reports'
