import { describe, expect, it } from 'vitest'
import { accountSpec, programFact, purchaseLot } from '@shared/policies/build'
import { claudePlans } from '@shared/policies/claude'
import { copilot } from '@shared/policies/copilot'
import { hubspot } from '@shared/policies/hubspot'
import { kreator } from '@shared/policies/kreator'
import { openaiApi } from '@shared/policies/openai'
import { applyOverrides } from '@shared/policies/overrides'
import { ruleCounts, unconfirmedRules } from '@shared/policies/rules'
import { schematic } from '@shared/policies/schematic'
import { allowanceProgram, chargesBetween } from '@shared/policies/subscription'
import type { CreditPreset, Preset } from '@shared/policies/types'
import { at, lotOf, run } from './scenario'

const applied = <P extends Preset>(preset: P, overrides: unknown): P => {
  const result = applyOverrides(preset, overrides)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const fieldsOf = (preset: Preset, overrides: unknown): Record<string, string> => {
  const result = applyOverrides(preset, overrides)
  if (result.ok) throw new Error('expected a validation error')
  expect(result.error.code).toBe('VALIDATION')
  return { ...result.error.fields }
}

describe('applyOverrides', () => {
  it('replaces the values given by user rules that keep the default they replaced', () => {
    const mine = applied(openaiApi, {
      zone: 'America/New_York',
      lots: { purchase: { packSize: 25_000_000, priority: 40, expiry: { kind: 'after', duration: 'P2Y' } } },
      recharge: { threshold: 5_000_000, amount: 20_000_000 },
    })
    expect(mine.account.zone).toMatchObject({ basis: 'user', value: 'America/New_York', default: { value: 'UTC' } })
    const expiry = mine.lots.purchase!.expiry
    expect(expiry.basis === 'user' && expiry.default.basis).toBe('source')
    expect(mine.lots.free_grant).toBe(openaiApi.lots.free_grant)
    expect(ruleCounts(mine).user).toBe(6)
    expect(unconfirmedRules(mine).some(({ path }) => path === 'account.zone')).toBe(false)

    const lot = purchaseLot(mine, {
      id: 'p',
      accountId: 'acct',
      createdSeq: 1,
      effectiveAt: at('2024-02-29T12:00:00Z'),
    })
    expect(lot).toMatchObject({ amount: 25_000_000, priority: 40 })
    const result = run({ account: accountSpec(mine, { id: 'acct' }), lots: [lot] }, '2024-03-01T00:00:00Z')
    // Two years in New York: 2026-02-28 07:00 local (clamped), i.e. 12:00Z.
    expect(lotOf(result, 'p').expiresAt).toBe(at('2026-02-28T12:00:00Z'))
  })

  it('keeps the original default when a user value is overridden again, and leaves the preset untouched', () => {
    const once = applied(kreator, { programs: { monthly: { amountPerPeriod: 500 } } })
    const twice = applied(once, { programs: { monthly: { amountPerPeriod: 800 } } })
    const rule = twice.programs.monthly!.amountPerPeriod
    expect(rule).toMatchObject({ basis: 'user', value: 800, default: { basis: 'assumption', value: null } })
    expect(kreator.programs.monthly!.amountPerPeriod.value).toBeNull()
    const program = programFact(twice, 'monthly', { id: 'm', accountId: 'a', createdSeq: 1, start: 0 })
    expect(program.amountPerPeriod).toBe(800)
  })

  it('gives a user-chosen drawdown order its own policy version', () => {
    const mine = applied(openaiApi, { drawdown: ['priority', 'soonest_expiry', 'free_first'] })
    expect(mine.account.drawdown.value.keys).toEqual(['priority', 'soonest_expiry', 'free_first'])
    expect(mine.account.drawdown.value.version).toBeGreaterThan(1_000_000)
    const other = applied(openaiApi, { drawdown: ['soonest_expiry', 'priority', 'free_first'] })
    expect(other.account.drawdown.value.version).not.toBe(mine.account.drawdown.value.version)
  })

  it('overrides subscription plan prices and allowance sizes', () => {
    const claude = applied(claudePlans, {
      plans: { pro: { price: { amount: 18_000_000, currency: 'eur' }, interval: 'P1Y' } },
    })
    expect(claude.plans.pro!.price).toMatchObject({ basis: 'user', value: { amount: 18_000_000, currency: 'EUR' } })
    expect(chargesBetween(claude, { plan: 'pro', start: 0 }, 0, at('1975-01-01T00:00:00Z'))).toHaveLength(5)
    const mine = applied(copilot, {
      zone: 'UTC',
      plans: { pro: { allowances: { premium_requests: { amountPerPeriod: 500_000 } } } },
    })
    const program = allowanceProgram(mine, { plan: 'pro', start: 0 }, 'premium_requests', {
      id: 'p',
      accountId: 'a',
      createdSeq: 1,
    })
    expect(program.amountPerPeriod).toBe(500_000)
    expect(applied(hubspot, undefined)).toEqual(hubspot)
    expect(applied(schematic, { rates: { video: 100 } }).rates?.value).toEqual({ image: 25, text: 1, video: 100 })
  })

  it('reports bad values as messages per field', () => {
    expect(
      fieldsOf(openaiApi, {
        zone: 'Mars/Olympus',
        currency: 'dollars',
        overdraft: { mode: 'limit' },
        lots: { purchase: { priority: -1, packSize: 1.5, expiry: { kind: 'after', duration: '1 year' } } },
        recharge: { amount: 0 },
      }),
    ).toEqual({
      zone: expect.stringMatching(/time zone/i),
      currency: expect.stringMatching(/3-letter/),
      'overdraft.limit': 'Enter the overdraft limit',
      'lots.purchase.priority': 'Priority must be 0 or more',
      'lots.purchase.packSize': 'Pack size must be a whole number',
      'lots.purchase.expiry.duration': expect.stringMatching(/ISO 8601/),
      'recharge.amount': 'Recharge amount must be more than 0',
    })
  })

  it('names unknown templates, plans and settings, and what a preset does not have', () => {
    expect(fieldsOf(openaiApi, { lots: { bonus: { priority: 1 } }, colour: 'red' })).toEqual({
      lots: 'No lot template bonus in this preset',
      _: 'Unknown setting colour',
    })
    expect(fieldsOf(hubspot, { recharge: { amount: 1 }, rates: { text: 1 } })).toEqual({
      recharge: 'This preset has no auto-recharge',
      rates: 'This preset has no rate table',
    })
    expect(fieldsOf(claudePlans, { plans: { team: { interval: 'P1M' } } })).toEqual({
      plans: 'No plan team in this preset',
    })
    expect(fieldsOf(copilot, { plans: { pro: { allowances: { fast_hours: {} } } } })).toEqual({
      'plans.pro.allowances': 'No allowance fast_hours in this preset',
    })
    expect(fieldsOf(schematic, { rates: { Video: 0 } })).toMatchObject({ 'rates.Video': expect.any(String) })
    expect(fieldsOf(openaiApi, 'nonsense')).toHaveProperty('_')
  })

  it('checks values against each other and against the rest of the preset', () => {
    expect(
      fieldsOf(kreator, {
        programs: { monthly: { rollover: { mode: 'fraction', numerator: 3, denominator: 2 }, interval: 'P0D' } },
      }),
    ).toEqual({
      'programs.monthly.rollover.numerator': 'A fraction above 1 would roll over more than remains',
      'programs.monthly.interval': expect.stringMatching(/ISO 8601/),
    })
    expect(fieldsOf(openaiApi, { recharge: { amount: 50_000_000, monthlyMaxAmount: 20_000_000 } })).toEqual({
      'recharge.monthlyMaxAmount': 'The monthly maximum is below a single recharge',
    })
    expect(fieldsOf(openaiApi, { lots: { purchase: { expiry: { kind: 'ask' } } } })).toEqual({
      'lots.purchase.expiry': expect.stringMatching(/Auto-recharge/),
    })
    expect(fieldsOf(kreator, { lots: { addon: { expiry: { kind: 'someday' } } } })).toEqual({
      'lots.addon.expiry.kind': expect.stringMatching(/^Expiry is/),
    })
  })

  it('is typed: a credit preset in, a credit preset out', () => {
    const result = applyOverrides(openaiApi, { lots: { purchase: { priority: 1 } } })
    const preset: CreditPreset | null = result.ok ? result.value : null
    expect(preset?.kind).toBe('credit')
  })
})
