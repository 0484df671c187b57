import type { Command } from '../../command'

/** The facts commands (issue 4), in the order `--help` lists them. */
export const FACT_COMMANDS: Readonly<Record<string, Command>> = {}
