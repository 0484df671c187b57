import type { AccountBuckets, DrawdownEntry, KindBucket } from '@shared/api/types/views'
import { balanceBreakdown } from '@shared/ledger/breakdown'
import { drawdownComparator } from '@shared/ledger/drawdown-order'
import { LOT_KINDS, type Funding, type LotKind } from '@shared/ledger/model'
import { addMinor } from '@shared/money/amount'
import { amountView } from '@shared/money/amount-view'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { accountLedgers, type AccountLedger } from '../../ledger/account-ledger'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'
import { lotView } from './view-amounts'
import { viewAccounts, type ViewAccount } from './view-accounts'

/**
 * ledger.buckets: the balance split by bucket kind, and the live lots in drawdown order — the order the account's
 * own policy (shared/ledger/drawdown-order.ts) will draw them, computed with the engine's comparator on the lots'
 * sort keys, never re-derived here.
 */

const FUNDINGS: readonly Funding[] = ['paid', 'promotional', 'postpaid']

const bucketsOf = (account: ViewAccount, ledger: AccountLedger, at: number): AccountBuckets => {
  const { unitId } = account.ref
  const view = (minor: number) => amountView(minor, unitId, account.scale)
  const { result } = ledger
  const breakdown = balanceBreakdown(result)
  const kinds = new Map<LotKind, { lots: number; consumed: number; expired: number }>()
  for (const lot of result.lots) {
    if (lot.status === 'scheduled') continue
    const kind = kinds.get(lot.kind) ?? { lots: 0, consumed: 0, expired: 0 }
    kinds.set(lot.kind, {
      lots: kind.lots + 1,
      consumed: addMinor(kind.consumed, lot.consumed),
      expired: addMinor(kind.expired, lot.expired),
    })
  }
  const byKind: KindBucket[] = LOT_KINDS.flatMap((kind) => {
    const totals = kinds.get(kind)
    if (totals === undefined) return []
    return [
      {
        kind,
        lots: totals.lots,
        remaining: view(breakdown.byKind[kind]),
        consumed: view(totals.consumed),
        expired: view(totals.expired),
      },
    ]
  })

  // The replay's own lot states carry the exact sort keys (a rolled part keeps its parent's price).
  const compare = drawdownComparator(ledger.facts.account.drawdown)
  const results = new Map(result.lots.map((lot) => [lot.id, lot]))
  const live = result.state.lots
    .filter((lot) => lot.status === 'active' && lot.remaining > 0 && (lot.expiresAt === null || lot.expiresAt > at))
    .sort((a, b) => compare(a.sortKey, b.sortKey))
  let next = false
  const order: DrawdownEntry[] = live.flatMap((state, index) => {
    const lot = results.get(state.id)
    if (lot === undefined) return []
    const nextToDraw = !next && lot.tags.length === 0
    next ||= nextToDraw
    return [{ position: index + 1, lot: lotView(lot, unitId, account.scale), nextToDraw, restrictedTo: lot.tags }]
  })
  return {
    account: account.ref,
    at: isoInstant(at),
    drawdown: account.drawdown,
    balance: view(breakdown.balance),
    remaining: view(breakdown.remaining),
    debt: view(breakdown.debt),
    projected: view(breakdown.projected),
    byKind,
    byFunding: FUNDINGS.filter((funding) => breakdown.byFunding[funding] > 0).map((funding) => ({
      funding,
      remaining: view(breakdown.byFunding[funding]),
    })),
    order,
  }
}

export const buckets = (
  ctx: ServiceContext,
  input: { readonly accountId?: number | undefined; readonly at?: InstantText | undefined } = {},
): AccountBuckets[] => {
  const at = resolveAtOrNow(ctx, input.at)
  const accounts = viewAccounts(ctx, input)
  const ledgers = new Map(
    accountLedgers(
      ctx,
      accounts.map((a) => a.ref.id),
      at + 1,
    ).map((l) => [l.accountId, l]),
  )
  return accounts.flatMap((account) => {
    const ledger = ledgers.get(account.ref.id)
    return ledger === undefined ? [] : [bucketsOf(account, ledger, at)]
  })
}
