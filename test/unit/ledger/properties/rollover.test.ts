import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProgramFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { daysInMonth } from '@shared/time/calendar'
import { addDuration, boundaryAt, startOfNextLocalDay, toLocal } from '@shared/time/zoned'
import { byId, caseOf, runs, scenarioWithInstants, sum } from './oracle'
import { timeout } from './scenario-arbitraries'
import { B5B_EXPIRY_CHANGE_ROLLED_PART_AT_BOUNDARY, B5_VOID_ROLLED_PART_AT_BOUNDARY } from './examples'

/**
 * Invariant 14 of ledger-semantics §10 and the formulas of §9.7: at a period boundary the closing lot's remainder R
 * splits into rolled + expired; none 0, full R, fraction floor(R·n/d), capped min(R, cap − bank) so the bank of
 * live rolled lots of the program never exceeds the cap; the rolled part is a child lot effective at the boundary.
 */

const boundary = (program: ProgramFact, k: number) => boundaryAt(program.anchor, program.interval, k)

/** The program's end, from its definition: the end of its last period, or the first boundary at or after endsAt. */
const endOf = (program: ProgramFact): number | null => {
  const ends: number[] = []
  if (program.periods !== null) ends.push(boundary(program, program.periods))
  if (program.endsAt !== null) {
    let k = 0
    while (boundary(program, k) < program.endsAt) k += 1
    ends.push(boundary(program, k))
  }
  return ends.length === 0 ? null : Math.min(...ends)
}

const expectedRoll = (program: ProgramFact, remainder: number, bank: number): number => {
  const rule = program.rollover
  switch (rule.mode) {
    case 'none':
      return 0
    case 'full':
      return remainder
    case 'fraction':
      return Number((BigInt(remainder) * BigInt(rule.numerator)) / BigInt(rule.denominator))
    case 'capped':
      return Math.max(0, Math.min(remainder, rule.cap - bank))
  }
}

/** Bank checks replay to each boundary: at most this many per program and case keep daily programs cheap. */
const BANK_CHECKS = 6

