import type { Clock } from '../clock'
import type { Connection } from '../db/connection'

/** What every service needs: the one connection (owned by the worker), the clock, and where the file lives. */
export interface ServiceContext {
  readonly db: Connection
  readonly clock: Clock
  readonly dbPath: string
}

/** Run a mutation as one write transaction (BEGIN IMMEDIATE, so a second writer waits instead of failing later). */
export const inTransaction = <T>(ctx: ServiceContext, work: () => T): T => ctx.db.transaction(work).immediate()
