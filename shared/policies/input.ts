import type { CreditPreset, ProgramTemplate } from './types'

/** Errors and checks shared by the fact builders. */

export class PresetInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
    this.name = 'PresetInputError'
  }
}

export const required = <T>(value: T | null | undefined, field: string, message: string): T => {
  if (value === null || value === undefined) throw new PresetInputError(field, message)
  return value
}

export const positiveAmount = (value: number, field: string): number => {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new PresetInputError(field, `must be a whole number of minor units above 0, got ${String(value)}`)
  }
  return value
}

export const programTemplate = (preset: CreditPreset, key: string): ProgramTemplate =>
  required(preset.programs[key], 'template', `${preset.id} has no program template "${key}"`)
