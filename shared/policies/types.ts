import type { DrawdownPolicy } from '../ledger/drawdown-order'
import type {
  AccountSpec,
  Cost,
  ExpiryRule,
  Funding,
  LotKind,
  ProgramFact,
  RolledLots,
  RolloverRule,
} from '../ledger/model'
import type { UnitKind } from '../money/units'
import type { Duration } from '../time/duration'

/**
 * Vendor policy presets (DESIGN §2 "policies/"): versioned data that produces ledger facts through pure
 * functions (build.ts, subscription.ts). Every value a vendor could be asked about is a PresetRule that says
 * where it comes from: a captured source with the words that support it, or an explicit assumption with the
 * reason, or (after applyOverrides) the user's own value with the default it replaced. An assumption is never
 * shown as a fact: the UI lists them as "please confirm" (see unconfirmedRules in rules.ts).
 */

/**
 * Where a rule comes from. `file` is what was actually read (a captured seed page or a research note, relative to
 * the shared folder); `url` is the public page that file is, or that it cites (null when it gives none).
 */
export interface Source {
  readonly url: string | null
  readonly file: string | null
  /** ISO date of the source: YYYY-MM-DD, or YYYY-MM when only the month is known. */
  readonly date: string
  /** published: the page's own date; snapshot: when the research note says it read it; captured: the page shows no date, this is when it was captured. */
  readonly dated: 'published' | 'snapshot' | 'captured'
  readonly title: string
}

export type PresetRule<T> =
  | {
      readonly basis: 'source'
      readonly value: T
      readonly source: Source
      /** The words in the source that support the value (verbatim, whitespace aside). */
      readonly quote: string
      /** Further sources saying the same. */
      readonly alsoIn?: readonly { readonly source: Source; readonly quote: string }[]
      /** How the value follows from the quote when it is not literal (e.g. "priority 10 < 20 encodes monthly first"). */
      readonly note?: string
    }
  | {
      readonly basis: 'assumption'
      readonly value: T
      readonly assumption: true
      /** One line: why this value, and what the user should check. */
      readonly reason: string
    }
  | {
      readonly basis: 'user'
      readonly value: T
      /** The preset's own rule this value replaced. */
      readonly default: PresetRule<T>
    }

/** The unit an account of this preset should count in (shared/money/units.ts). */
export interface UnitSuggestion {
  readonly kind: UnitKind
  readonly id: string
  readonly scale: number
  readonly label: string
}

/** A lot template's expiry: an engine rule, or `ask` when the date comes from the grant notice or order form. */
export type ExpiryTemplate = Exclude<ExpiryRule, { kind: 'at' }> | { readonly kind: 'ask' }

export type RefundTerms = { readonly kind: 'none' } | { readonly kind: 'within'; readonly duration: Duration }

/** One kind of lot the vendor creates: a purchase, a free grant, an add-on pack, an admin grant. */
export interface LotTemplate {
  readonly label: string
  readonly kind: LotKind
  readonly funding: PresetRule<Funding>
  /** Lower is drawn first (ledger-semantics §9.13: monthly 10, add-on 20). */
  readonly priority: PresetRule<number>
  readonly expiry: PresetRule<ExpiryTemplate>
  /** Whether the vendor moves expiry dates on request (false: an expiry_change is unlikely, warn early). */
  readonly expiryExtendable: PresetRule<boolean | null>
  readonly refund: PresetRule<RefundTerms | null>
  /** The usual amount of one purchase, in the account unit's minor units; null = the user enters it. */
  readonly packSize: PresetRule<number | null>
  /** What one pack costs; null = unknown, the user enters it. */
  readonly packPrice: PresetRule<Cost | null>
  /** The lot is lost when its subscription ends (top-ups that need an active plan). */
  readonly needsActiveProgram: PresetRule<boolean>
}

/** Where period boundaries are anchored: the subscription's start, the 1st of the month, or local midnight. */
export type AnchorRule =
  { readonly kind: 'billing_date' } | { readonly kind: 'month_start' } | { readonly kind: 'day_start' }

/** RolloverRule, plus a bank capped at N periods' allowance (resolved to `capped` when a program is built). */
export type RolloverTemplate = RolloverRule | { readonly mode: 'capped_periods'; readonly periods: number }

export type ProgramExpiry = 'period' | Exclude<ExpiryRule, { kind: 'at' }>

/**
 * Metered use beyond the allowance, billed in money at each period's end (HubSpot overages, Copilot premium
 * requests): the engine's account.overdraft.billedWith, so it is never taken from next period's credits.
 */
export interface OverageTemplate {
  readonly label: string
  /** Money per `per` units of overage; null = unknown. */
  readonly unitPrice: PresetRule<{ readonly amount: number; readonly per: number; readonly currency: string } | null>
  /** The most overage a period may use (the user's budget or the vendor's cap); beyond it is flagged. null = none set. */
  readonly periodMax: PresetRule<number | null>
  readonly enabledByDefault: PresetRule<boolean | null>
}

