import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Account, Vendor } from '@shared/catalog/types'
import type { Backend } from '../../electron/backend/backend'
import { closeConnection, openConnection, type Connection } from '../../electron/backend/db/connection'
import { fakeClock, openTestBackend, tempDir, value } from './helpers'

const opened: Connection[] = []
afterEach(() => {
  for (const db of opened.splice(0)) closeConnection(db)
})

/** A backend with one vendor and accounts in USD (scale 6) and in whole credits, for the fact tests. */
export interface FactsFixture {
  readonly backend: Backend
  readonly clock: ReturnType<typeof fakeClock>
  readonly usd: Account
  readonly credits: Account
  /** A second connection on the same file, to read what the engine would load. */
  readonly sql: () => Connection
  /** dispatch and unwrap an ok result (fails the test with the error otherwise). */
  readonly call: <T>(method: string, input: unknown) => Promise<T>
  /** dispatch and return the failed result's error (fails the test when it succeeded). */
  readonly fail: (
    method: string,
    input: unknown,
  ) => Promise<{ code: string; message: string; fields?: Record<string, string> }>
}

export const NOW = Date.UTC(2026, 10, 22, 9, 0, 0)

export const factsFixture = async (
  usdZone = 'America/Los_Angeles',
  creditZone = 'Europe/Berlin',
): Promise<FactsFixture> => {
  const clock = fakeClock(NOW)
  const dbPath = join(tempDir(), 'ledger.db')
  const backend = await openTestBackend(dbPath, clock)
  const sql = () => {
    const db = openConnection(dbPath)
    opened.push(db)
    return db
  }
  const call = async <T>(method: string, input: unknown): Promise<T> =>
    value(await backend.dispatch(method, input)) as T
  const fail = async (method: string, input: unknown) => {
    const result = await backend.dispatch(method, input)
    if (result.ok) throw new Error(`expected ${method} to fail, got ${JSON.stringify(result.value)}`)
    return result.error as { code: string; message: string; fields?: Record<string, string> }
  }
  const vendor = await call<Vendor>('vendors.add', { name: 'Acme AI' })
  const usd = await call<Account>('accounts.add', {
    vendorId: vendor.id,
    name: 'API',
    unitId: 'USD',
    currency: 'USD',
    timeZone: usdZone,
  })
  const credits = await call<Account>('accounts.add', {
    vendorId: vendor.id,
    name: 'Plan',
    unitId: 'credits',
    currency: 'EUR',
    timeZone: creditZone,
  })
  return { backend, clock, usd, credits, sql, call, fail }
}
