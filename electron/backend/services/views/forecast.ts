import type { AccountForecast, ExpiringLotView, RiskView } from '@shared/api/types/views'
import { DEFAULT_WINDOW } from '@shared/ledger/burn-rate'
import { forecast, type ExpiringLot, type RiskTotal } from '@shared/ledger/forecast'
import { amountView } from '@shared/money/amount-view'
import { scaleDuration, type Duration } from '@shared/time/duration'
import { isoInstant } from '@shared/time/iso-instant'
import { addDuration } from '@shared/time/zoned'
import { accountLedgers, type AccountLedger } from '../../ledger/account-ledger'
import { storedLotId } from '../../ledger/engine-ids'
import type { ServiceContext } from '../context'
import { noticeView } from './notices'
import { money } from './view-amounts'
import { viewAccounts, type ViewAccount } from './view-accounts'

/**
 * ledger.forecast (DESIGN §3 Forecast): each account's trailing pace run forward through the same replay, from the
 * state at now (its checkpoint makes that cheap), so credit the pace will use first is never counted at risk.
 */

/** The earliest start of a trailing window among these accounts' zones: the usage a burn rate needs. */
export const windowStart = (accounts: readonly ViewAccount[], now: number, window: Duration): number =>
  Math.min(now, ...accounts.map((account) => addDuration(now, scaleDuration(window, -1), account.zone)))

/** The ledgers at `now` with the usage of the trailing window loaded for the burn rate. */
export const ledgersForPace = (
  ctx: ServiceContext,
  accounts: readonly ViewAccount[],
  now: number,
  window: Duration,
): Map<number, AccountLedger> =>
  new Map(
    accountLedgers(
      ctx,
      accounts.map((a) => a.ref.id),
      now,
      { usageSince: windowStart(accounts, now, window) },
    ).map((l) => [l.accountId, l]),
  )

export const expiringLotView = (account: ViewAccount, lot: ExpiringLot): ExpiringLotView => {
  const view = (minor: number) => amountView(minor, account.ref.unitId, account.scale)
  return {
    account: account.ref,
    lotId: lot.lotId,
    storedId: storedLotId(lot.lotId) ?? null,
    kind: lot.kind,
    expiresAt: isoInstant(lot.expiresAt),
    reason: lot.reason,
    remainingNow: view(lot.remainingNow),
    expectedUnused: view(lot.unused),
    expectedValue: lot.value === null ? null : money(lot.value.amount, lot.value.currency),
    restricted: lot.restricted,
  }
}

const riskView = (account: ViewAccount, risk: RiskTotal): RiskView => ({
  unused: amountView(risk.unused, account.ref.unitId, account.scale),
  value: Object.entries(risk.value)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, minor]) => money(minor, currency)),
  unknownCost: amountView(risk.unknownCost, account.ref.unitId, account.scale),
})

export interface ForecastInput {
  readonly accountId?: number | undefined
  readonly window?: Duration | undefined
  readonly horizon?: Duration | undefined
}

export const forecasts = (ctx: ServiceContext, input: ForecastInput = {}): AccountForecast[] => {
  const now = ctx.clock.now()
  const window = input.window ?? DEFAULT_WINDOW
  const accounts = viewAccounts(ctx, input)
  const ledgers = ledgersForPace(ctx, accounts, now, window)
  return accounts.flatMap((account) => {
    const ledger = ledgers.get(account.ref.id)
    if (ledger === undefined) return []
    const view = (minor: number) => amountView(minor, account.ref.unitId, account.scale)
    const result = forecast(ledger.facts, {
      now,
      window,
      ...(input.horizon === undefined ? {} : { horizon: input.horizon }),
      checkpoint: ledger.result.state,
    })
    return [
      {
        account: account.ref,
        now: isoInstant(now),
        horizonEnd: isoInstant(result.horizonEnd),
        rate: {
          windowStart: isoInstant(result.rate.start),
          windowEnd: isoInstant(result.rate.end),
          used: view(result.rate.used),
          count: result.rate.count,
          perDay: view(result.rate.perDay),
        },
        balanceNow: view(result.balanceNow),
        projectedUsage: view(result.projectedUsage),
        depletedAt: result.depletedAt === null ? null : isoInstant(result.depletedAt),
        atRisk: {
          within30Days: riskView(account, result.atRisk.within30Days),
          within90Days: riskView(account, result.atRisk.within90Days),
          horizon: riskView(account, result.atRisk.horizon),
        },
        expiring: result.expiring.map((lot) => expiringLotView(account, lot)),
        notices: result.notices.map((notice) => noticeView(account, notice)),
      },
    ]
  })
}
