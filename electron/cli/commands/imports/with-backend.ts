import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { ApiError } from '@shared/api/result'
import type { BackendClient } from '../../../backend/worker/backend-client'
import { startBackend } from '../../backend'
import type { CliContext } from '../../command'

/**
 * The backend for a command that needs more than one call, or the host-only `registerFile` before its call (an
 * import names its file by the id the host registered: the contract never takes a path). Started once, in this
 * process, with the same settings as callOnce (call.ts), and closed whatever happens.
 */
export const withBackend = async <T>(context: CliContext, work: (client: BackendClient) => Promise<T>): Promise<T> => {
  const client = await startBackend(context, { quickCheck: false, dailyBackup: false, externalPollMs: 0 })
  try {
    return await work(client)
  } finally {
    await client.close()
  }
}

export type CallResult<M extends MethodName> = { ok: true; value: MethodOutput<M> } | { ok: false; error: ApiError }

/** One contract call on a started backend, typed by the method (the backend validated input and output). */
export const callOn = async <M extends MethodName>(
  client: BackendClient,
  method: M,
  input: MethodInput<M>,
): Promise<CallResult<M>> => (await client.call(method, input)) as CallResult<M>
