import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/**
 * One scheduler delivers per database file (issue 6 §3): the app and `serve` may both have it open. The holder
 * renews well inside LEASE_MS; another process takes over only after it lapsed (its holder crashed or was killed)
 * or was released (a clean shutdown).
 */
export const LEASE_MS = 5 * 60_000
export const RENEW_MS = 60_000

/** Take or renew the lease for `holder` at `now`; true when this holder has it. Call inside a write transaction. */
export const holdLease = (db: Connection, holder: string, now: number): boolean => {
  const prepare = preparedFor(db)
  const current = prepare('SELECT holder, expires_at FROM scheduler_lease WHERE id = 1').get() as
    { holder: string; expires_at: number } | undefined
  if (current !== undefined && current.holder !== holder && current.expires_at > now) return false
  prepare(
    `INSERT INTO scheduler_lease (id, holder, expires_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
  ).run(holder, now + LEASE_MS)
  return true
}

export const releaseLease = (db: Connection, holder: string): void => {
  preparedFor(db)('DELETE FROM scheduler_lease WHERE id = 1 AND holder = ?').run(holder)
}
