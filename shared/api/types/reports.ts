import type { AmountView } from '../../money/amount-view'
import type { AccountRef, HomeTotal } from './views'

/** What reports.spend and reports.subscriptions answer (issue 4 §2); re-exported by ./views.ts. */

export interface SpendRow {
  readonly key: string
  readonly label: string
  readonly amounts: readonly AmountView[]
  readonly home: AmountView | null
  readonly payments: number
}

export interface UsageRow {
  readonly key: string | null
  readonly label: string
  readonly amounts: readonly AmountView[]
  readonly count: number
}

export type ReportGrouping = 'month' | 'year' | 'vendor' | 'account' | 'project' | 'tag'

export interface SpendReport {
  readonly by: ReportGrouping
  readonly from: string | null
  readonly to: string
  readonly spend: {
    /** Empty for project and tag: money is paid per account, not per project (see `note`). */
    readonly rows: readonly SpendRow[]
    readonly totals: readonly AmountView[]
    readonly home: HomeTotal
    readonly note: string | null
  }
  readonly usage: {
    readonly rows: readonly UsageRow[]
    readonly totals: readonly AmountView[]
    readonly count: number
    readonly note: string | null
  }
}

export interface SubscriptionView {
  readonly programId: string
  readonly storedId: number
  readonly account: AccountRef
  readonly name: string
  readonly kind: string
  readonly interval: string
  /** One period's price (a total-priced plan: total / periods); null when the plan has no recorded price. */
  readonly pricePerPeriod: AmountView | null
  readonly perMonth: AmountView | null
  /** How perMonth was derived, e.g. "240.00 USD / 12 months"; exact = false when it was rounded (half-even). */
  readonly formula: string | null
  readonly exact: boolean
  readonly nextRenewal: string | null
  readonly endsAt: string | null
}

export interface SubscriptionsReport {
  readonly at: string
  readonly plans: readonly SubscriptionView[]
  readonly perMonth: readonly AmountView[]
  readonly home: HomeTotal
  readonly rounding: string
}
