import { describe, expect, it } from 'vitest'
import type { PresetDetail, PresetSummary } from '@shared/api/types/history'
import { PRESETS } from '@shared/policies/catalog'
import { collectRules } from '@shared/policies/rules'
import { openLedger } from './history-fixture'

describe('presets.list and presets.show', () => {
  it('lists every shipped preset with its id, name, vendor, kind, version and summary', async () => {
    const ledger = await openLedger()
    const list = await ledger.call<PresetSummary[]>('presets.list')
    expect(list.map((preset) => preset.id)).toEqual(PRESETS.map((preset) => preset.id))
    expect(list.find((preset) => preset.id === 'openrouter')).toMatchObject({
      name: 'OpenRouter credits',
      vendor: 'OpenRouter',
      kind: 'credit',
      version: 1,
      summary: expect.stringContaining('US-dollar') as unknown,
      rules: { sourced: expect.any(Number) as unknown, assumed: expect.any(Number) as unknown },
    })
  })

  it('shows each rule with its basis: a source with its quote and url, or an assumption with its reason', async () => {
    const ledger = await openLedger()
    const detail = await ledger.call<PresetDetail>('presets.show', { id: 'openrouter' })
    expect(detail.rules).toHaveLength(collectRules(PRESETS.find((p) => p.id === 'openrouter') ?? PRESETS[0]!).length)
    expect(detail.rules.find((rule) => rule.path === 'lots.purchase.expiry')).toEqual({
      path: 'lots.purchase.expiry',
      basis: 'source',
      value: { kind: 'after', duration: 'P365D' },
      source: expect.objectContaining({
        url: 'https://conductatlas.com/platform/openrouter/openrouter-terms-of-service/credit-expiration/',
      }) as unknown,
      quote: 'OpenRouter may expire after 365 days, refund only within 24 h',
      note: expect.stringContaining('365 days') as unknown,
      alsoIn: [],
    })
    expect(detail.rules.find((rule) => rule.path === 'account.zone')).toEqual({
      path: 'account.zone',
      basis: 'assumption',
      value: 'UTC',
      reason: expect.stringContaining('UTC') as unknown,
    })
    // Every preset shows as plain JSON: what a transport carries is what the backend answered.
    for (const preset of PRESETS) {
      const shown = await ledger.call<PresetDetail>('presets.show', { id: preset.id })
      expect(JSON.parse(JSON.stringify(shown))).toEqual(shown)
      expect(JSON.stringify(shown)).not.toMatch(/"years":/)
    }
  })

  it('an unknown id is NOT_FOUND on the id field', async () => {
    const ledger = await openLedger()
    expect(await ledger.backend.dispatch('presets.show', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { id: expect.stringContaining('nope') as unknown } },
    })
  })
})
