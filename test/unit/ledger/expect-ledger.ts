import { expect } from 'vitest'
import type { ReplayResult } from '@shared/ledger/replay'
import type { Notice } from '@shared/ledger/results'
import type { UsageFact } from '@shared/ledger/model'

/** Shared checks for scenario and edge-case tests: what every replay must satisfy whatever the vendor rule. */

/**
 * Per-lot conservation (granted = remaining + consumed + expired + voided + rolledOut, 0 ≤ remaining ≤ granted)
 * and, when the usage is given, account conservation: billable usage = Σ consumed + outstanding debt (valid for
 * ledgers without clawbacks or billed overage, which move usage out of the lots on purpose).
 */
export const expectConserved = (result: ReplayResult, usage?: readonly UsageFact[]): void => {
  for (const lot of result.lots) {
    const accounted = lot.remaining + lot.consumed + lot.expired + lot.voided + lot.rolledOut
    expect({ id: lot.id, accounted }).toEqual({ id: lot.id, accounted: lot.granted })
    expect(lot.remaining).toBeGreaterThanOrEqual(0)
  }
  if (usage !== undefined) {
    const used = usage.filter((u) => u.billable && u.occurredAt < (result.state.processedBefore ?? Infinity))
    const total = used.reduce((sum, u) => sum + u.amount, 0)
    const consumed = result.lots.reduce((sum, lot) => sum + lot.consumed, 0)
    expect(consumed + result.balance.debt).toBe(total)
  }
}

/** The notices of one kind, for exact assertions. */
export const noticesOf = <K extends Notice['kind']>(result: ReplayResult, kind: K): Extract<Notice, { kind: K }>[] =>
  result.notices.filter((notice): notice is Extract<Notice, { kind: K }> => notice.kind === kind)

/** Which lot paid how much of a usage record (needs collectAllocations). */
export const paidBy = (result: ReplayResult, usageId: string): Record<string, number> => {
  const slices = (result.allocations ?? []).filter((slice) => slice.usageId === usageId)
  return Object.fromEntries(slices.map((slice) => [slice.lotId ?? 'debt', slice.amount]))
}

/** Balance snapshots keyed by ISO instant, for readable expectations. */
export const balances = (result: ReplayResult): Record<string, number> =>
  Object.fromEntries(result.snapshots.map((snapshot) => [new Date(snapshot.at).toISOString(), snapshot.balance]))
