import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import type { LotResult } from '@shared/ledger/results'
import { toLocal } from '@shared/time/zoned'
import { ruleSpecArb, scenarioArb, timeout } from './scenario-arbitraries'
import { build } from './build-facts'
import { B8_RECHARGE_CONFIRMED_LATER, RECEIPT_TAKES_OVER_FIRST } from './examples'
import { appliesTo, runs, sum } from './oracle'

/**
 * Invariant 15 of ledger-semantics §10 and §9.9: per calendar month of the account's zone, the recharges a rule
 * buys keep the month's count and amount of recharge lots (recorded auto_recharge purchases and projected ones not
 * yet replaced by their receipt, never manual purchases) within its caps; a recharge that is not blocked lifts the
 * available balance above the threshold. A trigger always projects a lot; a receipt replaces at most one projection
 * of its rule, made at most confirmWithin before it, and takes over what it paid for.
 */

const monthOf = (at: number, zone: string) => {
  const local = toLocal(at, zone)
  return `${local.year}-${String(local.month).padStart(2, '0')}`
}

/** Scenarios that always have at least one rule, and usage to trigger it. */
const withRules = fc
  .tuple(scenarioArb({ maxUsage: 30 }), fc.array(ruleSpecArb, { minLength: 1, maxLength: 2 }))
  .map(([scenario, rules]) => ({ ...scenario, rules: scenario.rules.length > 0 ? scenario.rules : rules }))

