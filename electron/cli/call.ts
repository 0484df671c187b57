import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { ApiError } from '@shared/api/result'
import { startBackend } from './backend'
import type { CliContext } from './command'

/**
 * One contract call for a command that does one thing and exits. It goes through the same dispatch and handlers as
 * the app and `serve` (in this process: backend.ts), so validation, transactions and error codes are the backend's
 * own, not a CLI copy. No quick_check: DESIGN §7 keeps that to app start, `serve` and `check` (it costs ~140 ms at
 * 1M rows).
 */
export const callOnce = async <M extends MethodName>(
  context: CliContext,
  method: M,
  input: MethodInput<M>,
): Promise<{ ok: true; value: MethodOutput<M> } | { ok: false; error: ApiError }> => {
  const backend = await startBackend(context, { quickCheck: false, dailyBackup: false, externalPollMs: 0 })
  try {
    // The backend validated the input against the contract and the handler produced this method's output type.
    return (await backend.call(method, input)) as { ok: true; value: MethodOutput<M> } | { ok: false; error: ApiError }
  } finally {
    await backend.close()
  }
}

/**
 * A failed call on stderr, one line per problem. Field paths are shown as the flag or argument the user typed
 * (`flags` maps field → label), so "effectiveDate" reads as "--date"; exit code 1 (the command ran and failed).
 */
export const reportFailure = (
  context: CliContext,
  command: string,
  error: ApiError,
  flags: Readonly<Record<string, string>> = {},
): number => {
  const fields = Object.entries(error.fields ?? {})
  if (fields.length === 0) context.err(`credit-ledger ${command}: ${error.message}`)
  for (const [field, message] of fields) {
    const label = flags[field] ?? field
    context.err(`credit-ledger ${command}: ${field === '_' ? message : `${label}: ${message}`}`)
  }
  return 1
}
