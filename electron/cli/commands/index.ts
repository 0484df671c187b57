import type { Command } from '../command'
import { accountAddCommand, accountEditCommand, accountListCommand, accountRemoveCommand } from './account'
import { backupCommand, backupListCommand } from './backup'
import { CALENDAR_COMMANDS } from './calendar'
import { checkCommand } from './check'
import { FACT_COMMANDS } from './facts'
import { fxAddCommand, fxListCommand } from './fx'
import { HISTORY_COMMANDS } from './history'
import { IMPORT_COMMANDS } from './imports'
import { REMINDER_COMMANDS } from './reminders'
import { serveCommand } from './serve'
import { settingsGetCommand, settingsSetCommand } from './settings'
import { unitListCommand } from './unit'
import { vendorAddCommand, vendorEditCommand, vendorListCommand, vendorRemoveCommand } from './vendor'
import { VIEW_COMMANDS } from './views'

/**
 * Every `credit-ledger` command: adding one is one entry here (help and usage are derived from the table).
 * Order is the order `--help` lists them in.
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  check: checkCommand,
  'settings get': settingsGetCommand,
  'settings set': settingsSetCommand,
  'fx add': fxAddCommand,
  'fx list': fxListCommand,
  'vendor add': vendorAddCommand,
  'vendor list': vendorListCommand,
  'vendor edit': vendorEditCommand,
  'vendor remove': vendorRemoveCommand,
  'account add': accountAddCommand,
  'account list': accountListCommand,
  'account edit': accountEditCommand,
  'account remove': accountRemoveCommand,
  'unit list': unitListCommand,
  ...FACT_COMMANDS,
  ...VIEW_COMMANDS,
  ...HISTORY_COMMANDS,
  ...IMPORT_COMMANDS,
  ...CALENDAR_COMMANDS,
  ...REMINDER_COMMANDS,
  backup: backupCommand,
  'backup list': backupListCommand,
}

export const findCommand = (name: string): Command | undefined =>
  Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined

/** The commands a first word starts ("fx" → "fx add", "fx list"); undefined when the word starts none. */
export const commandGroup = (word: string): Readonly<Record<string, Command>> | undefined => {
  const members = Object.entries(COMMANDS).filter(([name]) => name.startsWith(`${word} `))
  return members.length > 0 ? Object.fromEntries(members) : undefined
}
