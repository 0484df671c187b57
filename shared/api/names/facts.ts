import type { factMethods } from '../methods/facts'

/** The names of ./methods/facts.ts as plain data, for the zod-free preload (see method-names.ts). */
export const FACT_METHOD_NAMES = [
  'plans.add',
  'plans.list',
  'plans.update',
  'plans.cancel',
  'recharge.add',
  'recharge.list',
  'recharge.update',
  'recharge.remove',
  'lots.add',
  'lots.list',
  'lots.void',
  'lots.retract',
  'lots.changeExpiry',
  'usage.add',
  'usage.list',
  'usage.remove',
  'observations.add',
  'observations.list',
  'rates.add',
  'rates.list',
] as const satisfies readonly (keyof typeof factMethods)[]
