import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import type { ReplayState } from '@shared/ledger/replay-state'
import { comparable } from './order-independence'
import { timeout } from './scenario-arbitraries'
import { caseOf, runs, scenarioWithInstants, type Pick } from './oracle'
import {
  B1_CHECKPOINT,
  B1_PERIOD_LOT_EXPIRED_BEFORE_START,
  B2_CHECKPOINT,
  B2_EXPIRY_CHANGE_BEFORE_EFFECTIVE,
  B7_CHECKPOINT,
  B7_PROGRAM_END_TIE,
} from './examples'

/** A checkpoint at one instant (the property picks four). */
const checkpointAt = (when: Pick[0]): Pick[] => [0, 0, 0, 0].map(() => [when, 0] as const)

/**
 * Invariants 6 and 7 of ledger-semantics §10: replaying to T from a checkpoint made at t (or a chain of them)
 * equals replaying to T from scratch, for t anywhere (picked instants often fall exactly on boundaries, expiries
 * and usage, or 1 ms either side). Lots are compared by id: their list order is not part of the contract.
 */

const json = (state: ReplayState): ReplayState => JSON.parse(JSON.stringify(state)) as ReplayState

describe('ledger properties: checkpoints', () => {
  it(
    'P5 checkpoint composability: replay(until T) = replay(until T, from: replay(until t).state), also chained and via JSON',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(4), fc.boolean(), fc.boolean(), ({ built, instants }, persist, toEnd) => {
          const { facts, end } = built
          const T = toEnd ? end : Math.max(...instants)
          const cuts = [...new Set(instants.filter((t) => t <= T))].sort((a, b) => a - b)
          const start = cuts[cuts.length - 1] ?? -Infinity
          // Snapshots are asked for instants at or after the last checkpoint (before it, a resumed replay knows nothing).
          const snapshots = [...instants, T - 1].filter((at) => at >= start)
          const full = replay(facts, { until: T, snapshots, collectAllocations: true })

          let from: ReplayState | undefined
          for (const t of cuts) {
            const partial = replay(facts, { until: t, ...(from ? { from } : {}) })
            from = persist ? json(partial.state) : partial.state
          }
          const frozen = JSON.stringify(from)
          const resumed = replay(facts, { until: T, snapshots, collectAllocations: true, ...(from ? { from } : {}) })
          expect(JSON.stringify(from), 'resuming never mutates the checkpoint').toBe(frozen)

          const a = comparable(full)
          const b = comparable(resumed)
          expect(b.lots, 'lots').toEqual(a.lots)
          expect(b.balance, 'balance').toEqual(a.balance)
          expect(b.notices, 'notices').toEqual(a.notices)
          expect(b.snapshots, 'snapshots at or after the checkpoint').toEqual(a.snapshots)
          expect(b.allocations, 'allocations after the checkpoint').toEqual(a.allocations?.filter((s) => s.at >= start))
          expect(resumed.state, 'the checkpoint at T').toEqual({ ...full.state, lots: expect.anything() })
        }),
        {
          ...runs(),
          examples: [
            [caseOf(B2_EXPIRY_CHANGE_BEFORE_EFFECTIVE, checkpointAt(B2_CHECKPOINT)), false, true],
            [caseOf(B1_PERIOD_LOT_EXPIRED_BEFORE_START, checkpointAt(B1_CHECKPOINT)), false, true],
            [caseOf(B7_PROGRAM_END_TIE, checkpointAt(B7_CHECKPOINT)), false, true],
          ],
        },
      )
    },
    timeout,
  )
})
