import type { ProgramFact } from '@shared/ledger/model'
import { periodExists, programBoundary, programEnd } from '@shared/ledger/programs'
import { parseLocalDate } from '@shared/time/calendar'
import { boundaryIndexAt, startOfLocalDate } from '@shared/time/zoned'
import { preparedFor } from '../../db/statements'
import { programFactOf, type ProgramRow } from '../../ledger/fact-rows'
import type { ServiceContext } from '../context'

/**
 * Money paid, as the spend report counts it (cash basis): a recorded lot's cost at its effective instant (purchases,
 * top-ups, confirmed auto-recharges; a retracted lot was never bought), and a plan's price at each period start —
 * for a plan priced per period — or its whole price once at its first period for a plan priced in total (an annual
 * plan released monthly is paid up front). Projected recharges are not payments. A void is not a refund: it records
 * that credit was withdrawn, not how much money came back. Imported statement lines (issue 5) count where nothing
 * else does: a subscription paid without a plan recorded, a purchase that made no lot, a refund (negative) —
 * attributed to their account, or to their vendor's only account.
 */

export interface Payment {
  readonly accountId: number
  readonly at: number
  readonly amount: number
  readonly currency: string
  /** "L12" or "P3#5": what was paid for; "S7" a statement line (payments row 7). */
  readonly source: string
}

/** A plan renewing daily for decades asked over all time stays bounded. */
export const MAX_PERIODS_PER_PLAN = 20_000

const lotPayments = (ctx: ServiceContext, from: number, to: number): Payment[] =>
  (
    preparedFor(ctx.db)(
      `SELECT l.id, l.account_id, l.effective_at, l.cost_amount, l.cost_currency FROM lots l
       WHERE l.cost_amount > 0 AND l.effective_at >= ? AND l.effective_at < ?
         AND NOT EXISTS (SELECT 1 FROM lot_events e WHERE e.lot_id = l.id AND e.kind = 'retract')`,
    ).all(from, to) as {
      id: number
      account_id: number
      effective_at: number
      cost_amount: number
      cost_currency: string
    }[]
  ).map((row) => ({
    accountId: row.account_id,
    at: row.effective_at,
    amount: row.cost_amount,
    currency: row.cost_currency,
    source: `L${row.id}`,
  }))

/** The periods of `program` starting in [from, to), each with its start. */
export const periodStarts = (program: ProgramFact, from: number, to: number): { k: number; at: number }[] => {
  const end = programEnd(program)
  const first = programBoundary(program, 0)
  let k = from <= first ? 0 : Math.max(0, boundaryIndexAt(program.anchor, program.interval, from))
  const starts: { k: number; at: number }[] = []
  for (let count = 0; count < MAX_PERIODS_PER_PLAN && periodExists(program, k, end); count += 1, k += 1) {
    const at = programBoundary(program, k)
    if (at >= to) break
    if (at >= from) starts.push({ k, at })
  }
  return starts
}

const planPayments = (program: ProgramFact, accountId: number, from: number, to: number): Payment[] => {
  if (program.totalCost !== undefined) {
    const at = programBoundary(program, 0)
    const { amount, currency } = program.totalCost
    return at >= from && at < to && amount > 0 ? [{ accountId, at, amount, currency, source: `${program.id}#0` }] : []
  }
  const cost = program.costPerPeriod
  if (cost === null || cost.amount <= 0) return []
  return periodStarts(program, from, to).map(({ k, at }) => ({
    accountId,
    at,
    amount: cost.amount,
    currency: cost.currency,
    source: `${program.id}#${k}`,
  }))
}

export const loadPrograms = (ctx: ServiceContext): { accountId: number; program: ProgramFact }[] =>
  (preparedFor(ctx.db)('SELECT * FROM programs ORDER BY id').all() as ProgramRow[]).map((row) => ({
    accountId: row.account_id,
    program: programFactOf(row),
  }))

/** Statement payments not already counted as a lot's cost or a plan's price. */
const statementPayments = (ctx: ServiceContext, from: number, to: number, zone: string): Payment[] =>
  (
    preparedFor(ctx.db)(
      `SELECT p.id, p.paid_on, p.paid_at, p.amount, p.currency,
         coalesce(p.account_id, (SELECT min(a.id) FROM accounts a WHERE a.vendor_id = p.vendor_id
           HAVING count(*) = 1)) AS account_id
       FROM payments p WHERE p.lot_id IS NULL AND p.program_id IS NULL`,
    ).all() as {
      id: number
      paid_on: string | null
      paid_at: number | null
      amount: number
      currency: string
      account_id: number | null
    }[]
  ).flatMap((row) => {
    const date = row.paid_on === null ? undefined : parseLocalDate(row.paid_on)
    const at = row.paid_at ?? (date === undefined ? null : startOfLocalDate(date, zone))
    if (row.account_id === null || at === null || at < from || at >= to) return []
    return [{ accountId: row.account_id, at, amount: row.amount, currency: row.currency, source: `S${row.id}` }]
  })

/** Every payment in [from, to), by time; statement dates are read in `zone` (the user's). */
export const payments = (ctx: ServiceContext, from: number, to: number, zone = 'UTC'): Payment[] => {
  const all = [...lotPayments(ctx, from, to), ...statementPayments(ctx, from, to, zone)]
  for (const { accountId, program } of loadPrograms(ctx)) all.push(...planPayments(program, accountId, from, to))
  return all.sort((a, b) => a.at - b.at || a.accountId - b.accountId || (a.source < b.source ? -1 : 1))
}
