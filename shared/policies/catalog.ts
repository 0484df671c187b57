import { anthropicApi } from './anthropic'
import { chatgptPlus } from './chatgpt'
import { claudePlans } from './claude'
import { copilot } from './copilot'
import { cursor } from './cursor'
import { figmaSeats } from './figma'
import { dailyFree, genericMonthlyRollover } from './generic'
import { hubspot } from './hubspot'
import { kreator } from './kreator'
import { midjourney } from './midjourney'
import { openaiApi, openaiBusiness } from './openai'
import { openrouter } from './openrouter'
import { ruleCounts } from './rules'
import { schematic } from './schematic'
import type { CreditPreset, Preset, SubscriptionPreset } from './types'

/** Every preset the app ships, credit presets first. */
export const PRESETS: readonly Preset[] = [
  openaiApi,
  openaiBusiness,
  anthropicApi,
  openrouter,
  hubspot,
  figmaSeats,
  kreator,
  schematic,
  genericMonthlyRollover,
  dailyFree,
  chatgptPlus,
  claudePlans,
  midjourney,
  cursor,
  copilot,
]

export interface CatalogEntry {
  readonly id: string
  readonly name: string
  readonly vendor: string
  readonly version: number
  readonly kind: Preset['kind']
  readonly summary: string
  /** How many rules are sourced and how many are assumptions the user should confirm. */
  readonly rules: { readonly sourced: number; readonly assumed: number }
}

export const CATALOG: readonly CatalogEntry[] = PRESETS.map((preset) => {
  const counts = ruleCounts(preset)
  return {
    id: preset.id,
    name: preset.name,
    vendor: preset.vendor,
    version: preset.version,
    kind: preset.kind,
    summary: preset.summary,
    rules: { sourced: counts.sourced, assumed: counts.assumed },
  }
})

const byId = new Map(PRESETS.map((preset) => [preset.id, preset]))

export const presetById = (id: string): Preset | undefined => byId.get(id)

export const creditPreset = (id: string): CreditPreset | undefined => {
  const preset = byId.get(id)
  return preset?.kind === 'credit' ? preset : undefined
}

export const subscriptionPreset = (id: string): SubscriptionPreset | undefined => {
  const preset = byId.get(id)
  return preset?.kind === 'subscription' ? preset : undefined
}
