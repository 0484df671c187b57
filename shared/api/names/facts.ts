import type { factMethods } from '../methods/facts'

/** The names of ./methods/facts.ts as plain data, for the zod-free preload (see method-names.ts). */
export const FACT_METHOD_NAMES = [] as const satisfies readonly (keyof typeof factMethods)[]
