import type { Command } from '../../command'

/** The views commands (issue 4), in the order `--help` lists them. */
export const VIEW_COMMANDS: Readonly<Record<string, Command>> = {}
