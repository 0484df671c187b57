import * as catalog from '../services/catalog-service'
import { applyPreset } from '../services/presets/apply-preset'
import * as settings from '../services/settings-service'
import { calendarHandlers } from './calendar'
import { remindersHandlers } from './reminders'
import { factHandlers } from './facts'
import { historyHandlers } from './history'
import { importHandlers } from './imports'
import type { Handlers } from './types'
import { viewHandlers } from './views'

export const handlers = {
  'app.info': (_input, ctx) => ctx.info(),

  'backups.list': (_input, ctx) => ctx.listBackups(),
  'backups.create': (_input, ctx) => ctx.createBackup(),
  'backups.restoreLatest': (_input, ctx) => ctx.restoreLatestBackup(),

  'units.list': (_input, ctx) => catalog.listUnits(ctx.services()),
  'units.add': (input, ctx) => catalog.addUnit(ctx.services(), input),

  'vendors.list': (_input, ctx) => catalog.listVendors(ctx.services()),
  'vendors.add': (input, ctx) => catalog.addVendor(ctx.services(), input),
  'vendors.rename': (input, ctx) => catalog.renameVendor(ctx.services(), input.id, input.name),
  'vendors.remove': (input, ctx) => catalog.removeVendor(ctx.services(), input.id),

  'accounts.list': (input, ctx) => catalog.listAccounts(ctx.services(), input?.vendorId),
  'accounts.add': (input, ctx) => catalog.addAccount(ctx.services(), input),
  'accounts.update': (input, ctx) => catalog.updateAccount(ctx.services(), input),
  'accounts.remove': (input, ctx) => catalog.removeAccount(ctx.services(), input.id),

  'settings.get': (_input, ctx) => settings.getSettings(ctx.services()),
  'settings.set': (input, ctx) => settings.setSettings(ctx.services(), input),

  'fx.add': (input, ctx) => settings.addFxRate(ctx.services(), input),
  'fx.list': (input, ctx) => settings.listFxRates(ctx.services(), input),
  'fx.rateOn': (input, ctx) => settings.fxRateOn(ctx.services(), input),

  'presets.apply': (input, ctx) => applyPreset(ctx.services(), input),

  ...factHandlers,
  ...viewHandlers,
  ...historyHandlers,
  ...importHandlers,
  ...calendarHandlers,
  ...remindersHandlers,
} as const satisfies Handlers
