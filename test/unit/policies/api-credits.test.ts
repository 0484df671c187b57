import { describe, expect, it } from 'vitest'
import { accountSpec, lotFact, PresetInputError, purchaseLot, rechargeRule } from '@shared/policies/build'
import { anthropicApi } from '@shared/policies/anthropic'
import { openaiApi, openaiBusiness } from '@shared/policies/openai'
import { openrouter } from '@shared/policies/openrouter'
import type { CreditPreset } from '@shared/policies/types'
import { at, conserved, counters, lotOf, nextSeq, paidBy, run, usd, use } from './scenario'

const buy = (preset: CreditPreset, id: string, dollars: number, when: string) =>
  purchaseLot(preset, { id, accountId: 'acct', createdSeq: nextSeq(), amount: usd(dollars), effectiveAt: at(when) })

describe('OpenAI API preset', () => {
  const account = accountSpec(openaiApi, { id: 'acct' })

  it('expires each purchase 1 year later on the calendar: Feb 29 2024 → Feb 28 2025', () => {
    const result = run(
      {
        account,
        lots: [buy(openaiApi, 'leap', 10, '2024-02-29T12:00:00Z')],
        usage: [use('before', usd(1), '2025-02-28T11:59:59Z'), use('at-expiry', usd(1), '2025-02-28T12:00:00Z')],
      },
      '2025-03-01T00:00:00Z',
    )
    expect(lotOf(result, 'leap').expiresAt).toBe(at('2025-02-28T12:00:00Z'))
    expect(counters(result, 'leap')).toMatchObject({ consumed: usd(1), expired: usd(9), remaining: 0 })
    expect(paidBy(result, 'at-expiry')).toEqual({ debt: usd(1) })
  })

  it('defaults a dollar purchase to its face value as cost, and free credits to cost 0', () => {
    const lot = buy(openaiApi, 'p', 25, '2026-01-01T00:00:00Z')
    expect(lot).toMatchObject({ kind: 'purchase', funding: 'paid', cost: { amount: usd(25), currency: 'USD' } })
    expect(lot.expiry).toEqual({ kind: 'after', duration: expect.objectContaining({ years: 1 }) })
    const free = lotFact(openaiApi, 'free_grant', {
      id: 'f',
      accountId: 'acct',
      createdSeq: nextSeq(),
      amount: usd(5),
      effectiveAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at('2026-04-01T00:00:00Z'),
    })
    expect(free).toMatchObject({ funding: 'promotional', cost: { amount: 0 }, expiry: { kind: 'at' } })
  })

  it('draws free credits before paid ones, even when the paid lot expires sooner', () => {
    const paid = buy(openaiApi, 'paid', 10, '2024-03-01T00:00:00Z')
    const free = lotFact(openaiApi, 'free_grant', {
      id: 'free',
      accountId: 'acct',
      createdSeq: nextSeq(),
      amount: usd(5),
      effectiveAt: at('2024-06-01T00:00:00Z'),
      expiresAt: at('2025-12-31T00:00:00Z'),
    })
    const result = run(
      { account, lots: [paid, free], usage: [use('u', usd(7), '2024-07-01T00:00:00Z')] },
      '2024-08-01T00:00:00Z',
    )
    expect(paidBy(result, 'u')).toEqual({ free: usd(5), paid: usd(2) })
  })

  it('asks for the expiry of a free grant (it comes from the grant notice)', () => {
    const make = () =>
      lotFact(openaiApi, 'free_grant', {
        id: 'f',
        accountId: 'acct',
        createdSeq: 1,
        amount: 1,
        effectiveAt: 0,
      })
    expect(make).toThrow(PresetInputError)
    expect(make).toThrow(/expiresAt/)
  })

  it('lets the balance go negative and repays the debt from the next purchase', () => {
    const result = run(
      {
        account,
        lots: [buy(openaiApi, 'first', 3, '2026-01-01T00:00:00Z'), buy(openaiApi, 'next', 10, '2026-01-10T00:00:00Z')],
        usage: [use('over', usd(5), '2026-01-05T00:00:00Z')],
      },
      '2026-01-20T00:00:00Z',
      ['2026-01-06T00:00:00Z'],
    )
    expect(result.snapshots[0]).toMatchObject({ balance: usd(-2), debt: usd(2) })
    expect(result.notices.map((notice) => notice.kind)).toEqual(['negative_balance'])
    expect(counters(result, 'next')).toMatchObject({ consumed: usd(2), remaining: usd(8) })
    expect(result.balance).toMatchObject({ balance: usd(8), debt: 0 })
  })

  it('auto-recharges at the threshold within the monthly limit; manual purchases do not count toward it', () => {
    const rule = rechargeRule(openaiApi, {
      id: 'auto',
      accountId: 'acct',
      createdSeq: nextSeq(),
      enabledFrom: at('2026-01-01T00:00:00Z'),
      threshold: usd(5),
      amount: usd(20),
      monthlyMaxAmount: usd(40),
    })
    expect(rule).toMatchObject({ mode: 'fixed', monthlyMaxCount: null, lot: { priority: 50 } })
    expect(rule.lot.expiry).toEqual(openaiApi.lots.purchase?.expiry.value)
    const result = run(
      {
        account,
        rechargeRules: [rule],
        lots: [buy(openaiApi, 'manual', 100, '2026-01-01T00:00:00Z')],
        usage: [
          use('a', usd(96), '2026-01-02T00:00:00Z'),
          use('b', usd(20), '2026-01-03T00:00:00Z'),
          use('c', usd(20), '2026-01-04T00:00:00Z'),
        ],
      },
      '2026-01-31T00:00:00Z',
    )
    const kinds = result.notices.map((notice) => notice.kind)
    expect(kinds.filter((kind) => kind === 'recharge_projected')).toHaveLength(2)
    expect(kinds).toContain('recharge_blocked')
    expect(result.lots.filter((lot) => lot.kind === 'auto_recharge').map((lot) => lot.granted)).toEqual([
      usd(20),
      usd(20),
    ])
    expect(conserved(result)).toBe(true)
  })

  it('needs the threshold and amount the user chose (none is published)', () => {
    const input = { id: 'r', accountId: 'acct', createdSeq: 1, enabledFrom: 0 }
    expect(() => rechargeRule(openaiApi, input)).toThrow(/threshold/)
    expect(() => rechargeRule(openaiApi, { ...input, threshold: 0 })).toThrow(/amount/)
  })

  it('keeps Business credits 12 months and order-form credits until the date the form gives', () => {
    const business = purchaseLot(openaiBusiness, {
      id: 'b',
      accountId: 'acct',
      createdSeq: nextSeq(),
      amount: 1000,
      effectiveAt: at('2024-02-29T00:00:00Z'),
    })
    const result = run(
      { account: accountSpec(openaiBusiness, { id: 'acct' }), lots: [business] },
      '2024-03-01T00:00:00Z',
    )
    expect(lotOf(result, 'b').expiresAt).toBe(at('2025-02-28T00:00:00Z'))
    expect(() =>
      lotFact(openaiBusiness, 'order_form', { id: 'o', accountId: 'acct', createdSeq: 1, amount: 5, effectiveAt: 0 }),
    ).toThrow(/expiresAt/)
  })
})

