import type { Command } from '../../command'
import { importsListCommand, importsUndoCommand } from './history'
import { importCommand } from './import-file'

/** The import commands (issue 5 §8), in the order `--help` lists them. */
export const IMPORT_COMMANDS: Readonly<Record<string, Command>> = {
  import: importCommand,
  'imports list': importsListCommand,
  'imports undo': importsUndoCommand,
}
