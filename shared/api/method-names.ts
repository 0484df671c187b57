import type { MethodName } from './contract'
import { CALENDAR_METHOD_NAMES } from './names/calendar'
import { FACT_METHOD_NAMES } from './names/facts'
import { HISTORY_METHOD_NAMES } from './names/history'
import { IMPORT_METHOD_NAMES } from './names/imports'
import { REMINDERS_METHOD_NAMES } from './names/reminders'
import { VIEW_METHOD_NAMES } from './names/views'

/**
 * The contract's method names as a plain list, for code that must not bundle zod: the sandboxed preload builds
 * `window.ledger` from it. Only a type is imported from the contract, so this module carries no runtime imports.
 * `satisfies` rejects a name the contract lacks; MissingMethodNames rejects a contract method missing here.
 */
export const METHOD_NAME_LIST = [
  'app.info',
  'backups.list',
  'backups.create',
  'backups.restoreLatest',
  'units.list',
  'units.add',
  'vendors.list',
  'vendors.add',
  'vendors.rename',
  'vendors.remove',
  'accounts.list',
  'accounts.add',
  'accounts.update',
  'accounts.remove',
  'settings.get',
  'settings.set',
  'fx.add',
  'fx.list',
  'fx.rateOn',
  'presets.apply',
  ...FACT_METHOD_NAMES,
  ...VIEW_METHOD_NAMES,
  ...HISTORY_METHOD_NAMES,
  ...IMPORT_METHOD_NAMES,
  ...CALENDAR_METHOD_NAMES,
  ...REMINDERS_METHOD_NAMES,
] as const satisfies readonly MethodName[]

type MustBeNever<T extends never> = T
/** Does not compile ("'x.y' does not satisfy the constraint 'never'") when the contract gains a method missing here. */
export type MissingMethodNames = MustBeNever<Exclude<MethodName, (typeof METHOD_NAME_LIST)[number]>>
