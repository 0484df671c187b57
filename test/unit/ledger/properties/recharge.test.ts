import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from '@shared/ledger/replay'
import { toLocal } from '@shared/time/zoned'
import { ruleSpecArb, scenarioArb, timeout } from './arbitraries'
import { build } from './arbitraries'
import { appliesTo, runs, sum } from './oracle'

/**
 * Invariant 15 of ledger-semantics §10 and §9.9: per calendar month of the account's zone, the recharges a rule
 * buys keep the month's count and amount of recharge lots (recorded auto_recharge purchases and projected ones,
 * never manual purchases) within its caps; a recharge that is not blocked lifts the available balance above the
 * threshold.
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
          for (const lot of recharges.filter((l) => l.projected)) {
            const rule = facts.rechargeRules.find((r) => r.id === ruleOf.get(lot.id))
            expect(rule, `${lot.id} was bought by a rule`).toBeDefined()
            if (rule === undefined) continue
            const month = monthOf(lot.effectiveAt, zone)
            // What counted when it was bought: this month's recharge lots granted before it (recorded purchases effective
            // at the same instant were granted before the usage that triggered it), and itself.
            const counted = recharges.filter(
              (other) =>
                monthOf(other.effectiveAt, zone) === month &&
                (other.effectiveAt < lot.effectiveAt || (other.effectiveAt === lot.effectiveAt && !other.projected)),
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
            // Right after it (end of that instant), the balance usable by any usage − debt + bought-not-yet-granted is above
            // the threshold (fixed: A·(⌊gap/A⌋ + 1) > gap; target: up to a target above the threshold).
            const state = replay(facts, { until: lot.effectiveAt + 1 }).state
            const pending = sum(
              Object.values(state.recharge)
                .flatMap((s) => s.pendingLots)
                .map((id) => facts.lots.find((l) => l.id === id))
                .filter((l) => l !== undefined && l.effectiveAt > lot.effectiveAt)
                .map((l) => l?.amount ?? 0),
            )
            const available =
              sum(
                state.lots
                  .filter((l) => l.status === 'active' && appliesTo(l.tags, []) && l.tags.length === 0)
                  .map((l) => l.remaining),
              ) -
              sum(state.debt.map((d) => d.amount)) +
              pending
            expect(
              available,
              `${what}: available after the recharge is above the threshold ${rule.threshold}`,
            ).toBeGreaterThan(rule.threshold)
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
        runs(),
      )
    },
    timeout,
  )
})
