import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LedgerFacts } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { caseOf, runs, scenarioWithInstants } from './oracle'
import { timeout } from './scenario-arbitraries'
import { B8_AS_OF, B8_RECHARGE_CONFIRMED_LATER } from './examples'

/** Invariant 17 of ledger-semantics §10: the balance as of t ignores facts effective after t. */

/** The facts as they would stand if nothing effective after t had been recorded (programs and rules are kept). */
const asOf = (facts: LedgerFacts, t: number): LedgerFacts => ({
  ...facts,
  lots: facts.lots.filter((lot) => lot.effectiveAt <= t),
  usage: facts.usage.filter((u) => u.occurredAt <= t),
  lotEvents: facts.lotEvents.filter((e) => e.kind === 'retract' || e.at <= t),
  observations: facts.observations.filter((o) => o.at <= t),
})

describe('ledger properties: as-of queries', () => {
  it(
    'P9 as-of isolation: the snapshot at t is the same without the facts effective after t, and equals replay(until t+1) [B8 fixed: a trigger always projects, a later receipt replaces the projection]',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(1), ({ built, instants }) => {
          const { facts, end } = built
          const t = Math.min(instants[0] ?? 0, end - 2)
          const [snapshot] = replay(facts, { until: end, snapshots: [t] }).snapshots
          const [isolated] = replay(asOf(facts, t), { until: end, snapshots: [t] }).snapshots
          expect(snapshot, 'a snapshot is reported').toBeDefined()
          expect(replay(facts, { until: t + 1 }).balance, 'snapshot = balance of a replay to just after t').toEqual(
            snapshot,
          )
          expect(isolated, `balance at ${new Date(t).toISOString()} without later facts`).toEqual(snapshot)
        }),
        { ...runs(), examples: [[caseOf(B8_RECHARGE_CONFIRMED_LATER, [[B8_AS_OF, 0]])]] },
      )
    },
    timeout,
  )
})
