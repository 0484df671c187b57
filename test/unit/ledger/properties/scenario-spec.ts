import type { DrawdownPolicy } from '@shared/ledger/drawdown-order'
import type { Funding, LotKind, ProgramFact, RolloverRule } from '@shared/ledger/model'

/**
 * The "scenario": a plain, well-shrinking description of random but valid facts for one account. Times are wall-clock
 * day + minute in the account's zone, or a reference to an instant that matters (a lot's effective time or expiry, a
 * program boundary). The generators (scenario-arbitraries.ts) produce these; build-facts.ts turns them into facts.
 */

export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'] as const
export const TAGS = ['m:a', 'm:b', 'm:c'] as const
/** Day 0 is 2026-01-01 (local, in the account's zone); the range crosses every DST change of the zones above. */
export const DAYS = 120

export type When = { readonly day: number; readonly minute: number } | { readonly ref: number }

export type ExpirySpec =
  | { readonly kind: 'never' }
  /** `at` effective time + offset × 15 minutes (always after the effective time). */
  | { readonly kind: 'at'; readonly offset: number }
  | { readonly kind: 'after'; readonly duration: string }
  | { readonly kind: 'end_of_local_day' }

export interface LotSpec {
  readonly seq: number
  readonly kind: LotKind
  readonly funding: Funding
  readonly amount: number
  readonly cost: number | null
  readonly effective: When
  readonly expiry: ExpirySpec
  readonly priority: number
  readonly tags: readonly string[]
  /** Index of a program (mod the program count) whose end also ends this lot. */
  readonly endsWithProgram: number | null
}

export interface UsageSpec {
  readonly seq: number
  readonly at: When
  readonly amount: number
  readonly tags: readonly string[]
  readonly billable: boolean
}

export interface ProgramSpec {
  readonly seq: number
  readonly kind: ProgramFact['kind']
  readonly anchorDay: number
  readonly anchorMinute: number
  /** null: the account's zone. */
  readonly anchorZone: string | null
  readonly interval: string
  readonly amount: number
  readonly costPerPeriod: number | null
  readonly totalCost: number | null
  readonly periods: number | null
  readonly endsAt: When | null
  readonly lotKind: LotKind
  readonly funding: Funding
  readonly priority: number
  readonly tags: readonly string[]
  readonly expiry: 'period' | ExpirySpec
  readonly rollover: RolloverRule
  readonly rolledPeriods: number | null
  readonly rolledPriority: number
  readonly rolledLostOnEnd: boolean
}

export type EventSpec =
  | {
      readonly seq: number
      readonly kind: 'void'
      readonly target: number
      readonly at: When
      readonly mode: 'forward' | 'clawback'
    }
  | { readonly seq: number; readonly kind: 'retract'; readonly target: number }
  | {
      readonly seq: number
      readonly kind: 'expiry_change'
      readonly target: number
      readonly at: When
      readonly expiresAt: When | null
    }

export interface RuleSpec {
  readonly seq: number
  readonly threshold: number
  readonly mode: 'fixed' | 'target'
  /** fixed: the amount bought; target: how far above the threshold the target is. */
  readonly amount: number
  readonly monthlyMaxCount: number | null
  readonly monthlyMaxAmount: number | null
  readonly enabledFrom: When | null
  readonly enabledUntil: When | null
  readonly priority: number
  readonly expiry: ExpirySpec
  readonly costPerUnit: boolean
  readonly confirmWithinHours: number
}

export interface ObservationSpec {
  readonly at: When
  readonly balance: number
  readonly tolerance: number
}

export interface Scenario {
  readonly zone: string
  readonly policy: DrawdownPolicy
  readonly overdraft: { readonly mode: 'none' | 'unlimited' | 'limit'; readonly limit: number }
  /** Bill overage with program #n (mod the program count) instead of repaying it from credit. */
  readonly billedWith: number | null
  readonly lots: readonly LotSpec[]
  readonly usage: readonly UsageSpec[]
  readonly programs: readonly ProgramSpec[]
  readonly events: readonly EventSpec[]
  readonly rules: readonly RuleSpec[]
  readonly observations: readonly ObservationSpec[]
}
