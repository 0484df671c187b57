import type { MethodSpec } from '../define'

/** Reading the ledger: balances as of any instant, timeline, buckets, forecast, expiring, lot history, notices, reports (issue 4). */
export const viewMethods = {} as const satisfies Record<string, MethodSpec>
