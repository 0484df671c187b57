import type { Preset, PresetRule, Source } from './types'

/** A value the source states. `quote` is the supporting text, verbatim. */
export const sourced = <T>(
  value: T,
  source: Source,
  quote: string,
  extra: { readonly note?: string; readonly alsoIn?: readonly { source: Source; quote: string }[] } = {},
): PresetRule<T> => ({ basis: 'source', value, source, quote, ...extra })

/** A value no source states: kept visibly apart so the UI can ask the user to confirm it. */
export const assumed = <T>(value: T, reason: string): PresetRule<T> => ({
  basis: 'assumption',
  value,
  assumption: true,
  reason,
})

/** The user's value over a rule; `default` always points at the preset's own rule, however often it is overridden. */
export const userRule = <T>(previous: PresetRule<T>, value: T): PresetRule<T> => ({
  basis: 'user',
  value,
  default: previous.basis === 'user' ? previous.default : previous,
})

const BASES = new Set(['source', 'assumption', 'user'])

export const isRule = (value: unknown): value is PresetRule<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'basis' in value &&
  'value' in value &&
  BASES.has((value as { basis: unknown }).basis as string)

export interface RuleAt {
  /** Dot path inside the preset, e.g. "lots.purchase.expiry" or "notes.0". */
  readonly path: string
  readonly rule: PresetRule<unknown>
}

/** Every rule in a preset (not descending into a rule's own value), in declaration order. */
export const collectRules = (preset: Preset): RuleAt[] => {
  const found: RuleAt[] = []
  const walk = (node: unknown, path: string): void => {
    if (isRule(node)) {
      found.push({ path, rule: node })
      return
    }
    if (typeof node !== 'object' || node === null) return
    for (const [key, child] of Object.entries(node)) walk(child, path === '' ? key : `${path}.${key}`)
  }
  walk(preset, '')
  return found
}

/** Assumptions the user has not yet replaced with their own value: what the UI asks them to confirm. */
export const unconfirmedRules = (preset: Preset): { path: string; value: unknown; reason: string }[] =>
  collectRules(preset).flatMap(({ path, rule }) =>
    rule.basis === 'assumption' ? [{ path, value: rule.value, reason: rule.reason }] : [],
  )

export const ruleCounts = (preset: Preset): { sourced: number; assumed: number; user: number } => {
  const counts = { sourced: 0, assumed: 0, user: 0 }
  for (const { rule } of collectRules(preset)) {
    if (rule.basis === 'source') counts.sourced += 1
    else if (rule.basis === 'assumption') counts.assumed += 1
    else counts.user += 1
  }
  return counts
}
