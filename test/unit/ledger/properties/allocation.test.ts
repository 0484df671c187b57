import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drawdownComparator } from '@shared/ledger/drawdown-order'
import type { LotState } from '@shared/ledger/lot-state'
import { replay } from '@shared/ledger/replay'
import type { ReplayState } from '@shared/ledger/replay-state'
import type { AllocationSlice } from '@shared/ledger/results'
import { appliesTo, byId, caseOf, runs, scenarioWithInstants, sortKeyFor, tagsOfUsage } from './oracle'
import { timeout } from './scenario-arbitraries'
import {
  B1_PERIOD_LOT_EXPIRED_BEFORE_START,
  B6_CLAWBACK_PAID_BY_EXPIRING_LOT,
  B8_RECHARGE_CONFIRMED_LATER,
  RECEIPT_TAKES_OVER_FIRST,
  ROLLED_PART_KEEPS_ITS_PRICE,
} from './examples'

/** Invariants 3 and 4 of ledger-semantics §10: no lot is drawn outside its window, and drawdown is greedy. */

describe('ledger properties: allocation', () => {
  it(
    'P3 activity window: every slice on lot L at t has L.effectiveAt ≤ t < L.expiresAt, t before it closed, tags apply',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(0), ({ built }) => {
          const { facts, end } = built
          const result = replay(facts, { until: end, collectAllocations: true })
          const lots = byId(result)
          const tagsOf = tagsOfUsage(facts)
          const usage = new Map(facts.usage.map((u) => [u.id, u]))
          for (const slice of result.allocations ?? []) {
            const what = `slice ${JSON.stringify(slice)}`
            expect(Number.isSafeInteger(slice.amount) && slice.amount > 0, `${what}: a positive integer`).toBe(true)
            const tags = tagsOf(slice.usageId)
            expect(tags, `${what}: drawn for a known usage or refund`).toBeDefined()
            const record = usage.get(slice.usageId)
            if (record !== undefined) {
              expect(record.billable, `${what}: only billable usage is drawn`).toBe(true)
              expect(slice.at, `${what}: never before the usage happened`).toBeGreaterThanOrEqual(record.occurredAt)
              if (slice.lotId === null)
                expect(slice.at, `${what}: debt arises when the usage happens`).toBe(record.occurredAt)
            }
            if (slice.lotId === null) continue
            const lot = lots.get(slice.lotId)
            expect(lot, `${what}: the lot exists`).toBeDefined()
            if (lot === undefined) continue
            expect(lot.effectiveAt, `${what}: the lot is effective`).toBeLessThanOrEqual(slice.at)
            if (lot.expiresAt !== null) expect(slice.at, `${what}: before the lot's expiry`).toBeLessThan(lot.expiresAt)
            if (lot.closedAt !== null) expect(slice.at, `${what}: before the lot closed`).toBeLessThan(lot.closedAt)
            expect(lot.granted, `${what}: the lot was granted`).toBeGreaterThan(0)
            expect(appliesTo(lot.tags, tags ?? []), `${what}: lot tags [${lot.tags.join()}] apply`).toBe(true)
          }
        }),
        {
          ...runs(),
          examples: [
            [caseOf(B6_CLAWBACK_PAID_BY_EXPIRING_LOT, [])],
            [caseOf(B1_PERIOD_LOT_EXPIRED_BEFORE_START, [])],
            [caseOf(B8_RECHARGE_CONFIRMED_LATER, [])],
            [caseOf(RECEIPT_TAKES_OVER_FIRST, [])],
          ],
        },
      )
    },
    timeout,
  )

  it(
    'P4 greedy order: a slice from L at t means no eligible lot before L in drawdown order had credit left; debt only when none had',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(0), ({ built }) => {
          const { facts, end } = built
          const result = replay(facts, { until: end, collectAllocations: true })
          const allocations = result.allocations ?? []
          const results = byId(result)
          const compare = drawdownComparator(facts.account.drawdown)
          const tagsOf = tagsOfUsage(facts)
          const changedAt = new Set(
            facts.lotEvents.flatMap((e) => (e.kind === 'expiry_change' ? [`${e.lotId}@${e.at}`] : [])),
          )
          // The lots as they stand after instant t (expiry changes at t happen before usage at t, so their keys and
          // windows are those in force during t's usage); what each had left at a slice = amount − slices before it.
          const states = new Map<number, ReplayState>()
          const stateAfter = (t: number): ReplayState => {
            let state = states.get(t)
            if (state === undefined) {
              state = replay(facts, { until: t + 1 }).state
              states.set(t, state)
            }
            return state
          }
          const drawn = new Map<string, number>()
          const check = (slice: AllocationSlice) => {
            const t = slice.at
            const tags = tagsOf(slice.usageId) ?? []
            const refund = slice.usageId.startsWith('refund:')
            // What a projected recharge paid, taken over by its receipt (ledger-semantics §9.9): the receipt pays first
            // by design, the rest is drawn like a refund during t's grants (lots effective at t may come after it).
            const takeover = slice.usageId.startsWith('recharge:')
            const lots = new Map(stateAfter(t).lots.map((lot) => [lot.id, lot]))
            const left = (lot: LotState) => lot.amount - (drawn.get(lot.id) ?? 0)
            const eligible = [...lots.values()].filter(
              (lot) =>
                lot.status === 'active' &&
                lot.effectiveAt <= t &&
                (lot.expiresAt === null || lot.expiresAt > t) &&
                // A projected recharge at t is bought after t's usage; a clawback at t is paid in the void/expiry phase,
                // before t's grants, next to t's expiry changes.
                !(lot.projected && lot.effectiveAt === t) &&
                !(refund && (lot.effectiveAt === t || changedAt.has(`${lot.id}@${t}`))) &&
                !(takeover && lot.effectiveAt === t) &&
                appliesTo(lot.tags, tags) &&
                left(lot) > 0,
            )
            const what = `slice ${JSON.stringify(slice)}`
            if (slice.lotId === null) {
              expect(
                eligible.map((lot) => `${lot.id} had ${left(lot)}`),
                `${what}: debt while eligible lots had credit`,
              ).toEqual([])
              return
            }
            const lot = lots.get(slice.lotId)
            expect(lot, `${what}: the lot was live after ${new Date(t).toISOString()}`).toBeDefined()
            if (lot === undefined) return
            expect(left(lot), `${what}: the lot had enough left`).toBeGreaterThanOrEqual(slice.amount)
            const note = `took over from ${slice.usageId.slice('recharge:'.length)}`
            const byReceipt = results
              .get(lot.id)
              ?.history.some((entry) => entry.type === 'consume' && entry.at === t && entry.note === note)
            if (takeover && byReceipt === true) return
            const key = sortKeyFor(lot, lots)
            const before = eligible.filter((other) => other.id !== lot.id && compare(sortKeyFor(other, lots), key) < 0)
            expect(
              before.map((other) => `${other.id} (${left(other)} left) sorts before ${lot.id}`),
              `${what}: greedy order`,
            ).toEqual([])
          }
          for (const slice of allocations) {
            check(slice)
            if (slice.lotId !== null) drawn.set(slice.lotId, (drawn.get(slice.lotId) ?? 0) + slice.amount)
          }
          // No debt is left outstanding after an instant while a live lot that could pay it has credit (the next
          // eligible lot repays debt), unless overage is billed in money instead.
          if (facts.account.overdraft.billedWith !== undefined) return
          for (const t of [...states.keys(), end - 1]) {
            const state = stateAfter(t)
            for (const debt of state.debt) {
              const payer = state.lots.find(
                (lot) =>
                  lot.status === 'active' &&
                  lot.remaining > 0 &&
                  (lot.expiresAt === null || lot.expiresAt > t) &&
                  appliesTo(lot.tags, debt.tags),
              )
              expect(
                payer?.id,
                `after ${new Date(t).toISOString()}: debt ${JSON.stringify(debt)} unpaid`,
              ).toBeUndefined()
            }
          }
        }),
        {
          ...runs(0.6),
          examples: [
            [caseOf(ROLLED_PART_KEEPS_ITS_PRICE, [])],
            [caseOf(B8_RECHARGE_CONFIRMED_LATER, [])],
            [caseOf(RECEIPT_TAKES_OVER_FIRST, [])],
          ],
        },
      )
    },
    timeout,
  )
})
