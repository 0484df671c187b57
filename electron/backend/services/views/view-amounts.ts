import type { LotView } from '@shared/api/types/views'
import type { LotResult } from '@shared/ledger/results'
import { addMinor, mulDiv } from '@shared/money/amount'
import { amountView, type AmountView } from '@shared/money/amount-view'
import { MONEY_SCALE } from '@shared/money/units'
import { isoInstant } from '@shared/time/iso-instant'
import { storedLotId } from '../../ledger/engine-ids'

/** Engine results → what leaves the backend: AmountViews in the account's unit (or a cost's currency), ISO instants. */

/** Costs and prices are in a currency's micro-units (DESIGN §4), whatever the account's unit. */
export const money = (minor: number, currency: string): AmountView => amountView(minor, currency, MONEY_SCALE)

export const isoOrNull = (at: number | null): string | null => (at === null ? null : isoInstant(at))

export const lotView = (lot: LotResult, unit: string, scale: number): LotView => {
  const view = (minor: number) => amountView(minor, unit, scale)
  return {
    id: lot.id,
    storedId: storedLotId(lot.id) ?? null,
    programId: lot.programId,
    periodIndex: lot.periodIndex,
    parentLotId: lot.parentLotId,
    kind: lot.kind,
    funding: lot.funding,
    status: lot.status,
    projected: lot.projected,
    granted: view(lot.granted),
    remaining: view(lot.remaining),
    consumed: view(lot.consumed),
    expired: view(lot.expired),
    voided: view(lot.voided),
    rolledOut: view(lot.rolledOut),
    effectiveAt: isoInstant(lot.effectiveAt),
    expiresAt: isoOrNull(lot.expiresAt),
    closedAt: isoOrNull(lot.closedAt),
    cost: lot.cost === null ? null : money(lot.cost.amount, lot.cost.currency),
    priority: lot.priority,
    tags: lot.tags,
  }
}

/** The money value of `amount` credits of a lot at its cost basis (half-even); null when its cost is unknown. */
export const valueAtCost = (lot: LotResult, amount: number): { amount: number; currency: string } | null => {
  if (lot.cost === null) return null
  const base = lot.granted > 0 ? lot.granted : null
  if (base === null) return null
  return { amount: mulDiv(amount, lot.cost.amount, base, 'half-even'), currency: lot.cost.currency }
}

/** Sums per key (a currency or a unit), exact; `views` lists them sorted by key. */
export class Sums {
  private readonly totals = new Map<string, number>()

  add(key: string, minor: number): void {
    this.totals.set(key, addMinor(this.totals.get(key) ?? 0, minor))
  }

  get(key: string): number {
    return this.totals.get(key) ?? 0
  }

  entries(): [string, number][] {
    return [...this.totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }

  views(scaleOf: (key: string) => number): AmountView[] {
    return this.entries().map(([key, minor]) => amountView(minor, key, scaleOf(key)))
  }
}
