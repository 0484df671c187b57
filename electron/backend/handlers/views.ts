import type { viewMethods } from '@shared/api/methods/views'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/views.ts. */
export const viewHandlers = {} as const satisfies Pick<Handlers, keyof typeof viewMethods>
