import { ENGINE_VERSION, type ReplayState } from '@shared/ledger/replay-state'
import { DAY_MS } from '@shared/time/calendar'
import { isBusyError, type Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/**
 * Persisted replay checkpoints (DESIGN §3, issue 4 §3): a cache of one account's ReplayState, valid for every fact
 * before `processed_before`. Migration 0003's triggers delete a checkpoint in the same transaction as any fact at or
 * before it, so a stored one is never stale; this module only reads, writes and places them.
 */

/**
 * Checkpoints sit at the UTC day start two days before now, not at now: usage keeps arriving late (an import of
 * yesterday's export, a sync of the last hours), and every fact before a checkpoint deletes it. Two days back, the
 * usual late data lands after it and the checkpoint survives; a read replays at most ~3 days of usage on top.
 */
export const CHECKPOINT_LAG_DAYS = 2

export const checkpointInstant = (now: number): number =>
  Math.floor(now / DAY_MS) * DAY_MS - CHECKPOINT_LAG_DAYS * DAY_MS

export interface StoredCheckpoint {
  readonly processedBefore: number
  readonly state: ReplayState
}

interface CheckpointRow {
  readonly processed_before: number
  readonly engine_version: number
  readonly policy: string
  readonly state: string
}

/**
 * The account's checkpoint when it was made by this engine version under this drawdown policy; undefined otherwise
 * (or when its JSON does not parse: a cache that cannot be read is a cache miss, never an error).
 */
export const readCheckpoint = (db: Connection, accountId: number, policy: string): StoredCheckpoint | undefined => {
  const row = preparedFor(db)(
    'SELECT processed_before, engine_version, policy, state FROM checkpoints WHERE account_id = ?',
  ).get(accountId) as CheckpointRow | undefined
  if (row === undefined || row.engine_version !== ENGINE_VERSION || row.policy !== policy) return undefined
  try {
    const state = JSON.parse(row.state) as ReplayState
    if (state.processedBefore !== row.processed_before) return undefined
    return { processedBefore: row.processed_before, state }
  } catch {
    return undefined
  }
}

/**
 * A cheap consistency check before trusting a checkpoint: it must hold every stored lot effective before it (less
 * retracted ones). A resumed read does not load those lots' facts (loadFacts with lotsFrom), so the engine could not notice a
 * missing one itself; the triggers make this never happen, and if it ever did, the read replays from scratch.
 */
export const coversStoredLots = (db: Connection, accountId: number, state: ReplayState): boolean => {
  const lots: unknown = state.lots
  if (state.processedBefore === null || !Array.isArray(lots)) return false
  const { n } = preparedFor(db)(
    `SELECT count(*) AS n FROM lots WHERE account_id = ? AND effective_at < ?
       AND id NOT IN (SELECT lot_id FROM lot_events WHERE account_id = ? AND kind = 'retract')`,
  ).get(accountId, state.processedBefore, accountId) as { n: number }
  let held = 0
  for (const lot of state.lots) if (/^L[1-9]\d*$/.test(lot.id)) held += 1
  return held === n
}

export interface CheckpointWrite {
  readonly accountId: number
  readonly state: ReplayState
}

/** `PRAGMA data_version`: changes when another connection commits. Read before loading the facts a state is made of. */
export const dataVersion = (db: Connection): number => db.pragma('data_version', { simple: true }) as number

const isReadOnlyError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY')
}

/**
 * Store checkpoints computed from facts read when data_version was `readVersion`. Best effort, and never a wait: a
 * read must not queue behind another process's long write (an import holds the lock for seconds), so the busy
 * timeout is 0 for this one small transaction and SQLITE_BUSY means "not this time". Not a batch: a cache is not an
 * undoable change. If another connection committed since the facts were read, the states may be stale: skipped.
 * Inside a caller's transaction (a mutation reading a balance) nothing is written either.
 */
export const saveCheckpoints = (
  db: Connection,
  writes: readonly CheckpointWrite[],
  readVersion: number,
  now: number,
): boolean => {
  if (writes.length === 0 || db.inTransaction || db.readonly) return false
  const previous = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    return db
      .transaction(() => {
        if (dataVersion(db) !== readVersion) return false
        const upsert = preparedFor(db)(
          `INSERT INTO checkpoints (account_id, processed_before, engine_version, policy, state, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id) DO UPDATE SET processed_before = excluded.processed_before,
             engine_version = excluded.engine_version, policy = excluded.policy, state = excluded.state,
             recorded_at = excluded.recorded_at`,
        )
        for (const { accountId, state } of writes) {
          if (state.processedBefore === null) continue
          upsert.run(accountId, state.processedBefore, state.engineVersion, state.policy, JSON.stringify(state), now)
        }
        return true
      })
      .immediate()
  } catch (error) {
    if (isBusyError(error) || isReadOnlyError(error)) return false
    throw error
  } finally {
    db.pragma(`busy_timeout = ${String(previous)}`)
  }
}

/** Drop a checkpoint the engine refused (stale or malformed); best effort like saving. */
export const dropCheckpoint = (db: Connection, accountId: number): void => {
  if (db.inTransaction || db.readonly) return
  const previous = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    preparedFor(db)('DELETE FROM checkpoints WHERE account_id = ?').run(accountId)
  } catch (error) {
    if (!isBusyError(error) && !isReadOnlyError(error)) throw error
  } finally {
    db.pragma(`busy_timeout = ${String(previous)}`)
  }
}
