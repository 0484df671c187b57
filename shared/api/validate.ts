import type { z } from 'zod'
import { contract, isMethodName, type HandlerInput, type MethodName } from './contract'
import { fail, ok, type Result } from './result'

/** Turn zod issues into one message per field path: what a form shows next to each input. */
export const fieldErrors = (error: z.ZodError): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    fields[key] ??= issue.message
  }
  return fields
}

const summarize = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ')

/** Validate an untrusted payload for a method name that is itself untrusted. */
export const validateCall = (
  method: unknown,
  payload: unknown,
): Result<{ method: MethodName; input: HandlerInput<MethodName> }> => {
  if (!isMethodName(method)) return fail('VALIDATION', `Unknown method: ${String(method).slice(0, 80)}`)
  const parsed = contract[method].input.safeParse(payload)
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error)
    return fail('VALIDATION', summarize(fields), { fields })
  }
  return ok({ method, input: parsed.data as HandlerInput<MethodName> })
}
