import type { LedgerFacts, LotEvent } from './model'
import { eventAt } from './replay-events'

/**
 * The facts in an order that depends only on their content, never on how they were stored or imported
 * (ledger-semantics §10 #8). The replay walks these arrays (which rule is evaluated first, which observation is
 * compared first), so two stores holding the same facts in another order must give identical results.
 * (Fix: recharge rules and observations were taken in array order, so permuting them changed the notices.)
 */

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const bySeqThenId = <T extends { readonly createdSeq: number; readonly id: string }>(a: T, b: T): number =>
  a.createdSeq - b.createdSeq || text(a.id, b.id)

const eventKey = (event: LotEvent): string => `${event.lotId}\u0000${event.kind}`

/** Usage is ordered separately (usage-order.ts: it is large and usually already sorted). */
export const orderFacts = (facts: LedgerFacts): LedgerFacts => ({
  ...facts,
  lots: [...facts.lots].sort(bySeqThenId),
  programs: [...facts.programs].sort(bySeqThenId),
  rechargeRules: [...facts.rechargeRules].sort(bySeqThenId),
  lotEvents: [...facts.lotEvents].sort(
    (a, b) => a.createdSeq - b.createdSeq || eventAt(a) - eventAt(b) || text(eventKey(a), eventKey(b)),
  ),
  observations: [...facts.observations].sort((a, b) => a.at - b.at || text(a.id, b.id)),
})
