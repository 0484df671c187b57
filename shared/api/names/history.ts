import type { historyMethods } from '../methods/history'

/** The names of ./methods/history.ts as plain data, for the zod-free preload (see method-names.ts). */
export const HISTORY_METHOD_NAMES = [] as const satisfies readonly (keyof typeof historyMethods)[]
