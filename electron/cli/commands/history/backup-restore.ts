import { basename } from 'node:path'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'

/**
 * `backup restore NAME`: make one of the backups `backup list` shows the live database again. The current content is
 * backed up first, so the restore itself can be taken back with another `backup restore`.
 */
export const backupRestoreCommand = defineCommand({
  summary: 'Replace the database with one of its backups (NAME from `backup list`), after backing it up',
  synopsis: 'NAME',
  positionals: ['NAME'],
  options: {},
  run: (context, _values, [name = '']) =>
    callAndRespond(
      context,
      'backup restore',
      'backups.restore',
      { file: name },
      {
        flags: { file: 'NAME' },
        human: (result) => [
          `Restored ${basename(result.restored.file)} (taken ${result.restored.takenAt}).`,
          `The database as it was is kept as ${basename(result.safetyBackup.file)}.`,
        ],
      },
    ),
})
