import { describe, expect, it } from 'vitest'
import { overageCost, PresetInputError } from '@shared/policies/build'
import { chatgptPlus } from '@shared/policies/chatgpt'
import { claudePlans } from '@shared/policies/claude'
import { copilot } from '@shared/policies/copilot'
import { cursor } from '@shared/policies/cursor'
import { midjourney } from '@shared/policies/midjourney'
import {
  accessUntil,
  allowanceAccount,
  allowanceProgram,
  chargeAt,
  chargesBetween,
  nextCharge,
} from '@shared/policies/subscription'
import { at, counters, lotOf, nextSeq, paidBy, run, use } from './scenario'

describe('subscription renewals and cancellation', () => {
  const claude = { plan: 'pro', start: at('2024-01-31T10:00:00Z') }

  it('renews on the billing date, clamped to short months and never drifting', () => {
    expect(chargeAt(claudePlans, claude, 1)).toBe(at('2024-02-29T10:00:00Z'))
    expect(chargeAt(claudePlans, claude, 2)).toBe(at('2024-03-31T10:00:00Z'))
    expect(chargeAt(claudePlans, claude, 13)).toBe(at('2025-02-28T10:00:00Z'))
    const year = chargesBetween(claudePlans, claude, at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'))
    expect(year).toHaveLength(12)
    expect(year[0]).toEqual({ k: 0, at: claude.start, price: { amount: 20_000_000, currency: 'USD' } })
    expect(nextCharge(claudePlans, claude, at('2024-03-31T10:00:00Z'))?.at).toBe(at('2024-04-30T10:00:00Z'))
  })

  it('keeps access to the end of the paid period after a cancellation, and stops renewing', () => {
    const cancelled = { ...claude, cancelledAt: at('2024-03-05T00:00:00Z') }
    expect(accessUntil(claudePlans, claude, at('2024-03-05T00:00:00Z'))).toBe(at('2024-03-31T10:00:00Z'))
    expect(chargesBetween(claudePlans, cancelled, claude.start, at('2025-01-01T00:00:00Z'))).toHaveLength(2)
    expect(nextCharge(claudePlans, cancelled, at('2024-03-06T00:00:00Z'))).toBeNull()
  })

  it('presents every price as an assumption the user must confirm', () => {
    for (const preset of [chatgptPlus, claudePlans, midjourney, cursor, copilot]) {
      for (const plan of Object.values(preset.plans)) expect(plan.price.basis, preset.id).toBe('assumption')
    }
    expect(chatgptPlus.limits[0]?.basis).toBe('source')
    expect(() => chargeAt(chatgptPlus, { plan: 'team', start: 0 }, 1)).toThrow(PresetInputError)
  })
})

describe('allowances modelled as programs', () => {
  it('resets Copilot premium requests on the 1st at 00:00 UTC whatever the billing date; overage at $0.04', () => {
    const sub = { plan: 'pro', start: at('2026-01-15T10:00:00Z') }
    const input = { id: 'pr', accountId: 'acct', createdSeq: nextSeq() }
    const program = allowanceProgram(copilot, sub, 'premium_requests', input)
    expect(program.anchor).toMatchObject({ zone: 'UTC', local: { year: 2026, month: 1, day: 1, hour: 0 } })
    expect(program.amountPerPeriod).toBe(300_000)
    expect(allowanceAccount(copilot, sub, 'premium_requests', 'acct').account.overdraft).toEqual({
      mode: 'none',
      limit: 0,
    })
    const { account, unit } = allowanceAccount(copilot, sub, 'premium_requests', 'acct', {
      programId: 'pr',
      max: 50_000,
    })
    expect(unit).toMatchObject({ id: 'copilot-premium-request', scale: 3 })
    const result = run(
      {
        account,
        programs: [program],
        usage: [use('jan', 250_000, '2026-01-20T00:00:00Z'), use('feb', 320_000, '2026-02-03T00:00:00Z')],
      },
      '2026-03-15T00:00:00Z',
    )
    expect(counters(result, 'pr#0')).toMatchObject({ consumed: 250_000, expired: 50_000 })
    expect(lotOf(result, 'pr#1').effectiveAt).toBe(at('2026-02-01T00:00:00Z'))
    expect(paidBy(result, 'feb')).toEqual({ 'pr#1': 300_000, debt: 20_000 })
    expect(result.notices).toContainEqual({
      kind: 'overage_billed',
      at: at('2026-03-01T00:00:00Z'),
      programId: 'pr',
      amount: 20_000,
    })
    expect(counters(result, 'pr#2')).toMatchObject({ consumed: 0, remaining: 300_000 })
    const template = copilot.plans.pro!.allowances.premium_requests!
    expect(overageCost(template, 20_000)).toEqual({ amount: 800_000, currency: 'USD' }) // 20 × $0.04
  })

  it('resets Midjourney fast hours on the billing date without rollover', () => {
    const sub = { plan: 'standard', start: at('2026-01-10T08:00:00Z') }
    const program = allowanceProgram(midjourney, sub, 'fast_hours', { id: 'fh', accountId: 'acct', createdSeq: 1 })
    const result = run(
      { account: allowanceAccount(midjourney, sub, 'fast_hours', 'acct').account, programs: [program] },
      '2026-02-11T00:00:00Z',
    )
    expect(lotOf(result, 'fh#0')).toMatchObject({
      granted: 15_000,
      expired: 15_000,
      rolledOut: 0,
      closedAt: at('2026-02-10T08:00:00Z'),
    })
  })

  it('stops an allowance at the end of the paid period when the plan is cancelled', () => {
    const sub = { plan: 'pro', start: at('2026-01-10T00:00:00Z'), cancelledAt: at('2026-02-20T00:00:00Z') }
    const program = allowanceProgram(cursor, sub, 'included', { id: 'inc', accountId: 'acct', createdSeq: 1 })
    expect(program.endsAt).toBe(at('2026-03-10T00:00:00Z'))
    const result = run(
      { account: allowanceAccount(cursor, sub, 'included', 'acct').account, programs: [program] },
      '2026-06-01T00:00:00Z',
    )
    expect(result.lots.map((lot) => lot.id)).toEqual(['inc#0', 'inc#1'])
    expect(() => allowanceProgram(cursor, sub, 'premium', { id: 'x', accountId: 'acct', createdSeq: 1 })).toThrow(
      /allowance/,
    )
  })
})
