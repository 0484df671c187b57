import type { z } from 'zod'
import { ApiFailure } from '@shared/api/result'
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type FxRate,
  type FxRateOn,
  type fxRateOnInput,
  type newFxRateInput,
  type Settings,
  type settingsPatch,
} from '@shared/settings/schemas'
import { fxRepo } from '../repositories/fx-repo'
import { settingsRepo } from '../repositories/settings-repo'
import { inTransaction, type ServiceContext } from './context'

/** Settings (defaults until set) and dated FX rates; every mutation is one transaction. */

type SettingKey = keyof Settings
const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[]

/**
 * Each stored value is JSON and re-validated on read: a row edited by hand or written by a newer version falls back
 * to its default instead of breaking every view that needs the settings.
 */
const readSettings = (ctx: ServiceContext): Settings => {
  const stored = settingsRepo(ctx.db).all()
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const key of KEYS) {
    const text = stored.get(key)
    if (text === undefined) continue
    const parsed = settingsSchema.shape[key].safeParse(parseJson(text))
    if (parsed.success) settings[key] = parsed.data
  }
  // Every key was set from DEFAULT_SETTINGS or a value its own schema accepted.
  return settings as unknown as Settings
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export const getSettings = (ctx: ServiceContext): Settings => readSettings(ctx)

export const setSettings = (ctx: ServiceContext, patch: z.output<typeof settingsPatch>): Settings =>
  inTransaction(ctx, () => {
    const repo = settingsRepo(ctx.db)
    const now = ctx.clock.now()
    for (const key of KEYS) {
      const value = patch[key]
      if (value !== undefined) repo.put(key, JSON.stringify(value), now)
    }
    return readSettings(ctx)
  })

const pairName = (base: string, quote: string) => `${base}→${quote}`

export const addFxRate = (ctx: ServiceContext, input: z.output<typeof newFxRateInput>): FxRate =>
  inTransaction(ctx, () => {
    const rates = fxRepo(ctx.db)
    const existing = rates.find(input.base, input.quote, input.effectiveDate)
    if (existing) {
      // A correction is a deliberate act (not yet offered), so a second rate for the same day is refused, not merged.
      const message = `A ${pairName(input.base, input.quote)} rate for ${input.effectiveDate} already exists (${existing.rate})`
      throw new ApiFailure({ code: 'CONFLICT', message, fields: { effectiveDate: message } })
    }
    const id = rates.insert({ ...input, rateE9: input.rate }, ctx.clock.now())
    const added = rates.get(id)
    if (!added) throw new ApiFailure({ code: 'INTERNAL', message: `FX rate ${id} vanished after insert` })
    return added
  })

export const listFxRates = (ctx: ServiceContext, filter?: { base?: string; quote?: string }): FxRate[] =>
  fxRepo(ctx.db).list(filter?.base ?? null, filter?.quote ?? null)

/** DESIGN §4: no rate means NOT_FOUND with what is missing, never a silent 1:1. */
export const fxRateOn = (ctx: ServiceContext, input: z.output<typeof fxRateOnInput>): FxRateOn => {
  if (input.base === input.quote) return { rate: '1', effectiveDate: input.date }
  const rates = fxRepo(ctx.db)
  const found = rates.latestOnOrBefore(input.base, input.quote, input.date)
  if (found) return { rate: found.rate, effectiveDate: found.effectiveDate }
  const first = rates.earliest(input.base, input.quote)
  const pair = pairName(input.base, input.quote)
  throw new ApiFailure({
    code: 'NOT_FOUND',
    message: first
      ? `No ${pair} rate on or before ${input.date}; the first one is effective ${first.effectiveDate}`
      : `No ${pair} rate has been entered; add one to convert ${input.base} to ${input.quote}`,
    details: { base: input.base, quote: input.quote, date: input.date },
  })
}
