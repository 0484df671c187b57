import type { Command } from '../command'
import { checkCommand } from './check'
import { serveCommand } from './serve'

/**
 * Every `credit-ledger` command: adding one is one entry here (help and usage are derived from the table).
 * Order is the order `--help` lists them in.
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  check: checkCommand,
}

export const findCommand = (name: string): Command | undefined =>
  Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined
