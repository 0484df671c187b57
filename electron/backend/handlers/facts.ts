import type { factMethods } from '@shared/api/methods/facts'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/facts.ts. */
export const factHandlers = {} as const satisfies Pick<Handlers, keyof typeof factMethods>