describe('Anthropic API preset', () => {
  it('expires purchases 1 year later, draws the oldest first, and flags use beyond the balance', () => {
    const account = accountSpec(anthropicApi, { id: 'acct' })
    const result = run(
      {
        account,
        lots: [
          buy(anthropicApi, 'old', 10, '2025-03-15T00:00:00Z'),
          buy(anthropicApi, 'new', 10, '2025-09-01T00:00:00Z'),
        ],
        usage: [use('u', usd(12), '2025-10-01T00:00:00Z'), use('late', usd(20), '2025-10-02T00:00:00Z')],
      },
      '2026-03-16T00:00:00Z',
    )
    expect(lotOf(result, 'old').expiresAt).toBe(at('2026-03-15T00:00:00Z'))
    expect(paidBy(result, 'u')).toEqual({ old: usd(10), new: usd(2) })
    expect(paidBy(result, 'late')).toEqual({ new: usd(8), debt: usd(12) })
    expect(result.notices.map((notice) => notice.kind)).toContain('over_limit')
  })

  it('builds an auto-reload rule from the threshold and amount the user chose', () => {
    const rule = rechargeRule(anthropicApi, {
      id: 'reload',
      accountId: 'acct',
      createdSeq: 1,
      enabledFrom: 0,
      threshold: usd(10),
      amount: usd(50),
    })
    expect(rule).toMatchObject({ threshold: usd(10), amount: usd(50), monthlyMaxAmount: null })
  })
})

describe('OpenRouter preset', () => {
  it('expires purchases after 365 days, not a calendar year: Jan 1 2024 → Dec 31 2024', () => {
    const result = run(
      { account: accountSpec(openrouter, { id: 'acct' }), lots: [buy(openrouter, 'p', 10, '2024-01-01T00:00:00Z')] },
      '2025-01-02T00:00:00Z',
    )
    expect(lotOf(result, 'p')).toMatchObject({ expiresAt: at('2024-12-31T00:00:00Z'), expired: usd(10) })
    expect(openrouter.lots.purchase?.refund.value).toEqual({
      kind: 'within',
      duration: expect.objectContaining({ hours: 24 }),
    })
  })
})
