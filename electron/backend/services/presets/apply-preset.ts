import { ApiFailure } from '@shared/api/result'
import type { ApplyPresetInput, PresetApplied } from '@shared/api/schemas/preset-apply'
import { presetById } from '@shared/policies/catalog'
import { PresetInputError } from '@shared/policies/input'
import { applyOverrides } from '@shared/policies/overrides'
import { currentBatchId } from '../../history/batches'
import type { ServiceContext } from '../context'
import { applyCreditPreset } from './apply-credit-preset'
import { applySubscriptionPreset } from './apply-subscription-preset'

/** presets.apply: everything a preset makes, in the caller's one transaction and batch (kind 'preset'). */
export const applyPreset = (ctx: ServiceContext, input: ApplyPresetInput): PresetApplied => {
  const base = presetById(input.presetId)
  if (base === undefined) {
    throw new ApiFailure({
      code: 'NOT_FOUND',
      message: `No preset ${input.presetId}`,
      fields: { presetId: 'Unknown preset: see presets.list' },
    })
  }
  const merged = applyOverrides(base, input.overrides ?? {})
  if (!merged.ok) {
    const fields = Object.fromEntries(
      Object.entries(merged.error.fields ?? {}).map(([path, message]) => [`overrides.${path}`, message]),
    )
    throw new ApiFailure({ code: 'VALIDATION', message: merged.error.message, fields })
  }
  const provenance = { recordedAt: ctx.clock.now(), source: 'preset', batchId: currentBatchId(ctx.db) }
  try {
    const preset = merged.value
    return preset.kind === 'credit'
      ? applyCreditPreset(ctx, preset, input, provenance)
      : applySubscriptionPreset(ctx, preset, input, provenance)
  } catch (error) {
    // The preset builders name the input they lack ("amount", "expiresAt"): a field error, not a crash.
    if (error instanceof PresetInputError) {
      throw new ApiFailure({ code: 'VALIDATION', message: error.message, fields: { [error.field]: error.message } })
    }
    throw error
  }
}
