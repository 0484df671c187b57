import type { ApiError } from '@shared/api/result'
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import { callOnce, reportFailure } from './call'
import type { CliContext } from './command'

/**
 * The one way a command answers (issue 4 §6). With --json, stdout carries exactly one document:
 * {"ok":true,"data":…} or {"ok":false,"error":{"code","message","fields"[,"details"]}} — details when the backend
 * gave some (an import's question with its choices, a newer database's versions) so a script can act on them. Without it, `human` writes lines for
 * people and a failure goes to stderr naming the flag and the reason. Exit 0 ok, 1 failed (2 is for usage errors,
 * thrown as UsageError before anything runs).
 */
export interface Answer<T> {
  /** Field path → the flag or argument the user typed, so "effectiveAt" reads as "--at". */
  readonly flags?: Readonly<Record<string, string>>
  readonly human: (value: T) => readonly string[]
}

export const respond = <T>(
  context: CliContext,
  command: string,
  result: { ok: true; value: T } | { ok: false; error: ApiError },
  answer: Answer<T>,
): number => {
  if (context.json) {
    if (result.ok) context.out(JSON.stringify({ ok: true, data: result.value }))
    else {
      const { code, message, fields, details } = result.error
      const error = { code, message, fields: fields ?? {}, ...(details === undefined ? {} : { details }) }
      context.out(JSON.stringify({ ok: false, error }))
    }
    return result.ok ? 0 : 1
  }
  if (!result.ok) return reportFailure(context, command, result.error, answer.flags)
  for (const line of answer.human(result.value)) context.out(line)
  return 0
}

/** Call one contract method and answer with its result. */
export const callAndRespond = async <M extends MethodName>(
  context: CliContext,
  command: string,
  method: M,
  input: MethodInput<M>,
  answer: Answer<MethodOutput<M>>,
): Promise<number> => respond(context, command, await callOnce(context, method, input), answer)
