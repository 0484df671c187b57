import type { z } from 'zod'
import type { ApiError } from '@shared/api/result'
import { fieldErrors } from '@shared/api/validate'

/** The state of one user action (add a vendor, rename vendor 3…): running, and what went wrong last time. */
export interface Operation {
  readonly pending: boolean
  readonly error: ApiError | null
}

export const IDLE: Operation = Object.freeze({ pending: false, error: null })

/** Keys name one action on one thing, so two rows can fail independently. */
export const opKey = {
  addVendor: 'vendors.add',
  renameVendor: (id: number) => `vendors.rename:${String(id)}`,
  removeVendor: (id: number) => `vendors.remove:${String(id)}`,
  addAccount: 'accounts.add',
  updateAccount: (id: number) => `accounts.update:${String(id)}`,
  removeAccount: (id: number) => `accounts.remove:${String(id)}`,
} as const

/** Check a form's input with the same zod schema the backend uses: a VALIDATION error, or null when it passes. */
export const validateWith = (schema: z.ZodType, input: unknown): ApiError | null => {
  const parsed = schema.safeParse(input)
  if (parsed.success) return null
  const fields = fieldErrors(parsed.error)
  const first = Object.values(fields)[0] ?? 'Check the highlighted fields.'
  return { code: 'VALIDATION', message: first, fields }
}

/** The message for one field, from the backend or the client-side schema. */
export const fieldError = (operation: Operation, field: string): string | undefined => operation.error?.fields?.[field]

/**
 * A message that belongs to no field shown by the form (a CONFLICT, a NOT_FOUND, a field the form lacks).
 * `shown` lists the fields the form renders next to their inputs.
 */
export const formError = (operation: Operation, shown: readonly string[]): string | undefined => {
  const error = operation.error
  if (error === null) return undefined
  const fields = Object.keys(error.fields ?? {})
  if (fields.length > 0 && fields.every((field) => shown.includes(field))) return undefined
  return error.message
}

/** The message for a field or anything inside it ("reminderRules.expiryLeadDays" also takes "….expiryLeadDays.0"). */
export const fieldErrorWithin = (operation: Operation, field: string): string | undefined => {
  const fields = operation.error?.fields
  if (fields === undefined) return undefined
  return fields[field] ?? Object.entries(fields).find(([path]) => path.startsWith(`${field}.`))?.[1]
}

/** Like `formError`, for forms whose fields hold nested values: a field is shown when it or a parent is. */
export const formErrorWithin = (operation: Operation, shown: readonly string[]): string | undefined => {
  const error = operation.error
  if (error === null) return undefined
  const fields = Object.keys(error.fields ?? {})
  const isShown = (path: string): boolean => shown.some((field) => path === field || path.startsWith(`${field}.`))
  if (fields.length > 0 && fields.every(isShown)) return undefined
  return error.message
}
