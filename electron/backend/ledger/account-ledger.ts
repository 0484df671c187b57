import type { LedgerFacts } from '@shared/ledger/model'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { policyFingerprint, type ReplayState } from '@shared/ledger/replay-state'
import type { ServiceContext } from '../services/context'
import {
  checkpointInstant,
  coversStoredLots,
  dataVersion,
  dropCheckpoint,
  readCheckpoint,
  saveCheckpoints,
  type CheckpointWrite,
} from './checkpoints'
import { accountSpecOf } from './fact-rows'
import { loadAccountPolicy, loadFacts } from './load-facts'

/**
 * One account's ledger as of an instant, through its persisted checkpoint (DESIGN §3: appending is O(new facts)).
 * A usable checkpoint (same engine and policy, at or before `until`) means only the usage at or after it is loaded
 * and replayed; otherwise the replay starts from scratch. Along the way the checkpoint is moved to the lagged
 * instant (checkpoints.ts) when it is missing or older, and saved best-effort once the read is done.
 */

export interface AccountLedger {
  readonly accountId: number
  readonly until: number
  /**
   * The loaded facts: plans, rules and events in full; usage only from the checkpoint (or `usageSince`) on; lots only
   * from the checkpoint on when one was used (earlier ones are in its state: read them from `result.lots`).
   */
  readonly facts: LedgerFacts
  readonly result: ReplayResult
  /** Where the final replay resumed (the stored checkpoint, or one just computed at the lag point); null = scratch. */
  readonly resumedFrom: number | null
  /** A stored checkpoint was used: only the facts after it were replayed. */
  readonly fromStored: boolean
}

export interface LedgerReadOptions {
  /** Also load the usage from this instant on (a forecast's trailing window); the replay still resumes. */
  readonly usageSince?: number
  /** Keep which lot paid which usage: needs the whole history, so the replay starts from scratch. */
  readonly collectAllocations?: boolean
}

interface Computed {
  readonly ledger: AccountLedger
  readonly save: ReplayState | null
  readonly dropStored: boolean
}

const computeOne = (
  ctx: ServiceContext,
  accountId: number,
  until: number,
  options: LedgerReadOptions,
): Computed | undefined => {
  const policyRow = loadAccountPolicy(ctx.db, accountId)
  if (policyRow === undefined) return undefined
  const policy = policyFingerprint(accountSpecOf(policyRow).drawdown)
  const lag = checkpointInstant(ctx.clock.now())
  const full = options.collectAllocations === true
  const candidate = full ? undefined : readCheckpoint(ctx.db, accountId, policy)
  const rejected =
    candidate !== undefined &&
    candidate.processedBefore <= until &&
    !coversStoredLots(ctx.db, accountId, candidate.state)
  const stored = rejected ? undefined : candidate
  const usable = stored !== undefined && stored.processedBefore <= until ? stored : undefined
  // Move the checkpoint forward to the lag point when the read reaches past it (never backward: an as-of query in
  // the past leaves a newer one alone).
  const reachesLag = !full && lag <= until
  const refresh = reachesLag && (stored === undefined || stored.processedBefore < lag)

  const run = (from: ReplayState | undefined, usageFrom: number | undefined, refresh: boolean) => {
    const since = options.usageSince
    const loadFrom = usageFrom === undefined ? since : since === undefined ? usageFrom : Math.min(since, usageFrom)
    const resuming = from !== undefined && usageFrom !== undefined && loadFrom !== undefined
    const facts = loadFacts(ctx.db, accountId, {
      ...(loadFrom === undefined ? {} : { usageFrom: loadFrom }),
      ...(resuming ? { lotsFrom: usageFrom } : {}),
      usageBefore: until,
    })
    if (facts === undefined) return undefined
    let start = from
    let save: ReplayState | null = null
    if (refresh) {
      save = replay(facts, { until: lag, ...(start ? { from: start } : {}) }).state
      start = save
    }
    const result = replay(facts, {
      until,
      ...(start ? { from: start } : {}),
      ...(full ? { collectAllocations: true } : {}),
    })
    return { facts, result, save, resumedFrom: start?.processedBefore ?? null }
  }

  let outcome: ReturnType<typeof run>
  let dropStored = rejected
  let fromStored = usable !== undefined
  try {
    outcome = run(usable?.state, usable?.processedBefore, refresh)
  } catch (error) {
    // A checkpoint the engine refuses (stale, or made under other rules) is a cache miss: replay from scratch, and
    // drop it. Without a checkpoint the error is real and surfaces.
    if (usable === undefined) throw error
    dropStored = true
    fromStored = false
    outcome = run(undefined, undefined, reachesLag)
  }
  if (outcome === undefined) return undefined
  const { facts, result, save, resumedFrom } = outcome
  return { ledger: { accountId, until, facts, result, resumedFrom, fromStored }, save, dropStored }
}

/**
 * The ledgers of several accounts as of `until`, read from one consistent snapshot; refreshed checkpoints are saved
 * together afterwards (one small write, skipped if anything changed meanwhile). Unknown ids are left out.
 */
export const accountLedgers = (
  ctx: ServiceContext,
  accountIds: readonly number[],
  until: number,
  options: LedgerReadOptions = {},
): AccountLedger[] => {
  const { db } = ctx
  const version = dataVersion(db)
  const computed = db
    .transaction(() => accountIds.map((id) => computeOne(ctx, id, until, options)))
    .deferred()
    .filter((one): one is Computed => one !== undefined)
  for (const one of computed) if (one.dropStored) dropCheckpoint(db, one.ledger.accountId)
  const writes: CheckpointWrite[] = computed.flatMap((one) =>
    one.save === null ? [] : [{ accountId: one.ledger.accountId, state: one.save }],
  )
  saveCheckpoints(db, writes, version, ctx.clock.now())
  return computed.map((one) => one.ledger)
}

export const accountLedger = (
  ctx: ServiceContext,
  accountId: number,
  until: number,
  options: LedgerReadOptions = {},
): AccountLedger | undefined => accountLedgers(ctx, [accountId], until, options)[0]
