import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LedgerFacts, UsageFact } from '@shared/ledger/model'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import { compareUsage } from '@shared/ledger/usage-order'
import { runs, scenarioWithInstants } from './oracle'
import { timeout } from './scenario-arbitraries'

/**
 * Invariant 12 of ledger-semantics §10 (OpenMeter's phase aggregation): usage records of one instant with the same
 * tags that are applied one after the other draw exactly what one record of their total draws. (Records of other
 * tags in between would change which lots they reach first, so only consecutive ones are merged.)
 */

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

/** Merge each run of consecutive usage (replay order) with the same instant, tags and billability into its first. */
const merged = (usage: readonly UsageFact[]): UsageFact[] => {
  const out: UsageFact[] = []
  for (const record of [...usage].sort(compareUsage)) {
    const last = out[out.length - 1]
    if (
      last &&
      last.occurredAt === record.occurredAt &&
      last.billable === record.billable &&
      sameTags(last.tags, record.tags)
    ) {
      out[out.length - 1] = { ...last, amount: last.amount + record.amount }
    } else out.push(record)
  }
  return out
}

/**
 * Split some records into parts at the same instant with the same tags, applied right after one another (createdSeq
 * values are multiples of 10, so the parts' seq + 1…9 keep them together).
 */
const split = (usage: readonly UsageFact[], cuts: readonly number[][]): UsageFact[] =>
  usage.flatMap((record, i) => {
    const fractions = cuts[i % Math.max(cuts.length, 1)] ?? []
    if (fractions.length === 0) return [record]
    let left = record.amount
    const parts = fractions.map((f, j) => {
      const amount = Math.min(left, Math.floor((record.amount * f) / 100))
      left -= amount
      return { ...record, id: `${record.id}.${j}`, amount, createdSeq: record.createdSeq + j + 1 }
    })
    return [...parts, { ...record, id: `${record.id}.z`, amount: left, createdSeq: record.createdSeq + 9 }]
  })

const counters = (result: ReplayResult) =>
  [...result.lots]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ id, granted, remaining, consumed, expired, voided, rolledOut, status }) => ({
      id,
      granted,
      remaining,
      consumed,
      expired,
      voided,
      rolledOut,
      status,
    }))

describe('ledger properties: batch equivalence', () => {
  it(
    'P11 batch equivalence: merging (or splitting) same-instant, same-tag usage does not change per-lot counters',
    () => {
      fc.assert(
        fc.property(
          scenarioWithInstants(0),
          fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }), { maxLength: 6 }),
          ({ built }, cuts) => {
            const { facts, end } = built
            const base = replay(facts, { until: end })
            const variants: [string, LedgerFacts][] = [
              ['merged', { ...facts, usage: merged(facts.usage) }],
              ['split', { ...facts, usage: split(facts.usage, cuts) }],
            ]
            for (const [name, variant] of variants) {
              const result = replay(variant, { until: end })
              expect(counters(result), `${name}: per-lot counters`).toEqual(counters(base))
              expect(result.balance, `${name}: balance`).toEqual(base.balance)
            }
          },
        ),
        runs(),
      )
    },
    timeout,
  )
})
