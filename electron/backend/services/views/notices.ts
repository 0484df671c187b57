import type { NoticeView } from '@shared/api/types/views'
import { FORECAST_PREFIX } from '@shared/ledger/burn-rate'
import type { Notice } from '@shared/ledger/results'
import { subMinor } from '@shared/money/amount'
import { amountView } from '@shared/money/amount-view'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { accountLedgers } from '../../ledger/account-ledger'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import type { ViewAccount } from './view-accounts'
import { viewAccounts } from './view-accounts'

/**
 * ledger.notices: what the replay flagged, each with a sentence a person can act on. The checkpoint carries the
 * notices raised before it, so the list is complete whatever the replay resumed from.
 */

const REASONS = { max_count: 'its monthly number of recharges', max_amount: 'its monthly amount' } as const

export const noticeView = (account: ViewAccount, notice: Notice): NoticeView => {
  const { unitId } = account.ref
  const view = (minor: number) => amountView(minor, unitId, account.scale)
  const text = (minor: number) => `${view(minor).value} ${unitId}`
  const base = { account: account.ref, kind: notice.kind, at: isoInstant(notice.at) }
  switch (notice.kind) {
    case 'negative_balance':
      return {
        ...base,
        message: `The balance went below zero: ${text(notice.debt)} owed, repaid by the next credit`,
        amount: view(notice.debt),
        ref: null,
      }
    case 'over_limit':
      // The forecast's forward run draws synthetic daily usage ("forecast:12"): say what it means, not its id.
      if (notice.usageId.startsWith(FORECAST_PREFIX)) {
        return {
          ...base,
          message: `At this pace, usage would go beyond the balance and the allowed overdraft: ${text(notice.debt)} owed`,
          amount: view(notice.debt),
          ref: null,
        }
      }
      return {
        ...base,
        message: `Usage ${notice.usageId} went beyond the allowed overdraft: ${text(notice.debt)} owed`,
        amount: view(notice.debt),
        ref: notice.usageId,
      }
    case 'recharge_blocked':
      return {
        ...base,
        message: `Auto-recharge ${notice.ruleId} did not buy in ${notice.month}: it reached ${REASONS[notice.reason]}`,
        amount: null,
        ref: notice.ruleId,
      }
    case 'recharge_projected':
      return {
        ...base,
        message: `Auto-recharge ${notice.ruleId} should have bought credit (${notice.lotId}); no purchase is recorded yet`,
        amount: null,
        ref: notice.lotId,
      }
    case 'drift': {
      const difference = subMinor(notice.observed, notice.model)
      return {
        ...base,
        message: `The vendor showed ${text(notice.observed)} but the ledger computes ${text(notice.model)} (off by ${text(difference)})`,
        amount: view(difference),
        ref: notice.observationId,
      }
    }
    case 'commitment_shortfall':
      return {
        ...base,
        message: `Commitment ${notice.lotId} ended with ${text(notice.unused)} unused`,
        amount: view(notice.unused),
        ref: notice.lotId,
      }
    case 'overage_billed':
      return {
        ...base,
        message: `Overage of ${text(notice.amount)} billed with plan ${notice.programId}`,
        amount: view(notice.amount),
        ref: notice.programId,
      }
    case 'event_ignored':
      return {
        ...base,
        message: `An event on lot ${notice.lotId} was ignored: ${notice.reason}`,
        amount: null,
        ref: notice.lotId,
      }
  }
}

export interface NoticesInput {
  readonly accountId?: number | undefined
  readonly from?: InstantText | undefined
  readonly to?: InstantText | undefined
}

export const notices = (ctx: ServiceContext, input: NoticesInput = {}): NoticeView[] => {
  const to = input.to === undefined ? ctx.clock.now() + 1 : resolveAt(ctx, input.to)
  const from = input.from === undefined ? Number.NEGATIVE_INFINITY : resolveAt(ctx, input.from)
  const accounts = viewAccounts(ctx, input)
  const ledgers = new Map(
    accountLedgers(
      ctx,
      accounts.map((a) => a.ref.id),
      to,
    ).map((l) => [l.accountId, l]),
  )
  const views: { at: number; view: NoticeView }[] = []
  for (const account of accounts) {
    for (const notice of ledgers.get(account.ref.id)?.result.notices ?? []) {
      if (notice.at >= from && notice.at < to) views.push({ at: notice.at, view: noticeView(account, notice) })
    }
  }
  // Stable: notices of one instant keep the replay's order, accounts their listing order.
  return views.sort((a, b) => a.at - b.at).map((entry) => entry.view)
}
