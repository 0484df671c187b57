import type { Command } from '../../command'
import { backupRestoreCommand } from './backup-restore'
import { exportCommand, restoreCommand } from './export'
import { presetListCommand, presetShowCommand } from './preset'
import { presetApplyCommand } from './preset-apply'
import { redoCommand, undoCommand, undoListCommand } from './undo'

/**
 * The history commands (issue 4), in the order `--help` lists them. The batch list is `undo list`, since `history`
 * is the one-lot history (views); `backup restore` joins the `backup` group of commands/backup.ts.
 */
export const HISTORY_COMMANDS: Readonly<Record<string, Command>> = {
  undo: undoCommand,
  'undo list': undoListCommand,
  redo: redoCommand,
  export: exportCommand,
  restore: restoreCommand,
  'backup restore': backupRestoreCommand,
  'preset list': presetListCommand,
  'preset show': presetShowCommand,
  'preset apply': presetApplyCommand,
}
