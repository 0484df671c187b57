import type { ExpiryView, LotEventView, LotView, Provenance, RolloverView } from '@shared/api/types/facts'
import { resolveExpiry } from '@shared/ledger/expiry'
import type { Cost, ExpiryRule, RolloverRule } from '@shared/ledger/model'
import { amountView, type AmountView } from '@shared/money/amount-view'
import { MONEY_SCALE } from '@shared/money/units'
import { formatDuration } from '@shared/time/duration'
import { isoInstant } from '@shared/time/iso-instant'
import { lotRef } from '../../ledger/engine-ids'
import { expiryOfRow } from '../../ledger/fact-rows'
import type { StoredLotEventRow, StoredLotRow } from '../../repositories/facts/lots-repo'
import type { ProvenanceRow } from '../../repositories/facts/provenance'
import type { AccountScope } from './scope'

/** Stored rows as the API shows them: AmountViews in the account unit, ISO instants, ISO durations. */

export const provenanceView = (row: ProvenanceRow): Provenance => ({
  recordedAt: isoInstant(row.recorded_at),
  source: row.source,
  batchId: row.batch_id,
})

export const isoOrNull = (at: number | null): string | null => (at === null ? null : isoInstant(at))

export const unitAmount = (minor: number, scope: AccountScope): AmountView =>
  amountView(minor, scope.unitId, scope.scale)

/** Costs and prices are held in micro-units of their currency. */
export const costView = (cost: Cost | null): AmountView | null =>
  cost === null ? null : amountView(cost.amount, cost.currency, MONEY_SCALE)

export const expiryView = (rule: ExpiryRule): ExpiryView => {
  switch (rule.kind) {
    case 'never':
    case 'end_of_local_day':
      return { kind: rule.kind }
    case 'at':
      return { kind: 'at', at: isoInstant(rule.at) }
    case 'after':
      return { kind: 'after', duration: formatDuration(rule.duration) }
  }
}

export const rolloverView = (rule: RolloverRule, scope: AccountScope): RolloverView =>
  rule.mode === 'capped' ? { mode: 'capped', cap: unitAmount(rule.cap, scope) } : rule

export const tagsOf = (json: string): string[] => JSON.parse(json) as string[]

export const lotEventView = (row: StoredLotEventRow): LotEventView => ({
  id: row.id,
  lotId: row.lot_id,
  kind: row.kind,
  at: isoInstant(row.at),
  mode: row.mode,
  expiresAt: isoOrNull(row.expires_at),
  note: row.note,
  ...provenanceView(row),
})

export const lotView = (row: StoredLotRow, events: readonly StoredLotEventRow[], scope: AccountScope): LotView => {
  const expiry = expiryOfRow(row)
  return {
    id: row.id,
    ref: lotRef(row.id),
    accountId: row.account_id,
    kind: row.kind,
    funding: row.funding,
    amount: unitAmount(row.amount, scope),
    cost: costView(
      row.cost_amount === null || row.cost_currency === null
        ? null
        : {
            amount: row.cost_amount,
            currency: row.cost_currency,
          },
    ),
    effectiveAt: isoInstant(row.effective_at),
    expiry: expiryView(expiry),
    expiresAt: isoOrNull(resolveExpiry(expiry, row.effective_at, scope.zone)),
    priority: row.priority,
    tags: tagsOf(row.tags),
    planId: row.program_id,
    note: row.note,
    retracted: events.some((event) => event.kind === 'retract'),
    events: events.map(lotEventView),
    ...provenanceView(row),
  }
}
