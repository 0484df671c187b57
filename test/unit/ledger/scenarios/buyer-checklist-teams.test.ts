import { describe, expect, it } from 'vitest'
import { balanceBreakdown, usageByTagPrefix } from '@shared/ledger/breakdown'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, duration, facts, local, program, use } from '../facts'
import { expectConserved, noticesOf } from '../expect-ledger'

/**
 * The buyer checklist (seeds/000), team and enterprise buckets: a pooled workspace versus per-seat allowances
 * ("a per-seat allowance may strand unused credits with one user while another teammate runs out"), and an
 * enterprise commitment with negotiated expiry. Zone UTC, whole credits.
 */

// January usage of three members: alice 300, bob 500, carol 250 (1050 in all).
const members = [
  ['alice', 300, '2026-01-05T00:00:00Z'],
  ['bob', 500, '2026-01-10T00:00:00Z'],
  ['carol', 250, '2026-01-15T00:00:00Z'],
] as const
const strict = (id: string) => account({ id, overdraft: { mode: 'none', limit: 0 } })
const allowance = (id: string, amount: number) =>
  program(`${id}-plan`, { accountId: id, anchor: { local: local('2026-01-01'), zone: 'UTC' }, amountPerPeriod: amount })
const until = at('2026-02-01T00:00:00Z')

describe('Buyer checklist: team pool versus per-seat credits', () => {
  it('pools 1050 credits in one account; usage tagged per member', () => {
    const usage = members.map(([who, amount, when]) => use(`${who}-jan`, amount, when, { tags: [`member:${who}`] }))
    const result = replay(facts({ account: strict('team'), programs: [allowance('team', 1050)], usage }), { until })
    // 300 + 500 + 250 = 1050: the pool covers everyone, nothing is left over, nobody is blocked.
    expect(counters(result, 'team-plan#0')).toMatchObject({ consumed: 1050, remaining: 0 })
    expect(result.notices).toEqual([])
    expect(usageByTagPrefix(usage, 'member:')).toEqual([
      { value: 'bob', amount: 500, count: 1 },
      { value: 'alice', amount: 300, count: 1 },
      { value: 'carol', amount: 250, count: 1 },
    ])
    expectConserved(result, usage)
  })

  it.each([
    // member  seat  used  when                     stranded at Feb 1  over the seat's credits
    ['alice', 350, 300, '2026-01-05T00:00:00Z', 50, 0],
    ['bob', 350, 500, '2026-01-10T00:00:00Z', 0, 150],
    ['carol', 350, 250, '2026-01-15T00:00:00Z', 100, 0],
  ] as const)('per seat, %s: %i credits, %i used', (who, seat, used, when, stranded, over) => {
    // The same 1050 split in seats of 350: bob runs out (150 over) while alice and carol strand 150 between them.
    const usage = [use(`${who}-jan`, used, when, { accountId: who })]
    const result = replay(facts({ account: strict(who), programs: [allowance(who, seat)], usage }), {
      until: until + 1,
    })
    expect(counters(result, `${who}-plan#0`)).toMatchObject({ consumed: used - over, expired: stranded })
    expect(noticesOf(result, 'over_limit').map((n) => n.debt)).toEqual(over > 0 ? [over] : [])
  })
})

describe('Buyer checklist: enterprise commitment with a custom expiry', () => {
  // Contract 2026: 1,000,000 committed credits, usable before they are paid (postpaid), negotiated to stay usable
  // until Mar 31 2027 (beyond the contract year). Used: 600,000 in June, 100,000 in February 2027.
  // Mar 31 2027: 300,000 unused → commitment_shortfall (the customer pays for what it did not use).
  const commit = program('commit', {
    kind: 'commitment',
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    interval: duration('P1Y'),
    periods: 1,
    amountPerPeriod: 1_000_000,
    costPerPeriod: { amount: 120_000_000_000, currency: 'USD' },
    lot: {
      kind: 'commitment',
      funding: 'postpaid',
      priority: 10,
      tags: [],
      expiry: { kind: 'at', at: at('2027-03-31T00:00:00Z') },
    },
  })
  const usage = [use('jun', 600_000, '2026-06-01T00:00:00Z'), use('feb', 100_000, '2027-02-01T00:00:00Z')]
  const ledger = facts({ account: account({ id: 'enterprise' }), programs: [commit], usage })

  it('keeps the committed credits usable past the contract year, as postpaid credit', () => {
    const result = replay(ledger, { until: at('2027-03-01T00:00:00Z') })
    expect(counters(result, 'commit#0')).toMatchObject({ consumed: 700_000, remaining: 300_000 })
    expect(balanceBreakdown(result)).toMatchObject({
      byKind: { commitment: 300_000 },
      byFunding: { postpaid: 300_000 },
    })
    expect(noticesOf(result, 'commitment_shortfall')).toEqual([])
  })

  it('reports the shortfall at the custom expiry', () => {
    const result = replay(ledger, { until: at('2027-06-01T00:00:00Z') })
    expect(noticesOf(result, 'commitment_shortfall')).toEqual([
      { kind: 'commitment_shortfall', at: at('2027-03-31T00:00:00Z'), lotId: 'commit#0', unused: 300_000 },
    ])
    expect(result.lots.filter((l) => l.programId === 'commit')).toHaveLength(1)
    expectConserved(result, usage)
  })
})
