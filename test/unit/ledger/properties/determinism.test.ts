import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LedgerFacts } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { comparable, dedupeById, shuffle } from './order-independence'
import { timeout } from './scenario-arbitraries'
import { caseOf, runs, scenarioWithInstants, type Pick } from './oracle'
import { B3_ORDER_OF_RULES_AND_OBSERVATIONS } from './examples'

const SOME: Pick = [{ day: 3, minute: 0 }, 0]
/** A permutation that swaps both the two rules and the two observations of B3. */
const B3_SEED = 3

/** Invariants 8 and 9 of ledger-semantics §10: results do not depend on storage order; importing twice = once. */

const permuted = (facts: LedgerFacts, seed: number): LedgerFacts => ({
  account: facts.account,
  lots: shuffle(facts.lots, seed),
  usage: shuffle(facts.usage, seed + 1),
  lotEvents: shuffle(facts.lotEvents, seed + 2),
  programs: shuffle(facts.programs, seed + 3),
  rechargeRules: shuffle(facts.rechargeRules, seed + 4),
  observations: shuffle(facts.observations, seed + 5),
})

describe('ledger properties: determinism', () => {
  it(
    'P6 insertion-order independence: permuting every fact array (same createdSeq values) gives identical results',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(2), fc.integer(), ({ built, instants }, seed) => {
          const { facts, end } = built
          const options = { until: end, snapshots: instants, collectAllocations: true }
          const expected = comparable(replay(facts, options))
          const actual = comparable(replay(permuted(facts, seed), options))
          expect(actual.lots, 'lots').toEqual(expected.lots)
          expect(actual.balance, 'balance').toEqual(expected.balance)
          expect(actual.snapshots, 'snapshots').toEqual(expected.snapshots)
          expect(actual.notices, 'notices').toEqual(expected.notices)
          expect(actual.allocations, 'allocations').toEqual(expected.allocations)
        }),
        { ...runs(), examples: [[caseOf(B3_ORDER_OF_RULES_AND_OBSERVATIONS, [SOME, SOME]), B3_SEED]] },
      )
    },
    timeout,
  )

  it(
    'P7 idempotency: re-importing lots and usage (same ids, new createdSeq) and deduping by id = importing once',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(0), fc.array(fc.nat(), { maxLength: 12 }), ({ built }, picks) => {
          const { facts, end } = built
          // A second import of part of the data: the importer gives every row a new, later createdSeq. (Storage order
          // is left alone here: P6 permutes it.)
          let seq = 1_000_000
          const again = <T>(items: readonly T[]): T[] =>
            items.length === 0 ? [] : picks.map((i) => ({ ...(items[i % items.length] as T), createdSeq: (seq += 1) }))
          const twice: LedgerFacts = {
            ...facts,
            lots: [...facts.lots, ...again(facts.lots)],
            usage: [...facts.usage, ...again(facts.usage)],
          }
          const deduped: LedgerFacts = { ...twice, lots: dedupeById(twice.lots), usage: dedupeById(twice.usage) }
          expect(dedupeById(deduped.lots), 'deduping is idempotent').toEqual(deduped.lots)
          const options = { until: end, collectAllocations: true }
          const once = comparable(replay(facts, options))
          const result = comparable(replay(deduped, options))
          expect(result.lots).toEqual(once.lots)
          expect(result.balance).toEqual(once.balance)
          expect(result.notices).toEqual(once.notices)
          expect(result.allocations).toEqual(once.allocations)
        }),
        runs(),
      )
    },
    timeout,
  )
})
