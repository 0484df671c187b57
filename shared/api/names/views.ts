import type { viewMethods } from '../methods/views'

/** The names of ./methods/views.ts as plain data, for the zod-free preload (see method-names.ts). */
export const VIEW_METHOD_NAMES = [
  'ledger.balances',
  'ledger.buckets',
  'ledger.timeline',
  'ledger.expiring',
  'ledger.forecast',
  'lots.history',
  'ledger.notices',
  'reports.spend',
  'reports.subscriptions',
] as const satisfies readonly (keyof typeof viewMethods)[]
