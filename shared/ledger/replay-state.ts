import type { LotState } from './lot-state'
import type { RechargeMonths, RechargeRuleState } from './recharge'
import type { DebtSlice, Notice } from './results'

/**
 * 2: same-instant phases and tie-breaks changed (program ends before expiries, ties by key) and rolled parts keep
 * their parent's unit price, so a version-1 checkpoint may differ from a replay now: it is not resumed.
 */
export const ENGINE_VERSION = 3

/**
 * Everything a replay needs to resume at `processedBefore` as if it had run from the start: the checkpoint.
 * Plain data (JSON-safe), so the backend can persist it per account.
 */
export interface ReplayState {
  readonly engineVersion: number
  /** The drawdown policy the state was computed with (version and key order): another one invalidates it. */
  readonly policy: string
  /** Every event with an instant before this has been applied; null = nothing yet. */
  readonly processedBefore: number | null
  readonly lots: readonly LotState[]
  readonly debt: readonly DebtSlice[]
  readonly programs: Readonly<Record<string, { readonly nextOpen: number; readonly ended: boolean }>>
  readonly recharge: Readonly<Record<string, RechargeRuleState>>
  readonly rechargeMonths: RechargeMonths
  readonly notices: readonly Notice[]
}

/** A deep copy: resuming must never mutate the checkpoint it started from. */
export const cloneLots = (lots: readonly LotState[]): LotState[] =>
  lots.map((lot) => {
    const history = [...lot.history]
    // the last entry is summed into in place by recordUse: give the copy its own
    const last = history[history.length - 1]
    if (last !== undefined) history[history.length - 1] = { ...last }
    return { ...lot, history }
  })

export const cloneRecharge = (recharge: ReplayState['recharge']): Record<string, RechargeRuleState> =>
  Object.fromEntries(
    Object.entries(recharge).map(([id, state]) => [id, { open: [...state.open], blockedUntil: state.blockedUntil }]),
  )

export const cloneMonths = (months: RechargeMonths): RechargeMonths =>
  Object.fromEntries(Object.entries(months).map(([key, value]) => [key, { ...value }]))

/** Two policies with the same version but another key order (DEFAULT vs FREE_FIRST) must not share checkpoints. */
export const policyFingerprint = (policy: { readonly version: number; readonly keys: readonly string[] }): string =>
  `${policy.version}:${policy.keys.join(',')}`
