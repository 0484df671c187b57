import type { AccountBalance, Balances, HoldingValue, UnitTotal } from '@shared/api/types/views'
import { balanceBreakdown } from '@shared/ledger/breakdown'
import type { ReplayResult } from '@shared/ledger/replay'
import { addMinor, mulMinor } from '@shared/money/amount'
import { amountView } from '@shared/money/amount-view'
import { MONEY_SCALE } from '@shared/money/units'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { localDateString } from '@shared/time/zoned'
import { accountLedgers } from '../../ledger/account-ledger'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'
import { getSettings } from '../settings-service'
import { homeConverter } from './home-currency'
import { lotView, money, Sums, valueAtCost } from './view-amounts'
import { viewAccounts, type ViewAccount } from './view-accounts'

/**
 * ledger.balances: every account's balance as of an instant, its lots, and totals. What holdings are worth:
 * an account counted in a currency holds money, so its balance (remaining − debt) is the value; credits are valued
 * at what was paid for them, Σ remaining × cost / granted over the lots holding credit, in each cost's currency.
 * Credits with no recorded cost are listed as unvalued, and the debt of a credit account is not valued (no price).
 */

export interface BalancesInput {
  readonly at?: InstantText | undefined
  readonly accountId?: number | undefined
  readonly vendorId?: number | undefined
  readonly lots?: 'none' | 'live' | 'all' | undefined
}

const isCurrencyUnit = (account: ViewAccount): boolean =>
  account.unitKind === 'money' && /^[A-Z]{3}$/.test(account.ref.unitId)

const holdingValue = (
  account: ViewAccount,
  result: ReplayResult,
  balance: number,
): {
  view: HoldingValue
  values: Sums
  unvalued: number
} => {
  const { unitId } = account.ref
  const values = new Sums()
  let unvalued = 0
  if (isCurrencyUnit(account)) {
    values.add(unitId, mulMinor(balance, 10 ** (MONEY_SCALE - account.scale)))
  } else {
    for (const lot of result.lots) {
      if (lot.status !== 'active' || lot.remaining <= 0) continue
      const value = valueAtCost(lot, lot.remaining)
      if (value === null) unvalued = addMinor(unvalued, lot.remaining)
      else values.add(value.currency, value.amount)
    }
  }
  return {
    view: {
      basis: isCurrencyUnit(account) ? 'balance' : 'cost',
      value: values.views(() => MONEY_SCALE),
      unvalued: amountView(unvalued, unitId, account.scale),
    },
    values,
    unvalued,
  }
}

export const balances = (ctx: ServiceContext, input: BalancesInput = {}): Balances => {
  const at = resolveAtOrNow(ctx, input.at)
  const accounts = viewAccounts(ctx, input)
  const lots = input.lots ?? (input.accountId === undefined ? 'none' : 'live')
  // Everything at `at` itself counts (a usage recorded "now" shows in the balance "now").
  const ledgers = new Map(
    accountLedgers(
      ctx,
      accounts.map((a) => a.ref.id),
      at + 1,
    ).map((l) => [l.accountId, l]),
  )
  const byUnit = new Map<string, { scale: number; balance: number; remaining: number; debt: number }>()
  const byCurrency = new Sums()
  const unvalued = new Sums()
  const scales = new Map<string, number>()
  const rows: AccountBalance[] = []
  for (const account of accounts) {
    const ledger = ledgers.get(account.ref.id)
    if (ledger === undefined) continue
    const { unitId } = account.ref
    const view = (minor: number) => amountView(minor, unitId, account.scale)
    const breakdown = balanceBreakdown(ledger.result)
    const value = holdingValue(account, ledger.result, breakdown.balance)
    for (const [currency, minor] of value.values.entries()) byCurrency.add(currency, minor)
    if (value.unvalued > 0) unvalued.add(unitId, value.unvalued)
    scales.set(unitId, account.scale)
    const unit = byUnit.get(unitId) ?? { scale: account.scale, balance: 0, remaining: 0, debt: 0 }
    byUnit.set(unitId, {
      scale: account.scale,
      balance: addMinor(unit.balance, breakdown.balance),
      remaining: addMinor(unit.remaining, breakdown.remaining),
      debt: addMinor(unit.debt, breakdown.debt),
    })
    const shown =
      lots === 'none'
        ? []
        : ledger.result.lots.filter(
            (lot) => lots === 'all' || lot.status === 'scheduled' || (lot.status === 'active' && lot.remaining > 0),
          )
    rows.push({
      account: account.ref,
      at: isoInstant(at),
      balance: view(breakdown.balance),
      remaining: view(breakdown.remaining),
      debt: view(breakdown.debt),
      projected: view(breakdown.projected),
      value: value.view,
      lots: shown.map((lot) => lotView(lot, unitId, account.scale)),
    })
  }
  const home = homeConverter(ctx)
  const date = localDateString(at, getSettings(ctx).timeZone)
  for (const [currency, minor] of byCurrency.entries()) home.convert(minor, currency, date)
  const unitTotals: UnitTotal[] = [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([unit, t]) => ({
      unit,
      balance: amountView(t.balance, unit, t.scale),
      remaining: amountView(t.remaining, unit, t.scale),
      debt: amountView(t.debt, unit, t.scale),
    }))
  return {
    at: isoInstant(at),
    accounts: rows,
    totals: {
      byUnit: unitTotals,
      byCurrency: byCurrency.entries().map(([currency, minor]) => money(minor, currency)),
      unvalued: unvalued.views((unit) => scales.get(unit) ?? 0),
      home: home.total(),
    },
  }
}
