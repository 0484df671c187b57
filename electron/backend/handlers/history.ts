import type { historyMethods } from '@shared/api/methods/history'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/history.ts. */
export const historyHandlers = {} as const satisfies Pick<Handlers, keyof typeof historyMethods>
