import { describe, expect, it } from 'vitest'
import type { LedgerFacts, LotFact, ProgramFact, UsageFact } from '@shared/ledger/model'
import { replay } from '@shared/ledger/replay'
import { account, at, counters, facts, local, lot, program, use } from '../facts'
import { balances, expectConserved, noticesOf, paidBy } from '../expect-ledger'

/**
 * Figma AI credits (seeds/003): credits come with each seat, expire monthly, do not roll over, and "cannot be
 * shared or transferred"; a user who runs out cannot do more AI actions until the reset or until an admin adds
 * credits. Each seat is its own account (its own pool and replay), so one seat can never draw another's credits.
 * 3,000 credits per seat a month from Jan 1 2026 00:00 UTC; overdraft 'none' (usage past zero is flagged).
 */
const seat = (id: string): ProgramFact =>
  program(`${id}-monthly`, {
    accountId: id,
    anchor: { local: local('2026-01-01'), zone: 'UTC' },
    amountPerPeriod: 3000,
  })
const seatUse = (seatId: string, id: string, amount: number, when: string): UsageFact =>
  use(id, amount, when, { accountId: seatId })

// All facts of the workspace, as the backend stores them; each seat's replay sees only its own account's facts.
const programs = [seat('seat-a'), seat('seat-b')]
// The admin adds 1,000 credits to seat A on Jan 12 (the seed gives no expiry for them: recorded as never).
const adminGrant: LotFact = lot('admin-a', 1000, '2026-01-12T00:00:00Z', { accountId: 'seat-a', kind: 'grant' })
const usage = [
  seatUse('seat-a', 'a1', 2500, '2026-01-05T10:00:00Z'),
  seatUse('seat-a', 'a2', 600, '2026-01-10T10:00:00Z'),
  seatUse('seat-b', 'b1', 400, '2026-01-10T10:00:00Z'),
  seatUse('seat-a', 'a3', 300, '2026-01-15T10:00:00Z'),
]
const seatFacts = (id: string, lots: readonly LotFact[]): LedgerFacts =>
  facts({
    account: account({ id, zone: 'UTC', overdraft: { mode: 'none', limit: 0 } }),
    programs: programs.filter((p) => p.accountId === id),
    lots: lots.filter((l) => l.accountId === id),
    usage: usage.filter((u) => u.accountId === id),
  })
const options = {
  until: at('2026-02-15T00:00:00Z'),
  collectAllocations: true,
  snapshots: [at('2026-01-11T00:00:00Z'), at('2026-01-31T00:00:00Z'), at('2026-02-01T00:00:00Z')],
}

describe('Figma: per-seat credits that cannot be shared', () => {
  // Seat A: Jan 5 2500, Jan 10 600 → 3000 from its allowance, 100 it did not have → over_limit, balance −100.
  // Seat B: Jan 10 400 → 2600 left, untouched by A running out.
  const a = replay(seatFacts('seat-a', []), options)
  const b = replay(seatFacts('seat-b', []), options)

  it('lets seat A run out without touching seat B', () => {
    // Figma would have refused those 100; recorded anyway, they are owed and A's own February credits pay them.
    expect(paidBy(a, 'a2')).toEqual({ 'seat-a-monthly#0': 500, debt: 100, 'seat-a-monthly#1': 100 })
    expect(noticesOf(a, 'over_limit')).toEqual([
      { kind: 'over_limit', at: at('2026-01-10T10:00:00Z'), debt: 100, usageId: 'a2' },
    ])
    expect(balances(a)['2026-01-11T00:00:00.000Z']).toBe(-100)
    expect(balances(b)['2026-01-11T00:00:00.000Z']).toBe(2600)
    expect(b.notices).toEqual([])
  })

  it('expires each seat’s unused credits at its own monthly reset, without rollover', () => {
    expect(counters(b, 'seat-b-monthly#0')).toEqual({
      remaining: 0,
      consumed: 400,
      expired: 2600,
      voided: 0,
      rolledOut: 0,
    })
    expect(balances(b)['2026-02-01T00:00:00.000Z']).toBe(3000)
    expectConserved(
      b,
      usage.filter((u) => u.accountId === 'seat-b'),
    )
  })
})

describe('Figma: credits an admin adds to one seat', () => {
  // Jan 12: admin adds 1000 to seat A → it first covers the 100 A already overran → 900.
  // Jan 15: A uses 300 → from the admin grant (A's monthly credits are gone) → 600. Seat B still 2600.
  // Feb 1: A's new month brings 3000 more; the admin credits (no expiry) stay: 3600.
  const a = replay(seatFacts('seat-a', [adminGrant]), options)
  const b = replay(seatFacts('seat-b', [adminGrant]), options)

  it('adds to that seat only', () => {
    expect(paidBy(a, 'a2')).toEqual({ 'seat-a-monthly#0': 500, debt: 100, 'admin-a': 100 })
    expect(paidBy(a, 'a3')).toEqual({ 'admin-a': 300 })
    expect(balances(a)).toMatchObject({ '2026-01-31T00:00:00.000Z': 600, '2026-02-01T00:00:00.000Z': 3600 })
    expect(balances(b)['2026-01-31T00:00:00.000Z']).toBe(2600)
    expect(b.lots.map((l) => l.id)).not.toContain('admin-a')
    expectConserved(
      a,
      usage.filter((u) => u.accountId === 'seat-a'),
    )
  })
})
