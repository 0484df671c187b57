import { ApiFailure } from '@shared/api/result'
import type { LotHistory, PaidUsage } from '@shared/api/types/views'
import { addMinor } from '@shared/money/amount'
import { amountView } from '@shared/money/amount-view'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { accountLedger } from '../../ledger/account-ledger'
import { programOfLotRef, storedLotId } from '../../ledger/engine-ids'
import { preparedFor } from '../../db/statements'
import type { ServiceContext } from '../context'
import { resolveAtOrNow } from '../instants'
import { lotView } from './view-amounts'
import { viewAccounts } from './view-accounts'

/**
 * lots.history: one lot's life (grant, daily consumption, repayments, expiry, void, rollover) and the usage it paid.
 * Which lot paid which usage is only known from a replay from the start (a checkpoint keeps balances, not every
 * allocation), so this view replays the account in full; the answer is bounded to the latest 500 of each list.
 */

export const HISTORY_LIMIT = 500

const notFound = (message: string) => new ApiFailure({ code: 'NOT_FOUND', message, fields: { lot: message } })

/** The account a lot id belongs to: a stored lot's row, the plan of a period lot, the rule of a projected recharge. */
const accountOfLot = (ctx: ServiceContext, ref: string): number | undefined => {
  const prepare = preparedFor(ctx.db)
  const lotId = storedLotId(ref)
  if (lotId !== undefined) {
    return (prepare('SELECT account_id FROM lots WHERE id = ?').get(lotId) as { account_id: number } | undefined)
      ?.account_id
  }
  const programId = programOfLotRef(ref)
  if (programId !== undefined) {
    return (
      prepare('SELECT account_id FROM programs WHERE id = ?').get(programId) as { account_id: number } | undefined
    )?.account_id
  }
  const rule = /^R([1-9][0-9]{0,15})@/.exec(ref)
  if (rule === null) return undefined
  return (
    prepare('SELECT account_id FROM recharge_rules WHERE id = ?').get(Number(rule[1])) as
      { account_id: number } | undefined
  )?.account_id
}

interface UsageDetail {
  readonly id: number
  readonly tags: string
  readonly note: string | null
}

export const lotHistory = (ctx: ServiceContext, input: { lot: string; at?: InstantText | undefined }): LotHistory => {
  const ref = /^[1-9]/.test(input.lot) ? `L${input.lot}` : input.lot
  const at = resolveAtOrNow(ctx, input.at)
  const accountId = accountOfLot(ctx, ref)
  if (accountId === undefined) throw notFound(`No lot ${ref}`)
  const [account] = viewAccounts(ctx, { accountId })
  const ledger = account && accountLedger(ctx, accountId, at + 1, { collectAllocations: true })
  const lot = ledger?.result.lots.find((candidate) => candidate.id === ref)
  if (account === undefined || ledger === undefined || lot === undefined) {
    throw notFound(`Lot ${ref} does not exist (yet) as of ${isoInstant(at)}`)
  }
  const { unitId } = account.ref
  const view = (minor: number) => amountView(minor, unitId, account.scale)

  const slices = (ledger.result.allocations ?? []).filter((slice) => slice.lotId === ref)
  let paidAmount = 0
  for (const slice of slices) paidAmount = addMinor(paidAmount, slice.amount)
  const latest = slices.slice(-HISTORY_LIMIT)
  const storedIds = latest.flatMap((slice) =>
    /^U[1-9]\d*$/.test(slice.usageId) ? [Number(slice.usageId.slice(1))] : [],
  )
  const details = new Map(
    (
      preparedFor(ctx.db)('SELECT id, tags, note FROM usage WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(storedIds),
      ) as UsageDetail[]
    ).map((row) => [row.id, row]),
  )
  const paid: PaidUsage[] = latest.map((slice) => {
    const storedId = /^U[1-9]\d*$/.test(slice.usageId) ? Number(slice.usageId.slice(1)) : null
    const detail = storedId === null ? undefined : details.get(storedId)
    return {
      usageId: slice.usageId,
      storedId,
      at: isoInstant(slice.at),
      amount: view(slice.amount),
      tags: detail === undefined || detail.tags === '[]' ? [] : (JSON.parse(detail.tags) as string[]),
      note: detail?.note ?? null,
    }
  })
  return {
    account: account.ref,
    at: isoInstant(at),
    lot: lotView(lot, unitId, account.scale),
    history: lot.history.slice(-HISTORY_LIMIT).map((entry) => ({
      at: isoInstant(entry.at),
      type: entry.type,
      amount: view(entry.amount),
      count: entry.count ?? null,
      note: entry.note ?? null,
    })),
    historyTotal: lot.history.length,
    paid,
    paidTotal: { count: slices.length, amount: view(paidAmount) },
  }
}
