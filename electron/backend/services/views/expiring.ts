import type { Expiring, ExpiringLotView } from '@shared/api/types/views'
import { DEFAULT_WINDOW } from '@shared/ledger/burn-rate'
import { expiringLots, prepareForecast, runForward, type ExpiringLot } from '@shared/ledger/forecast'
import { MONEY_SCALE } from '@shared/money/units'
import { parseDuration, type Duration } from '@shared/time/duration'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { addDuration, localDateString } from '@shared/time/zoned'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'
import { getSettings } from '../settings-service'
import { expiringLotView, ledgersForPace } from './forecast'
import { homeConverter } from './home-currency'
import { Sums } from './view-amounts'
import { viewAccounts } from './view-accounts'

/**
 * ledger.expiring: the lots holding credit now that expire (or end with their plan) within the window, each with
 * what remains now and what the account's 30-day pace is expected to leave unused then — run through the same
 * drawdown as the real ledger, so a lot that will be used up first shows 0 expected unused. Soonest first.
 */

export const DEFAULT_WITHIN: Duration = parseDuration('P30D') ?? DEFAULT_WINDOW

export interface ExpiringInput {
  readonly within?: Duration | undefined
  readonly at?: InstantText | undefined
  readonly accountId?: number | undefined
}

export const expiring = (ctx: ServiceContext, input: ExpiringInput = {}): Expiring => {
  const at = resolveAtOrNow(ctx, input.at)
  const zone = getSettings(ctx).timeZone
  const until = addDuration(at, input.within ?? DEFAULT_WITHIN, zone)
  const accounts = viewAccounts(ctx, input)
  const ledgers = ledgersForPace(ctx, accounts, at, DEFAULT_WINDOW)
  const rows: { at: number; view: ExpiringLotView }[] = []
  for (const account of accounts) {
    const ledger = ledgers.get(account.ref.id)
    if (ledger === undefined || until <= at) continue
    const base = prepareForecast(ledger.facts, { now: at, checkpoint: ledger.result.state }, until)
    const forecastLots = new Map(
      expiringLots(runForward(base), base)
        .filter((lot) => lot.existsNow)
        .map((lot) => [lot.lotId, lot]),
    )
    const seen = new Set<string>()
    for (const lot of base.state.lots) {
      if (lot.status !== 'active' || lot.remaining <= 0) continue
      const predicted = forecastLots.get(lot.id)
      const expires = predicted?.expiresAt ?? lot.expiresAt
      if (expires === null || expires >= until) continue
      seen.add(lot.id)
      const entry: ExpiringLot = predicted ?? {
        // Not in the forecast's list: the pace uses it up before it expires.
        lotId: lot.id,
        kind: lot.kind,
        programId: lot.programId,
        periodIndex: lot.periodIndex,
        restricted: lot.tags.length > 0,
        existsNow: true,
        remainingNow: lot.remaining,
        granted: lot.amount,
        expiresAt: expires,
        reason: 'expiry',
        unused: 0,
        cost: lot.cost,
        value: lot.cost === null ? null : { amount: 0, currency: lot.cost.currency },
      }
      rows.push({ at: expires, view: expiringLotView(account, entry) })
    }
    for (const lot of forecastLots.values()) {
      if (!seen.has(lot.lotId) && lot.expiresAt < until) {
        rows.push({ at: lot.expiresAt, view: expiringLotView(account, lot) })
      }
    }
  }
  rows.sort((a, b) => a.at - b.at || (a.view.lotId < b.view.lotId ? -1 : 1))
  const values = new Sums()
  for (const { view } of rows)
    if (view.expectedValue !== null) values.add(view.expectedValue.unit, Number(view.expectedValue.minor))
  const home = homeConverter(ctx)
  const date = localDateString(at, zone)
  for (const [currency, minor] of values.entries()) home.convert(minor, currency, date)
  return {
    at: isoInstant(at),
    until: isoInstant(until),
    lots: rows.map((row) => row.view),
    expectedValue: values.views(() => MONEY_SCALE),
    home: home.total(),
  }
}