describe('ledger properties: rollover', () => {
  it(
    'P12 rollover: 0 ≤ rolled ≤ R, rolled + expired = R, fraction = floor(R·n/d), capped bank never above the cap [FAILS until engine fix B5b: see P1]',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(0, { minPrograms: 1 }), ({ built }) => {
          const { facts, end } = built
          const result = replay(facts, { until: end })
          const lots = byId(result)
          for (const program of facts.programs) {
            const programEnd = endOf(program)
            const periodLots = result.lots.filter((lot) => lot.programId === program.id && lot.parentLotId === null)
            let bankChecks = 0
            for (const lot of periodLots) {
              const what = `${lot.id} (${program.rollover.mode})`
              const child = lots.get(`${lot.id}>rolled`)
              const closedByExpiry = lot.status === 'closed' && lot.closedAt === lot.expiresAt && lot.voided === 0
              if (
                program.lot.expiry !== 'period' ||
                !closedByExpiry ||
                lot.closedAt === null ||
                lot.periodIndex === null
              ) {
                expect(lot.rolledOut, `${what}: rolls only when its period closes`).toBe(0)
                continue
              }
              const at = lot.closedAt
              const remainder = lot.rolledOut + lot.expired
              const rolled = lot.rolledOut
              expect(rolled, `${what}: rolled ≥ 0`).toBeGreaterThanOrEqual(0)
              expect(rolled, `${what}: rolled ≤ R`).toBeLessThanOrEqual(remainder)
              const childExpiry =
                program.rolled.periods === null
                  ? programEnd
                  : boundary(program, lot.periodIndex + 1 + program.rolled.periods)
              const lost =
                (programEnd !== null && at >= programEnd && program.rolledLostOnEnd) ||
                (childExpiry !== null && childExpiry <= at)
              if (lost) expect(rolled, `${what}: nothing rolls past the program's end or into an expired child`).toBe(0)
              else if (program.rollover.mode !== 'capped') {
                expect(rolled, `${what}: rolled = rule(R = ${remainder})`).toBe(expectedRoll(program, remainder, 0))
              } else {
                expect(rolled, `${what}: rolled ≤ cap`).toBeLessThanOrEqual(program.rollover.cap)
                if (bankChecks < BANK_CHECKS) {
                  bankChecks += 1
                  // The bank: live rolled lots of the program just before the boundary (those expiring at it excluded).
                  const before = replay(facts, { until: at }).state.lots
                  const bank = sum(
                    before
                      .filter(
                        (other) =>
                          other.kind === 'rollover' && other.programId === program.id && other.status === 'active',
                      )
                      .filter((other) => other.expiresAt === null || other.expiresAt > at)
                      .map((other) => other.remaining),
                  )
                  expect(rolled, `${what}: rolled = min(R = ${remainder}, cap − bank ${bank})`).toBe(
                    expectedRoll(program, remainder, bank),
                  )
                  const after = replay(facts, { until: at + 1 }).state.lots
                  const bankAfter = sum(
                    after
                      .filter(
                        (other) =>
                          other.kind === 'rollover' && other.programId === program.id && other.status === 'active',
                      )
                      .map((other) => other.remaining),
                  )
                  expect(bankAfter, `${what}: bank after the boundary ≤ cap`).toBeLessThanOrEqual(
                    Math.max(program.rollover.cap, bank),
                  )
                }
              }
              if (rolled === 0) {
                expect(child, `${what}: no child when nothing rolls`).toBeUndefined()
                continue
              }
              expect(child, `${what}: the rolled part is a child lot`).toMatchObject({
                kind: 'rollover',
                granted: rolled,
                effectiveAt: at,
                priority: program.rolled.priority,
                tags: lot.tags,
                programId: program.id,
                parentLotId: lot.id,
                periodIndex: lot.periodIndex + 1,
              })
              if (!facts.lotEvents.some((e) => e.lotId === child?.id)) {
                expect(child?.expiresAt, `${what}: the child's expiry`).toBe(childExpiry)
              }
              expect(child?.rolledOut, `${what}: rolled lots never roll again`).toBe(0)
            }
          }
        }),
        {
          ...runs(),
          examples: [
            [caseOf(B5_VOID_ROLLED_PART_AT_BOUNDARY, [])],
            [caseOf(B5B_EXPIRY_CHANGE_ROLLED_PART_AT_BOUNDARY, [])],
          ],
        },
      )
    },
    timeout,
  )

  it(
    'P12b program schedule: one lot per period k with b_k = anchor ⊕ k·interval before the end, period expiry b_{k+1}, cost split exactly',
    () => {
      fc.assert(
        fc.property(scenarioWithInstants(1, { minPrograms: 1 }), ({ built, instants }) => {
          const { facts, end } = built
          const until = Math.min(instants[0] ?? end, end)
          const result = replay(facts, { until })
          const lots = byId(result)
          const zone = facts.account.zone
          for (const program of facts.programs) {
            const programEnd = endOf(program)
            const released = result.lots.filter((lot) => lot.programId === program.id && lot.parentLotId === null)
            let k = 0
            for (; ; k += 1) {
              const start = boundary(program, k)
              if (
                start >= until ||
                (programEnd !== null && start >= programEnd) ||
                (program.periods !== null && k >= program.periods)
              )
                break
              const next = boundary(program, k + 1)
              expect(next, `${program.id}: boundaries strictly increase`).toBeGreaterThan(start)
              const lot = lots.get(`${program.id}#${k}`)
              const what = `${program.id}#${k} (${new Date(start).toISOString()})`
              expect(lot, `${what} is released`).toBeDefined()
              if (lot === undefined) continue
              expect(lot.effectiveAt, `${what}: effective at b_k`).toBe(start)
              expect(lot.periodIndex).toBe(k)
              const rule = program.lot.expiry
              const expiry =
                rule === 'period'
                  ? next
                  : rule.kind === 'never'
                    ? null
                    : rule.kind === 'at'
                      ? rule.at
                      : rule.kind === 'after'
                        ? addDuration(start, rule.duration, zone)
                        : startOfNextLocalDay(start, zone)
              if (expiry !== null && expiry <= start) {
                // A fixed expiry not after the period's start: the period's lot can never be used.
                expect([lot.remaining, lot.consumed], `${what}: expired before it began, never drawn`).toEqual([0, 0])
              } else expect(lot.granted, `${what}: granted the period amount`).toBe(program.amountPerPeriod)
              if (program.interval.months === 1 && program.interval.days === 0) {
                const local = toLocal(start, program.anchor.zone)
                const expectedDay = Math.min(program.anchor.local.day, daysInMonth(local.year, local.month))
                expect(local.day, `${what}: monthly boundaries clamp to the month's length, never drift`).toBe(
                  expectedDay,
                )
              }
              if (!facts.lotEvents.some((e) => e.kind === 'expiry_change' && e.lotId === lot.id)) {
                expect(lot.expiresAt, `${what}: expiry`).toBe(expiry)
              }
              // An annual price released per period: equal shares, the remainder on the last, summing exactly to it.
              const { totalCost, periods } = program
              if (totalCost !== undefined && periods !== null) {
                const share = Math.trunc(totalCost.amount / periods)
                const costs = Array.from({ length: periods }, (_, i) =>
                  i < periods - 1 ? share : totalCost.amount - share * (periods - 1),
                )
                expect(sum(costs), 'the split sums to the whole').toBe(totalCost.amount)
                expect(lot.cost?.amount, `${what}: its share of the total cost`).toBe(costs[k])
              } else expect(lot.cost?.amount ?? null, `${what}: cost`).toBe(program.costPerPeriod?.amount ?? null)
            }
            expect(
              released.length,
              `${program.id}: exactly the periods that began before ${new Date(until).toISOString()}`,
            ).toBe(k)
          }
        }),
        runs(),
      )
    },
    timeout,
  )
})
