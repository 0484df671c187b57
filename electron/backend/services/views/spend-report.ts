import type { ReportGrouping, SpendReport, SpendRow } from '@shared/api/types/views'
import { addMinor } from '@shared/money/amount'
import { MONEY_SCALE } from '@shared/money/units'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { localDateString } from '@shared/time/zoned'
import { ApiFailure } from '@shared/api/result'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { getSettings } from '../settings-service'
import { homeConverter } from './home-currency'
import { payments, type Payment } from './payments'
import { usageReport } from './usage-report'
import { money, Sums } from './view-amounts'
import { accountsById, type ViewAccount } from './view-accounts'

/**
 * reports.spend: money paid (payments.ts) and usage (usage-report.ts) over [from, to), grouped one way. Payments are
 * kept per currency; each is converted to the home currency at the rate in force on its own date (local date in the
 * user's zone), so a row's home total is only given when every payment in it had a rate.
 */

export interface SpendInput {
  readonly by?: ReportGrouping | undefined
  readonly from?: InstantText | undefined
  readonly to?: InstantText | undefined
}

const keyOf = (by: ReportGrouping, payment: Payment, account: ViewAccount, zone: string): [string, string] => {
  switch (by) {
    case 'month': {
      const month = localDateString(payment.at, zone).slice(0, 7)
      return [month, month]
    }
    case 'year': {
      const year = localDateString(payment.at, zone).slice(0, 4)
      return [year, year]
    }
    case 'vendor':
      return [String(account.ref.vendorId), account.ref.vendorName]
    default:
      return [String(account.ref.id), `${account.ref.vendorName} / ${account.ref.name}`]
  }
}

export const spendReport = (ctx: ServiceContext, input: SpendInput = {}): SpendReport => {
  const by = input.by ?? 'month'
  const zone = getSettings(ctx).timeZone
  const to = input.to === undefined ? ctx.clock.now() + 1 : resolveAt(ctx, input.to)
  const from = input.from === undefined ? Number.MIN_SAFE_INTEGER : resolveAt(ctx, input.from)
  if (to <= from) {
    const message = 'To must be after From'
    throw new ApiFailure({ code: 'VALIDATION', message, fields: { to: message } })
  }
  const accounts = accountsById(ctx)
  const home = homeConverter(ctx)
  const totals = new Sums()
  const grouped = by !== 'project' && by !== 'tag'
  const rows = new Map<string, { label: string; amounts: Sums; home: number | null; payments: number }>()
  for (const payment of payments(ctx, from, to, zone)) {
    const account = accounts.get(payment.accountId)
    if (account === undefined) continue
    totals.add(payment.currency, payment.amount)
    const converted = home.convert(payment.amount, payment.currency, localDateString(payment.at, zone))
    if (!grouped) continue
    const [key, label] = keyOf(by, payment, account, zone)
    const row = rows.get(key) ?? { label, amounts: new Sums(), home: 0, payments: 0 }
    row.amounts.add(payment.currency, payment.amount)
    row.home = row.home === null || converted === null ? null : addMinor(row.home, converted)
    row.payments += 1
    rows.set(key, row)
  }
  const spendRows: SpendRow[] = [...rows.entries()]
    .sort(([ka, a], [kb, b]) => (by === 'month' || by === 'year' ? (ka < kb ? -1 : 1) : a.label.localeCompare(b.label)))
    .map(([key, row]) => ({
      key,
      label: row.label,
      amounts: row.amounts.views(() => MONEY_SCALE),
      home: row.home === null ? null : money(row.home, home.currency),
      payments: row.payments,
    }))
  const usage = usageReport(ctx, accounts, by, { from, to, zone })
  const scaleOf = (unit: string) => [...accounts.values()].find((a) => a.ref.unitId === unit)?.scale ?? 0
  return {
    by,
    from: input.from === undefined ? null : isoInstant(from),
    to: isoInstant(to),
    spend: {
      rows: spendRows,
      totals: totals.views(() => MONEY_SCALE),
      home: home.total(),
      note: grouped ? null : 'Money is paid per account, not per project or tag: spend is shown as totals only.',
    },
    usage: {
      rows: usage.rows,
      totals: usage.totals.views(scaleOf),
      count: usage.count,
      note: by === 'tag' ? 'A record with several tags counts under each of them: rows overlap.' : null,
    },
  }
}
