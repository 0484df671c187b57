import type { ReportGrouping, UsageRow } from '@shared/api/types/views'
import { addMinor } from '@shared/money/amount'
import { startOfLocalDate, toLocal } from '@shared/time/zoned'
import { preparedFor } from '../../db/statements'
import type { ServiceContext } from '../context'
import { Sums } from './view-amounts'
import type { ViewAccount } from './view-accounts'

/**
 * The usage half of reports.spend: billable usage in [from, to) summed per unit of account (units are never added
 * together), grouped in SQL so a million rows never cross into JavaScript; month and year buckets are the user's
 * calendar (their zone), one range query each. project: the first "project:x" tag of each record (so the
 * rows add up to the total); tag: every tag (a record with two tags counts in both rows, so rows overlap).
 */

interface Grouped {
  readonly account_id: number
  readonly key: string | null
  readonly amount: number
  readonly n: number
}

const RANGE = 'u.billable = 1 AND u.occurred_at >= @from AND u.occurred_at < @to'

// No join with accounts: SQLite then skip-scans usage_by_account_time (ANY(account_id), occurred_at range), which
// reads only the rows in range and groups them in index order (measured 3× faster than walking accounts).
const SQL: Readonly<Record<'total' | 'project' | 'tag', string>> = {
  total: `SELECT u.account_id, NULL AS key, SUM(u.amount) AS amount, COUNT(*) AS n FROM usage u
    WHERE ${RANGE} GROUP BY u.account_id`,
  project: `SELECT u.account_id,
      CASE WHEN u.tags = '[]' THEN NULL ELSE (SELECT substr(j.value, 9) FROM json_each(u.tags) j
        WHERE substr(j.value, 1, 8) = 'project:' ORDER BY j.key LIMIT 1) END AS key,
      SUM(u.amount) AS amount, COUNT(*) AS n
    FROM usage u WHERE ${RANGE} GROUP BY u.account_id, key`,
  tag: `SELECT u.account_id, j.value AS key, SUM(u.amount) AS amount, COUNT(*) AS n
      FROM usage u JOIN json_each(u.tags) j WHERE ${RANGE} AND u.tags <> '[]' GROUP BY u.account_id, j.value
    UNION ALL
    SELECT u.account_id, NULL AS key, SUM(u.amount) AS amount, COUNT(*) AS n
      FROM usage u WHERE ${RANGE} AND u.tags = '[]' GROUP BY u.account_id`,
}

/** Month or year buckets in `zone` covering [from, to): [key, start, end] with keys "2026-03" or "2026". */
export const calendarBounds = (
  from: number,
  to: number,
  zone: string,
  by: 'month' | 'year',
): [string, number, number][] => {
  const bounds: [string, number, number][] = []
  const first = toLocal(from, zone)
  let year = first.year
  let month = by === 'year' ? 1 : first.month
  let start = startOfLocalDate({ year, month, day: 1 }, zone)
  while (start < to) {
    const key =
      by === 'year'
        ? String(year).padStart(4, '0')
        : `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    if (by === 'year' || month === 12) {
      year += 1
      month = 1
    } else month += 1
    const end = startOfLocalDate({ year, month, day: 1 }, zone)
    bounds.push([key, start, end])
    start = end
  }
  return bounds
}

/** The first billable usage instant, found per account through the index (no scan of the whole table). */
export const firstUsageAt = (ctx: ServiceContext): number | null =>
  (
    preparedFor(ctx.db)(
      'SELECT MIN((SELECT MIN(occurred_at) FROM usage WHERE account_id = a.id)) AS first FROM accounts a',
    ).get() as { first: number | null }
  ).first

export interface UsageSection {
  readonly rows: readonly UsageRow[]
  readonly totals: Sums
  readonly count: number
}

export const usageReport = (
  ctx: ServiceContext,
  accounts: ReadonlyMap<number, ViewAccount>,
  by: ReportGrouping,
  range: { readonly from: number; readonly to: number; readonly zone: string },
): UsageSection => {
  const prepare = preparedFor(ctx.db)
  const { from, to } = range
  const totals = new Sums()
  let count = 0
  const totalRows = prepare(SQL.total).all({ from, to }) as Grouped[]
  for (const row of totalRows) {
    const account = accounts.get(row.account_id)
    if (account === undefined) continue
    totals.add(account.ref.unitId, row.amount)
    count += row.n
  }
  let grouped: Grouped[]
  if (by === 'vendor' || by === 'account') grouped = totalRows
  else if (by === 'month' || by === 'year') {
    const start = Math.max(from, firstUsageAt(ctx) ?? to)
    // One range query per month (or year): each reads only its own rows, so the whole is one pass over the range.
    grouped = (start < to ? calendarBounds(start, to, range.zone, by) : []).flatMap(([key, lo, hi]) =>
      (prepare(SQL.total).all({ from: Math.max(from, lo), to: Math.min(to, hi) }) as Grouped[]).map((row) => ({
        ...row,
        key,
      })),
    )
  } else grouped = prepare(SQL[by]).all({ from, to }) as Grouped[]
  const rows = new Map<string | null, { label: string; amounts: Sums; count: number }>()
  for (const row of grouped) {
    const account = accounts.get(row.account_id)
    if (account === undefined) continue
    const key = by === 'vendor' ? String(account.ref.vendorId) : by === 'account' ? String(account.ref.id) : row.key
    const label =
      by === 'vendor'
        ? account.ref.vendorName
        : by === 'account'
          ? `${account.ref.vendorName} / ${account.ref.name}`
          : (row.key ?? (by === 'project' ? '(no project)' : by === 'tag' ? '(untagged)' : ''))
    const entry = rows.get(key) ?? { label, amounts: new Sums(), count: 0 }
    entry.amounts.add(account.ref.unitId, row.amount)
    entry.count = addMinor(entry.count, row.n)
    rows.set(key, entry)
  }
  const scaleOf = (unit: string) => [...accounts.values()].find((a) => a.ref.unitId === unit)?.scale ?? 0
  const ordered = [...rows.entries()].sort(([ka, a], [kb, b]) => {
    if ((ka === null) !== (kb === null)) return ka === null ? 1 : -1
    if (by === 'month' || by === 'year') return (ka ?? '') < (kb ?? '') ? -1 : 1
    return a.label.localeCompare(b.label) || ((ka ?? '') < (kb ?? '') ? -1 : 1)
  })
  return {
    rows: ordered.map(([key, entry]) => ({
      key,
      label: entry.label,
      amounts: entry.amounts.views(scaleOf),
      count: entry.count,
    })),
    totals,
    count,
  }
}
