import type { AmountView } from '../money/amount-view'

/** Who the user pays (OpenAI, Anthropic, Kreator…). */
export interface Vendor {
  readonly id: number
  readonly name: string
  readonly website: string | null
  /** When the vendor was added: ISO 8601 in UTC with a Z, as every instant leaving the backend. */
  readonly createdAt: string
  readonly accountCount: number
}

/** One pool of credits at a vendor (an org, a workspace, a seat), counted in one unit and billed in one currency. */
export interface Account {
  readonly id: number
  readonly vendorId: number
  readonly vendorName: string
  readonly name: string
  /** What the balance is counted in (a currency for prepaid API balances, a credit unit for plan credits). */
  readonly unitId: string
  /** ISO 4217 code the vendor bills this account in. */
  readonly currency: string
  /** The vendor's IANA zone: renewals and expiries of this account are computed in it. */
  readonly timeZone: string
  /** Which lot pays first: the default order, or free credits before paid ones (OpenAI). */
  readonly drawdown: 'default' | 'free_first'
  /**
   * Use beyond the balance: none (recorded as debt and flagged), unlimited, or up to `limit`; `billedWith` names the
   * plan whose periods invoice it in money (pay-as-you-go overage) instead of the next credits repaying it.
   */
  readonly overdraft: {
    readonly mode: 'none' | 'unlimited' | 'limit'
    readonly limit: AmountView
    readonly billedWith: number | null
  }
  /** The vendor preset the account was made from, if any, and its version then. */
  readonly preset: { readonly id: string; readonly version: number } | null
  readonly createdAt: string
}

export interface AppInfo {
  readonly version: string
  readonly dbPath: string
  readonly schemaVersion: number
  readonly sqliteVersion: string
  readonly runtime: string
}

export interface BackupInfo {
  readonly file: string
  /** When the copy was taken: ISO 8601 in UTC with a Z. */
  readonly takenAt: string
  readonly bytes: number
}
