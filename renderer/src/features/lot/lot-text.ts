import type { LotHistoryLine, LotView } from '@shared/api/types/views'
import type { LotKind } from '@shared/ledger/model'

/** The words the account and lot pages use for a lot's kind, status and history entries. */

export const LOT_KIND_LABELS: Readonly<Record<LotKind, string>> = {
  subscription: 'Plan period',
  addon: 'Add-on',
  purchase: 'Purchase',
  auto_recharge: 'Auto-recharge',
  promo: 'Promotional',
  trial: 'Trial',
  grant: 'Grant',
  rollover: 'Rolled over',
  commitment: 'Commitment',
  daily: 'Daily allowance',
  adjustment: 'Adjustment',
}

export const lotKindLabel = (kind: string): string => LOT_KIND_LABELS[kind as LotKind] ?? kind

/** "Active", "Scheduled", or why it closed. */
export const lotStatusLabel = (lot: LotView): string => {
  if (lot.projected) return 'Projected'
  if (lot.status === 'scheduled') return 'Scheduled'
  if (lot.status === 'active') return lot.remaining.minor === '0' ? 'Used up' : 'Active'
  if (lot.voided.minor !== '0') return 'Voided'
  if (lot.expired.minor !== '0') return 'Expired'
  if (lot.rolledOut.minor !== '0') return 'Rolled over'
  return 'Used up'
}

const HISTORY_LABELS: Readonly<Record<LotHistoryLine['type'], string>> = {
  grant: 'Granted',
  consume: 'Used',
  repay: 'Repaid debt',
  expire: 'Expired',
  void: 'Voided',
  clawback: 'Clawed back',
  roll_out: 'Rolled over',
  expiry_change: 'Expiry changed',
}

export const historyLabel = (type: LotHistoryLine['type']): string => HISTORY_LABELS[type]