describe('ledger properties: auto-recharge', () => {
  it(
    'P13 auto-recharge caps: per month (account zone) the recharge lots stay within each rule’s count and amount caps',
    () => {
      fc.assert(
        fc.property(withRules, (scenario) => {
          const { facts, end } = build(scenario)
          const zone = facts.account.zone
          const result = replay(facts, { until: end })
          const ruleOf = new Map(
            result.notices.flatMap((n) => (n.kind === 'recharge_projected' ? [[n.lotId, n.ruleId] as const] : [])),
          )
          const recharges = result.lots.filter((lot) => lot.kind === 'auto_recharge' && lot.granted > 0)
          // A projection replaced by a receipt is closed with entries noted "confirmed by <receipt>" at the
          // receipt's instant (a void of what it had left, a clawback of what it had paid for, if any).
          const confirmation = (lot: LotResult) => {
            const entry = lot.history.find((h) => h.note?.startsWith('confirmed by ') === true)
            return entry === undefined ? null : { at: entry.at, receiptId: entry.note?.slice('confirmed by '.length) }
          }
          const confirmedBy = new Map<string, string>()
          for (const lot of recharges.filter((l) => l.projected)) {
            const rule = facts.rechargeRules.find((r) => r.id === ruleOf.get(lot.id))
            expect(rule, `${lot.id} was bought by a rule`).toBeDefined()
            if (rule === undefined) continue
            const month = monthOf(lot.effectiveAt, zone)
            // Right after it (end of that instant): the projection waits for its receipt, and so does every earlier
            // projection no receipt has replaced yet (a receipt at the same instant was granted, and replaced, before
            // the usage that triggered this one).
            const state = replay(facts, { until: lot.effectiveAt + 1 }).state
            const open = new Set(Object.values(state.recharge).flatMap((s) => s.open))
            expect(open.has(lot.id), `${lot.id}: open until its receipt`).toBe(true)
            // What counted when it was bought: this month's recorded recharge lots granted by then (those effective
            // at the same instant were granted before the usage that triggered it), the projections bought before it
            // still open (a projection replaced later still counted: its receipt was not there yet; once replaced, the
            // month counts the receipt instead), and itself.
            const counted = recharges.filter(
              (other) =>
                monthOf(other.effectiveAt, zone) === month &&
                (other.projected
                  ? other.effectiveAt < lot.effectiveAt && open.has(other.id)
                  : other.effectiveAt <= lot.effectiveAt),
            )
            const what = `${lot.id} (${month}, rule ${rule.id})`
            if (rule.monthlyMaxCount !== null) {
              expect(counted.length + 1, `${what}: count within ${rule.monthlyMaxCount}`).toBeLessThanOrEqual(
                rule.monthlyMaxCount,
              )
            }
            if (rule.monthlyMaxAmount !== null) {
              expect(
                sum(counted.map((l) => l.granted)) + lot.granted,
                `${what}: amount within ${rule.monthlyMaxAmount}`,
              ).toBeLessThanOrEqual(rule.monthlyMaxAmount)
            }
            expect(lot.effectiveAt, `${what}: within the rule's enabled window`).toBeGreaterThanOrEqual(
              rule.enabledFrom,
            )
            if (rule.enabledUntil !== null) expect(lot.effectiveAt).toBeLessThan(rule.enabledUntil)
            // Right after it, the balance usable by any usage − debt is above the threshold (fixed: A·(⌊gap/A⌋ + 1)
            // > gap; target: up to a target above the threshold). Nothing is bought but not yet granted any more: the
            // projection itself is in the balance from the trigger on.
            const available =
              sum(
                state.lots
                  .filter((l) => l.status === 'active' && appliesTo(l.tags, []) && l.tags.length === 0)
                  .map((l) => l.remaining),
              ) - sum(state.debt.map((d) => d.amount))
            expect(
              available,
              `${what}: available after the recharge is above the threshold ${rule.threshold}`,
            ).toBeGreaterThan(rule.threshold)
            // Every earlier projection with a receipt is open right after this one exactly when the receipt came later.
            for (const other of recharges.filter((l) => l.projected && l.effectiveAt < lot.effectiveAt)) {
              const by = confirmation(other)
              if (by !== null) expect(open.has(other.id), `${other.id} open at ${what}`).toBe(by.at > lot.effectiveAt)
            }
            // A receipt that replaced it: a recorded auto_recharge purchase of its window, replacing no other
            // projection; what the projection paid for moved to the receipt (or was drawn again), none stays on it.
            const replaced = confirmation(lot)
            if (replaced === null) continue
            const receipt = result.lots.find((l) => l.id === replaced.receiptId)
            expect(receipt, `${what}: replaced by a recorded recharge`).toMatchObject({
              kind: 'auto_recharge',
              projected: false,
              effectiveAt: replaced.at,
            })
            expect(replaced.at, `${what}: receipt within confirmWithin`).toBeLessThanOrEqual(
              lot.effectiveAt + rule.confirmWithinMs,
            )
            expect(replaced.at).toBeGreaterThanOrEqual(lot.effectiveAt)
            expect(confirmedBy.get(replaced.receiptId ?? ''), `${what}: a receipt replaces one projection`).toBe(
              undefined,
            )
            confirmedBy.set(replaced.receiptId ?? '', lot.id)
            expect(lot, `${what}: voided, nothing consumed`).toMatchObject({
              status: 'closed',
              consumed: 0,
              remaining: 0,
            })
          }
          // A month is blocked (with a notice) only when a purchase really would break a cap.
          for (const notice of result.notices) {
            if (notice.kind !== 'recharge_blocked') continue
            const rule = facts.rechargeRules.find((r) => r.id === notice.ruleId)
            const cap = notice.reason === 'max_count' ? rule?.monthlyMaxCount : rule?.monthlyMaxAmount
            expect(cap, `blocked by a cap the rule has: ${JSON.stringify(notice)}`).not.toBeNull()
            expect(notice.month).toBe(monthOf(notice.at, zone))
          }
        }),
        // B8 and the takeover example: a receipt replaces a projection that had paid for usage.
        { ...runs(), examples: [[B8_RECHARGE_CONFIRMED_LATER], [RECEIPT_TAKES_OVER_FIRST]] },
      )
    },
    timeout,
  )
})
