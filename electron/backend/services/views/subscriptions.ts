import type { SubscriptionsReport, SubscriptionView } from '@shared/api/types/views'
import type { Cost, ProgramFact } from '@shared/ledger/model'
import { periodExists, programBoundary, programEnd } from '@shared/ledger/programs'
import { mulDiv } from '@shared/money/amount'
import { MONEY_SCALE } from '@shared/money/units'
import { DAY_MS } from '@shared/time/calendar'
import { formatDuration, timePartMs } from '@shared/time/duration'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { boundaryIndexAt, localDateString } from '@shared/time/zoned'
import { storedProgramId } from '../../ledger/engine-ids'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'
import { getSettings } from '../settings-service'
import { homeConverter } from './home-currency'
import { loadPrograms } from './payments'
import { money, Sums } from './view-amounts'
import { accountsById } from './view-accounts'

/**
 * reports.subscriptions: what every plan active at `at` costs per month. A plan renewing in whole months divides its
 * price exactly by its length in months (P1Y: / 12; a total-priced plan: / (periods × months)); one renewing in days
 * or weeks scales by the mean Gregorian month (30.436875 days). The one division is rounded half-even to micro-units
 * of the currency, once per plan; `exact` says whether it divided evenly.
 */

export const MONTH_MS = 30.436875 * DAY_MS
export const ROUNDING =
  'Each plan’s price per month is divided exactly and rounded once, half-even, to a millionth of its currency; ' +
  'plans renewing in days or weeks use the mean month of 30.436875 days.'

interface Monthly {
  readonly perMonth: number
  readonly exact: boolean
  readonly formula: string
}

const perMonth = (program: ProgramFact, cost: Cost): Monthly => {
  const { interval } = program
  const months = interval.years * 12 + interval.months
  const rest = (interval.weeks * 7 + interval.days) * DAY_MS + timePartMs(interval)
  const periods = program.totalCost !== undefined ? (program.periods ?? 1) : 1
  const price = `${money(cost.amount, cost.currency).value} ${cost.currency}`
  const spread = periods > 1 ? `${periods} periods × ` : ''
  if (rest === 0) {
    const divisor = months * periods
    return {
      perMonth: mulDiv(cost.amount, 1, divisor, 'half-even'),
      exact: cost.amount % divisor === 0,
      formula: divisor === 1 ? `${price} per month` : `${price} / (${spread}${months} month${months === 1 ? '' : 's'})`,
    }
  }
  const periodMs = months * MONTH_MS + rest
  const divisor = periodMs * periods
  return {
    perMonth: mulDiv(cost.amount, MONTH_MS, divisor, 'half-even'),
    exact: mulDiv(cost.amount, MONTH_MS, divisor, 'floor') === mulDiv(cost.amount, MONTH_MS, divisor, 'ceil'),
    formula: `${price} × 30.436875 days / (${spread}${formatDuration(interval)})`,
  }
}

const priceOf = (program: ProgramFact): Cost | null => {
  if (program.totalCost !== undefined) return program.totalCost
  return program.costPerPeriod
}

export const subscriptions = (
  ctx: ServiceContext,
  input: { readonly at?: InstantText | undefined } = {},
): SubscriptionsReport => {
  const at = resolveAtOrNow(ctx, input.at)
  const accounts = accountsById(ctx)
  const totals = new Sums()
  const plans: SubscriptionView[] = []
  for (const { accountId, program } of loadPrograms(ctx)) {
    const account = accounts.get(accountId)
    const end = programEnd(program)
    if (account === undefined || programBoundary(program, 0) > at || (end !== null && end <= at)) continue
    const cost = priceOf(program)
    const monthly = cost === null ? null : perMonth(program, cost)
    if (monthly !== null && cost !== null) totals.add(cost.currency, monthly.perMonth)
    const k = boundaryIndexAt(program.anchor, program.interval, at)
    const pricePerPeriod =
      cost === null
        ? null
        : program.totalCost !== undefined
          ? money(mulDiv(cost.amount, 1, program.periods ?? 1, 'half-even'), cost.currency)
          : money(cost.amount, cost.currency)
    plans.push({
      programId: program.id,
      storedId: storedProgramId(program.id) ?? 0,
      account: account.ref,
      name: program.name,
      kind: program.kind,
      interval: formatDuration(program.interval),
      pricePerPeriod,
      perMonth: monthly === null || cost === null ? null : money(monthly.perMonth, cost.currency),
      formula: monthly?.formula ?? null,
      exact: monthly?.exact ?? true,
      nextRenewal: periodExists(program, k + 1, end) ? isoInstant(programBoundary(program, k + 1)) : null,
      endsAt: end === null ? null : isoInstant(end),
    })
  }
  plans.sort(
    (a, b) =>
      a.account.vendorName.localeCompare(b.account.vendorName) ||
      a.account.name.localeCompare(b.account.name) ||
      a.storedId - b.storedId,
  )
  const home = homeConverter(ctx)
  const date = localDateString(at, getSettings(ctx).timeZone)
  for (const [currency, minor] of totals.entries()) home.convert(minor, currency, date)
  return {
    at: isoInstant(at),
    plans,
    perMonth: totals.views(() => MONEY_SCALE),
    home: home.total(),
    rounding: ROUNDING,
  }
}
