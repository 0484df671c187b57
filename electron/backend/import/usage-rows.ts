import type { RowProblem, UsageRecord, When } from '@shared/import/types'
import { parseDecimal } from '@shared/money/decimal'
import { startOfLocalDate } from '@shared/time/zoned'

/**
 * One imported usage record as a usage row of one account (issue 5 §5, §7): the amount exactly in the account's
 * unit (more digits than the unit holds — OpenAI exports carry 30 — are rounded half-even and counted, never
 * silently), the currency checked against the unit, a statement date read as the local day start in the
 * account's zone (never shifted), the vendor's tags kept for reports.
 */

export interface TargetAccount {
  readonly id: number
  readonly unitId: string
  readonly unitKind: 'money' | 'credit' | 'token'
  readonly scale: number
  readonly zone: string
}

export interface UsageRowValues {
  readonly occurredAt: number
  readonly amount: number
  readonly rounded: boolean
  readonly tags: string
  readonly billable: number
}

export const instantOf = (when: When, zone: string): number =>
  when.kind === 'instant' ? when.at : startOfLocalDate(when.date, zone)

export const usageRowOf = (
  record: UsageRecord,
  account: TargetAccount,
): { ok: true; row: UsageRowValues } | { ok: false; problem: RowProblem } => {
  const problem = (column: string | null, reason: string) => ({
    ok: false as const,
    problem: { line: record.line, column, reason },
  })
  if (record.currency !== null && (account.unitKind !== 'money' || record.currency !== account.unitId)) {
    return problem(null, `the amount is in ${record.currency}, but the account counts ${account.unitId}`)
  }
  const parsed = parseDecimal(record.amount, account.scale, 'half-even')
  if (!parsed.ok) return problem(null, `amount ${record.amount}: ${parsed.reason}`)
  if (parsed.value < 0) return problem(null, `a usage amount cannot be negative (${record.amount})`)
  return {
    ok: true,
    row: {
      occurredAt: instantOf(record.at, account.zone),
      amount: parsed.value,
      rounded: parsed.rounded,
      tags: JSON.stringify(record.tags),
      billable: record.billable ? 1 : 0,
    },
  }
}
