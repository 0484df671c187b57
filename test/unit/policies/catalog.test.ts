import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG, creditPreset, PRESETS, presetById, subscriptionPreset } from '@shared/policies/catalog'
import { collectRules, ruleCounts, unconfirmedRules } from '@shared/policies/rules'
import type { Preset } from '@shared/policies/types'

// The captured seeds and research notes the presets cite live beside the repository (/work/shared). Quotes are
// checked against them when they are present; elsewhere (CI) that one test is skipped.
const SOURCES = process.env.POLICY_SOURCES_DIR ?? resolve(import.meta.dirname, '../../../../shared')
const haveSources = existsSync(resolve(SOURCES, 'seeds'))

const normalize = (text: string): string => text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()

const rulesOf = (preset: Preset) => collectRules(preset).map(({ path, rule }) => ({ id: preset.id, path, rule }))
const allRules = PRESETS.flatMap(rulesOf)

describe('policy catalog', () => {
  it('lists every preset once, with a unique id, a positive integer version and its kind', () => {
    const ids = PRESETS.map((preset) => preset.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(CATALOG.map((entry) => entry.id)).toEqual(ids)
    for (const entry of CATALOG) {
      expect(Number.isInteger(entry.version) && entry.version > 0, entry.id).toBe(true)
      expect(entry.id).toMatch(/^[a-z0-9-]+$/)
      expect(presetById(entry.id)?.kind).toBe(entry.kind)
    }
    expect(CATALOG.filter((entry) => entry.kind === 'credit')).toHaveLength(10)
    expect(CATALOG.filter((entry) => entry.kind === 'subscription')).toHaveLength(5)
    expect(creditPreset('openai-api')?.name).toContain('OpenAI')
    expect(creditPreset('chatgpt-plus')).toBeUndefined()
    expect(subscriptionPreset('github-copilot')?.kind).toBe('subscription')
    expect(presetById('nope')).toBeUndefined()
  })

  it('gives every rule of every preset a source or an explicit assumption (never a user value)', () => {
    expect(allRules.length).toBeGreaterThan(300)
    for (const { id, path, rule } of allRules) {
      const where = `${id}: ${path}`
      if (rule.basis === 'source') {
        expect(rule.source.url !== null || rule.source.file !== null, where).toBe(true)
        if (rule.source.url !== null) expect(rule.source.url, where).toMatch(/^https:\/\/\S+$/)
        expect(rule.source.date, where).toMatch(/^\d{4}-\d{2}(-\d{2})?$/)
        expect(['published', 'snapshot', 'captured'], where).toContain(rule.source.dated)
        expect(rule.quote.trim().length, where).toBeGreaterThan(5)
      } else {
        expect(rule.basis, where).toBe('assumption')
        if (rule.basis !== 'assumption') continue
        expect(rule.assumption, where).toBe(true)
        expect(rule.reason.trim().length, where).toBeGreaterThan(5)
        expect(rule.reason, where).not.toMatch(/\n/)
        expect(rule.reason.length, where).toBeLessThanOrEqual(140)
      }
    }
  })

  it('finds the rules where they are declared (the walker misses nothing it should check)', () => {
    const paths = new Set(allRules.map(({ id, path }) => `${id}:${path}`))
    for (const expected of [
      'openai-api:account.drawdown',
      'openai-api:lots.purchase.expiry',
      'openai-api:recharge.monthlyMaxAmount',
      'openai-api:notes.3',
      'kreator:programs.annual.periods',
      'schematic-credits:rates',
      'hubspot-credits:programs.monthly.overage.periodMax',
      'github-copilot:plans.pro.allowances.premium_requests.overage.unitPrice',
      'chatgpt-plus:limits.0',
    ]) {
      expect(paths.has(expected), expected).toBe(true)
    }
  })

  it('keeps subscription prices, which no source gives, as assumptions the user is asked to confirm', () => {
    for (const preset of PRESETS) {
      if (preset.kind !== 'subscription') continue
      const unconfirmed = new Set(unconfirmedRules(preset).map(({ path }) => path))
      for (const key of Object.keys(preset.plans)) expect(unconfirmed.has(`plans.${key}.price`), preset.id).toBe(true)
    }
    const counts = ruleCounts(presetById('kreator') ?? PRESETS[0]!)
    expect(counts.sourced).toBeGreaterThan(counts.assumed)
    expect(counts.user).toBe(0)
  })

  it.skipIf(!haveSources)('quotes its sources verbatim (whitespace and curly quotes aside)', () => {
    const texts = new Map<string, string>()
    for (const { id, path, rule } of allRules) {
      const sources =
        rule.basis === 'source' ? [{ source: rule.source, quote: rule.quote }, ...(rule.alsoIn ?? [])] : []
      for (const { source, quote } of sources) {
        const file = (source.file ?? '').replace(/ §.*$/, '')
        if (!texts.has(file)) texts.set(file, normalize(readFileSync(resolve(SOURCES, file), 'utf8')))
        expect(texts.get(file), `${id}: ${path} quotes ${file}`).toContain(normalize(quote))
      }
    }
  })
})
