import type { Command } from '../../command'

/** The history commands (issue 4), in the order `--help` lists them. */
export const HISTORY_COMMANDS: Readonly<Record<string, Command>> = {}
