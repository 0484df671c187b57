import { describe, expect, it } from 'vitest'
import { accountSpec, lotFact, programFact, rechargeRule } from '@shared/policies/build'
import { PRESETS } from '@shared/policies/catalog'
import { UNIT_ID_PATTERN } from '@shared/money/units'
import type { LotFact, ProgramFact, RechargeRule } from '@shared/ledger/model'
import type { CreditPreset } from '@shared/policies/types'
import { allowanceAccount, allowanceProgram } from '@shared/policies/subscription'
import { at, conserved, nextSeq, run, use } from './scenario'

const credit = PRESETS.filter((preset): preset is CreditPreset => preset.kind === 'credit')
const START = '2026-01-31T00:00:00Z'

/** Facts from every template of a preset, filling what the preset leaves to the user with plain values. */
const everything = (preset: CreditPreset) => {
  const accountId = `${preset.id}-acct`
  const scale = 10 ** preset.account.unit.value.scale
  const programs: ProgramFact[] = []
  for (const key of Object.keys(preset.programs)) {
    const input = {
      id: `${preset.id}:${key}`,
      accountId,
      createdSeq: nextSeq(),
      start: at(START),
      amountPerPeriod: 100 * scale,
    }
    programs.push(programFact(preset, key, input))
  }
  const billed = Object.entries(preset.programs).find(([, template]) => template.overage !== null)?.[0]
  const lots: LotFact[] = Object.keys(preset.lots).map((key, index) =>
    lotFact(preset, key, {
      id: `${preset.id}:${key}`,
      accountId,
      createdSeq: nextSeq(),
      amount: 50 * scale,
      effectiveAt: at('2026-02-03T00:00:00Z') + index,
      expiresAt: preset.lots[key]?.expiry.value.kind === 'ask' ? at('2026-12-31T00:00:00Z') : undefined,
      programId: programs[0]?.id,
    }),
  )
  const rechargeRules: RechargeRule[] =
    preset.recharge === null
      ? []
      : [
          rechargeRule(preset, {
            id: `${preset.id}:recharge`,
            accountId,
            createdSeq: nextSeq(),
            enabledFrom: at(START),
            threshold: 5 * scale,
            amount: 25 * scale,
          }),
        ]
  const overage =
    billed === undefined ? undefined : { template: billed, programId: `${preset.id}:${billed}`, max: 20 * scale }
  return { account: accountSpec(preset, { id: accountId, overage }), programs, lots, rechargeRules }
}

describe('every credit preset', () => {
  it.each(credit.map((preset) => [preset.id, preset] as const))('%s builds facts that replay accepts', (_, preset) => {
    const facts = everything(preset)
    const scale = 10 ** preset.account.unit.value.scale
    const usage = ['02-01', '02-09', '02-20', '03-12', '04-16'].map((day, index) =>
      use(`u${index}`, 30 * scale, `2026-${day}T12:00:00Z`, facts.account.id),
    )
    const result = run({ ...facts, usage }, '2026-06-01T00:00:00Z')
    expect(conserved(result)).toBe(true)
    expect(result.lots.length).toBeGreaterThan(0)
    const unit = preset.account.unit.value
    expect(unit.id).toMatch(UNIT_ID_PATTERN)
    expect(unit.kind === 'money' ? unit.scale : 0).toBe(unit.kind === 'money' ? 6 : 0)
    if (preset.purchase !== null) expect(preset.lots[preset.purchase]).toBeDefined()
    if (preset.recharge !== null) expect(preset.lots[preset.recharge.lot]).toBeDefined()
  })
})

describe('every subscription allowance', () => {
  const cases = PRESETS.flatMap((preset) =>
    preset.kind !== 'subscription'
      ? []
      : Object.entries(preset.plans).flatMap(([plan, template]) =>
          Object.keys(template.allowances).map((key) => [`${preset.id} ${plan} ${key}`, preset, plan, key] as const),
        ),
  )

  it('covers the vendors that state an allowance', () => {
    expect(cases.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'midjourney basic fast_hours',
        'cursor pro included',
        'github-copilot pro premium_requests',
      ]),
    )
  })

  it.each(cases)('%s replays as a program', (_, preset, plan, key) => {
    const sub = { plan, start: at(START) }
    const programs = [allowanceProgram(preset, sub, key, { id: 'allowance', accountId: 'acct', createdSeq: nextSeq() })]
    const hasOverage = preset.plans[plan]?.allowances[key]?.overage !== null
    const overage = hasOverage ? { programId: 'allowance', max: 1000 } : undefined
    const result = run(
      {
        account: allowanceAccount(preset, sub, key, 'acct', overage).account,
        programs,
        usage: [use('u', 1000, '2026-02-10T00:00:00Z'), use('big', 10 ** 12, '2026-03-10T00:00:00Z')],
      },
      '2026-05-01T00:00:00Z',
    )
    expect(conserved(result)).toBe(true)
    expect(result.lots.filter((lot) => lot.programId === 'allowance')).toHaveLength(4)
  })
})
