import { ApiFailure } from '@shared/api/result'
import type { PresetDetail, PresetRuleView, PresetSourceView, PresetSummary } from '@shared/api/types/history'
import { CATALOG, presetById } from '@shared/policies/catalog'
import { collectRules } from '@shared/policies/rules'
import type { PresetRule, Source } from '@shared/policies/types'
import { formatDuration, type Duration } from '@shared/time/duration'

/**
 * presets.list / presets.show (read-only): the catalog, and one preset's rules each with its basis — a source (the
 * words quoted and where they are) or an assumption (and why) — so a user can judge a default before applying it.
 */

export const listPresets = (): readonly PresetSummary[] =>
  CATALOG.map((entry) => ({
    id: entry.id,
    name: entry.name,
    vendor: entry.vendor,
    kind: entry.kind,
    version: entry.version,
    summary: entry.summary,
    rules: entry.rules,
  }))

const DURATION_FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const

const isDuration = (value: object): value is Duration => {
  const keys = Object.keys(value)
  return (
    keys.length === DURATION_FIELDS.length &&
    DURATION_FIELDS.every((field) => typeof (value as Record<string, unknown>)[field] === 'number')
  )
}

/**
 * A rule's value as plain JSON: durations become their ISO 8601 text ("P1M"), undefined members are dropped and a
 * non-finite number (none is expected) becomes text rather than JSON's null.
 */
export const jsonSafe = (value: unknown): unknown => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (Array.isArray(value)) return value.map(jsonSafe)
  if (typeof value === 'object') {
    if (isDuration(value)) return formatDuration(value)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, jsonSafe(member)]),
    )
  }
  // bigint, symbol, function: none occurs in a preset; say what it was rather than drop it.
  return typeof value
}

const sourceView = (source: Source): PresetSourceView => ({
  title: source.title,
  url: source.url,
  file: source.file,
  date: source.date,
  dated: source.dated,
})

const ruleView = (path: string, rule: PresetRule<unknown>): PresetRuleView => {
  const value = jsonSafe(rule.value)
  switch (rule.basis) {
    case 'source':
      return {
        path,
        basis: 'source',
        value,
        source: sourceView(rule.source),
        quote: rule.quote,
        note: rule.note ?? null,
        alsoIn: (rule.alsoIn ?? []).map((other) => ({ source: sourceView(other.source), quote: other.quote })),
      }
    case 'assumption':
      return { path, basis: 'assumption', value, reason: rule.reason }
    case 'user':
      return { path, basis: 'user', value }
  }
}

export const showPreset = (id: string): PresetDetail => {
  const preset = presetById(id)
  if (preset === undefined) {
    const message = `No preset with id ${id} (see presets.list)`
    throw new ApiFailure({ code: 'NOT_FOUND', message, fields: { id: message } })
  }
  return {
    id: preset.id,
    name: preset.name,
    vendor: preset.vendor,
    kind: preset.kind,
    version: preset.version,
    summary: preset.summary,
    rules: collectRules(preset).map(({ path, rule }) => ruleView(path, rule)),
  }
}
