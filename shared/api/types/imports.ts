import type { AmountView } from '../../money/amount-view'

/** What an import would do (preview) or did (commit): issue 5 §6. Instants are ISO 8601 UTC. */

export interface ImportProblemView {
  readonly line: number
  readonly column: string | null
  readonly reason: string
}

/** Why the file cannot be imported as it is, and what to do (choose a date format, a profile, an account). */
export type ImportQuestion =
  | { readonly kind: 'unknown_format'; readonly message: string; readonly header: readonly string[] }
  | {
      readonly kind: 'date_format'
      readonly message: string
      readonly column: string
      readonly formats: readonly string[]
    }
  | { readonly kind: 'no_date_format'; readonly message: string; readonly column: string }
  | {
      readonly kind: 'account'
      readonly message: string
      readonly candidates: readonly { readonly id: number; readonly name: string }[]
    }
  | { readonly kind: 'fault'; readonly message: string; readonly line: number }
  | { readonly kind: 'empty'; readonly message: string }

export interface ImportTotal {
  readonly vendor: string | null
  readonly amount: AmountView
  readonly rows: number
}

export interface ImportSample {
  readonly line: number
  readonly kind: 'usage' | 'charge'
  readonly at: string
  readonly amount: AmountView
  readonly detail: string
}

export interface CreditNeededView {
  readonly line: number
  /** The statement's date (local, as printed). */
  readonly date: string
  readonly descriptor: string
  readonly paid: AmountView
  readonly account: { readonly id: number; readonly unitId: string }
}

export interface ImportReport {
  readonly file: { readonly name: string; readonly bytes: number; readonly sha256: string }
  readonly format: {
    readonly profile: string
    readonly name: string
    readonly version: string
    readonly kind: 'usage' | 'charges'
  } | null
  readonly encoding: string | null
  readonly delimiter: string
  readonly headerLine: number | null
  readonly dateFormat: string | null
  readonly account: { readonly id: number; readonly name: string; readonly unitId: string } | null
  readonly counts: {
    readonly read: number
    readonly new: number
    readonly duplicate: number
    /** Statement charges linked to a purchase already recorded (not added twice). */
    readonly matched: number
    readonly rejected: number
    /** Rows with nothing to import: empty buckets, footer totals, statement lines of other merchants. */
    readonly skipped: number
    /** New rows whose amount had more decimals than the unit holds, rounded half-even. */
    readonly rounded: number
  }
  /** New rows' totals per vendor and unit or currency. */
  readonly totals: readonly ImportTotal[]
  readonly from: string | null
  readonly to: string | null
  readonly samples: readonly ImportSample[]
  /** The first refused rows, by line (all of them are counted in counts.rejected). */
  readonly rejected: readonly ImportProblemView[]
  readonly fault: ImportProblemView | null
  /** Set when the file cannot be imported as it is: nothing is written until it is answered. */
  readonly question: ImportQuestion | null
  /** An earlier import of the same bytes (re-importing it adds nothing). */
  readonly alreadyImported: { readonly batchId: number; readonly committedAt: string } | null
  /**
   * Purchases that bought credits without saying how many (a €9.31 charge for USD credits): recorded as payments;
   * give their amounts (`credits` by line) to record the credits as lots with the preset's expiry.
   */
  readonly creditNeeded: readonly CreditNeededView[]
  /** Set by a commit: the import batch to undo it by. */
  readonly batchId: number | null
}

export interface ImportListItem {
  readonly batchId: number
  readonly fileName: string
  readonly profile: string
  readonly accountId: number | null
  readonly counts: ImportReport['counts']
  readonly from: string | null
  readonly to: string | null
  readonly state: 'committed' | 'undone'
  readonly committedAt: string
  readonly undoneAt: string | null
  readonly rejected: readonly ImportProblemView[]
}

/** A saved column mapping (shared/import/mapping.ts UserMapping, kept opaque here). */
export interface SavedMappingView {
  readonly id: number
  readonly name: string
  /** The profile id imports use for it ("mapping:hdr1:…"). */
  readonly profileId: string
  readonly mapping: unknown
  readonly savedAt: string
}

export interface UserMerchantRuleView {
  readonly id: number
  readonly pattern: string
  readonly vendorId: number
  readonly vendor: string
  readonly accountId: number | null
  readonly purpose: 'subscription' | 'purchase' | 'ignore'
  readonly createdAt: string
}

export interface MerchantRulesView {
  readonly user: readonly UserMerchantRuleView[]
  readonly shipped: readonly {
    readonly id: string
    readonly pattern: string
    readonly vendor: string
    readonly purpose: 'subscription' | 'purchase'
    readonly presetId: string | null
  }[]
}
