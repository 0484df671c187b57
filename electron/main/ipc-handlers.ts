import { ipcMain } from 'electron'
import { ipcChannel } from '@shared/api/client'
import { METHOD_NAMES, type MethodName } from '@shared/api/contract'
import { fail, type Result } from '@shared/api/result'
import { validateCall } from '@shared/api/validate'
import type { BackendClient } from '../backend/worker/backend-client'
import { errorMessage, logError } from './log'

export interface IpcDependencies {
  /** Whether the calling frame is our own renderer (see trusted-sender.ts). */
  readonly isTrusted: (frameUrl: string | undefined) => boolean
  /** The backend, once started; handlers registered before it is up simply wait for it. */
  readonly backend: () => Promise<BackendClient>
  /** Methods main answers itself (a native dialog), after the same sender and payload checks. */
  readonly hostMethods?: Partial<Record<MethodName, (backend: BackendClient) => Promise<Result<unknown>>>>
}

export const UNTRUSTED_FRAME_MESSAGE = 'Refused a call from an untrusted frame'

/**
 * One IPC call: sender check, payload validation, then the backend. Always answers a Result — Electron would pass
 * only the `message` of a thrown error to the renderer, losing the code and the field messages a form needs.
 * The ORIGINAL payload is forwarded: the worker validates it again and applies the schema's transforms itself.
 */
export const handleIpcCall = async (
  method: MethodName,
  frameUrl: string | undefined,
  payload: unknown,
  dependencies: IpcDependencies,
): Promise<Result<unknown>> => {
  try {
    if (!dependencies.isTrusted(frameUrl)) return fail('VALIDATION', UNTRUSTED_FRAME_MESSAGE)
    const checked = validateCall(method, payload)
    if (!checked.ok) return checked
    const backend = await dependencies.backend()
    const host = dependencies.hostMethods?.[method]
    return await (host === undefined ? backend.call(method, payload) : host(backend))
  } catch (error) {
    logError(`IPC ${method} failed`, error)
    return fail('INTERNAL', `Unexpected error while handling ${method}: ${errorMessage(error)}`)
  }
}

/** A handler on `ledger:<method>` for every method of the contract: a method without one cannot be called. */
export const registerIpcHandlers = (dependencies: IpcDependencies): void => {
  for (const method of METHOD_NAMES) {
    // senderFrame is null when the frame has navigated away or been destroyed: that caller is not trusted either.
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) =>
      handleIpcCall(method, event.senderFrame?.url, payload, dependencies),
    )
  }
}
