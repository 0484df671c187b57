import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { Result } from '@shared/api/result'
import { api } from '../lib/api'
import { useAppStore } from './app-store'

/** Errors a form cannot fix: they go to the app store (recovery screen or banner), not next to a field. */
export const isGlobalError = (code: string): boolean =>
  code === 'INTERNAL' || code === 'BUSY' || code === 'DB_CORRUPT' || code === 'DB_TOO_NEW'

/** `api.call`, with the failures every screen shares reported to the app store. */
export async function request<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  const result = await api.call(method, input)
  if (!result.ok) useAppStore.getState().report(result.error)
  return result
}
