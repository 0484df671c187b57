import type { z } from 'zod'
import type { Account, AppInfo, BackupInfo, Vendor } from '../catalog/types'
import {
  accountFilter,
  byId,
  newAccountInput,
  newUnitInput,
  newVendorInput,
  noInput,
  renameVendorInput,
  updateAccountInput,
} from '../catalog/schemas'
import type { Unit } from '../money/units'
import {
  fxFilter,
  fxRateOnInput,
  newFxRateInput,
  settingsPatch,
  type FxRate,
  type FxRateOn,
  type Settings,
} from '../settings/schemas'
import { mutation, query, type MethodSpec } from './define'
import { calendarMethods } from './methods/calendar'
import { remindersMethods } from './methods/reminders'
import { factMethods } from './methods/facts'
import { historyMethods } from './methods/history'
import { importMethods } from './methods/imports'
import { applyPresetInput, type PresetApplied } from './schemas/preset-apply'
import { viewMethods } from './methods/views'

/**
 * The one API contract. Electron IPC, the preload bridge, the HTTP transport of `serve`, the CLI and the renderer
 * all derive from this object, and the backend's handler map must cover it exactly (a missing handler does not compile).
 * Names are `area.verb`.
 */
export const contract = {
  'app.info': query<AppInfo>()(noInput, 'Version, database location and schema version'),

  'backups.list': query<readonly BackupInfo[]>()(noInput, 'Backups of the database, newest first'),
  'backups.create': mutation<BackupInfo>()(noInput, 'Take a backup of the database now', false),
  'backups.restoreLatest': mutation<BackupInfo>()(
    noInput,
    'Replace a damaged database with its latest backup (the damaged file is kept aside)',
    false,
  ),

  'units.list': query<readonly Unit[]>()(noInput, 'Units amounts are counted in'),
  'units.add': mutation<Unit>()(newUnitInput, 'Declare a unit (a credit type, a currency) with its scale'),

  'vendors.list': query<readonly Vendor[]>()(noInput, 'Vendors, by name'),
  'vendors.add': mutation<Vendor>()(newVendorInput, 'Add a vendor'),
  'vendors.rename': mutation<Vendor>()(renameVendorInput, 'Rename a vendor'),
  'vendors.remove': mutation<{ readonly id: number }>()(byId, 'Delete a vendor that has no accounts'),

  'accounts.list': query<readonly Account[]>()(accountFilter, 'Accounts, by vendor then name'),
  'accounts.add': mutation<Account>()(newAccountInput, 'Add an account at a vendor'),
  'accounts.update': mutation<Account>()(updateAccountInput, 'Change an account’s name, unit, currency or zone'),
  'accounts.remove': mutation<{ readonly id: number }>()(byId, 'Delete an account'),

  'settings.get': query<Settings>()(noInput, 'Home currency, time zone and reminder hour (defaults until set)'),
  'settings.set': mutation<Settings>()(settingsPatch, 'Change some settings; answers all of them'),

  'fx.add': mutation<FxRate>()(newFxRateInput, 'Record the rate of a currency pair from a date on'),
  'fx.list': query<readonly FxRate[]>()(fxFilter, 'FX rates, newest first, optionally of one base or quote'),
  'fx.rateOn': query<FxRateOn>()(
    fxRateOnInput,
    'The rate in force on a date (the latest on or before it) and its date; NOT_FOUND when there is none',
  ),

  'presets.apply': mutation<PresetApplied>()(
    applyPresetInput,
    'Apply a vendor preset in one step: vendor, account, plans, purchases, auto-recharge and rates',
    'preset',
  ),

  ...factMethods,
  ...viewMethods,
  ...historyMethods,
  ...importMethods,
  ...calendarMethods,
  ...remindersMethods,
} as const satisfies Record<string, MethodSpec>

export type Contract = typeof contract
export type MethodName = keyof Contract
export const METHOD_NAMES = Object.keys(contract) as readonly MethodName[]

/** What a caller passes (before zod transforms) and what a handler receives (after). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type HandlerInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>

export const isMethodName = (value: unknown): value is MethodName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value)