/** Something that releases a lot every period: monthly allowance, annual plan released monthly, daily allowance. */
export interface ProgramTemplate {
  readonly label: string
  readonly kind: ProgramFact['kind']
  readonly lotKind: LotKind
  readonly anchor: PresetRule<AnchorRule>
  readonly interval: PresetRule<Duration>
  /** Number of periods (an annual plan released monthly: 12); null = until cancelled. */
  readonly periods: PresetRule<number | null>
  /** Credits per period; null = depends on the plan, the user enters it. */
  readonly amountPerPeriod: PresetRule<number | null>
  /** per_period: what one period costs; total: what the whole term costs (split exactly over the periods). */
  readonly price: PresetRule<Cost | null>
  readonly priceBasis: 'per_period' | 'total'
  readonly funding: PresetRule<Funding>
  readonly priority: PresetRule<number>
  readonly expiry: PresetRule<ProgramExpiry>
  readonly rollover: PresetRule<RolloverTemplate>
  readonly rolled: PresetRule<RolledLots>
  readonly rolledLostOnEnd: PresetRule<boolean>
  /** keep_current_period: a cancellation stops future periods, the current one stays usable to its end. */
  readonly onCancel: PresetRule<'keep_current_period' | 'immediate'>
  readonly overage: OverageTemplate | null
}

export interface RechargeTemplate {
  readonly label: string
  readonly enabledByDefault: PresetRule<boolean | null>
  /** Trigger when the balance falls to this (minor units); null = the user sets it. */
  readonly threshold: PresetRule<number | null>
  readonly mode: PresetRule<'fixed' | 'target'>
  readonly amount: PresetRule<number | null>
  readonly monthlyMaxCount: PresetRule<number | null>
  readonly monthlyMaxAmount: PresetRule<number | null>
  /** The engine counts only auto_recharge lots toward the cap: a vendor that counts manual purchases too differs. */
  readonly manualPurchasesCount: PresetRule<boolean>
  /** The lot template a recharge buys (priority, expiry). */
  readonly lot: string
  readonly pricePerUnit: PresetRule<{
    readonly numerator: number
    readonly denominator: number
    readonly currency: string
  } | null>
}

export interface PresetHeader {
  readonly id: string
  readonly name: string
  readonly vendor: string
  /** Positive; bumped whenever a default changes, so facts made from an older version can say so. */
  readonly version: number
  readonly summary: string
}

export type AccountScope = 'personal' | 'organization' | 'workspace' | 'seat'

export interface CreditPreset extends PresetHeader {
  readonly kind: 'credit'
  readonly account: {
    readonly unit: PresetRule<UnitSuggestion>
    readonly currency: PresetRule<string>
    readonly zone: PresetRule<string>
    readonly drawdown: PresetRule<DrawdownPolicy>
    readonly overdraft: PresetRule<AccountSpec['overdraft']>
    readonly scope: PresetRule<AccountScope>
  }
  readonly lots: Readonly<Record<string, LotTemplate>>
  /** The lot template purchaseLot uses; null when the vendor sells no packs. */
  readonly purchase: string | null
  readonly programs: Readonly<Record<string, ProgramTemplate>>
  readonly recharge: RechargeTemplate | null
  /** Credits charged per action (Schematic-style rate table); null = usage is already in the account unit. */
  readonly rates: PresetRule<Readonly<Record<string, number>>> | null
  /** Further vendor statements worth showing next to the account; no effect on facts. */
  readonly notes: readonly PresetRule<string>[]
}

/** A usage cap that is not a credit balance: rolling windows, weekly message limits. Informational. */
export interface UsageCap {
  readonly label: string
  readonly window:
    | { readonly kind: 'rolling'; readonly duration: Duration }
    | { readonly kind: 'from_first_use'; readonly duration: Duration }
  /** null = the vendor does not publish a number. */
  readonly limit: number | null
}

export interface PlanTemplate {
  readonly label: string
  readonly price: PresetRule<Cost | null>
  readonly interval: PresetRule<Duration>
  /** Credit-like allowances that come with the plan, modelled as programs on their own accounts. */
  readonly allowances: Readonly<Record<string, ProgramTemplate & { readonly unit: PresetRule<UnitSuggestion> }>>
}

export interface SubscriptionPreset extends PresetHeader {
  readonly kind: 'subscription'
  readonly zone: PresetRule<string>
  readonly currency: PresetRule<string>
  readonly plans: Readonly<Record<string, PlanTemplate>>
  readonly renewal: PresetRule<{ readonly anchor: 'billing_date'; readonly autoRenews: boolean }>
  readonly cancellation: PresetRule<{
    readonly access: 'until_period_end' | 'immediate'
    readonly refund: RefundTerms | null
  }>
  readonly limits: readonly PresetRule<UsageCap>[]
  readonly notes: readonly PresetRule<string>[]
}

export type Preset = CreditPreset | SubscriptionPreset
