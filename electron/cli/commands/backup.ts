import type { BackupInfo } from '@shared/catalog/types'
import { defineCommand } from '../command'
import { callAndRespond } from '../respond'
import { table } from '../table'

/** `backup` / `backup list`: copies of the database beside it in backups/ (SQLite's online backup, then pruning). */

/** Sizes for people: bytes below 1 KiB, else KiB or MiB with one decimal. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

export const backupCommand = defineCommand({
  summary: 'Take a backup of the database now (`backup list` lists them)',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'backup', 'backups.create', undefined, {
      human: (backup) => [`Backed up to ${backup.file} (${formatBytes(backup.bytes)})`],
    }),
})

export const backupListCommand = defineCommand({
  summary: 'List backups of the database, newest first',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'backup list', 'backups.list', undefined, {
      human: (backups) =>
        backups.length === 0
          ? ['No backups.']
          : table<BackupInfo>(
              [
                // Already ISO 8601 in UTC (with its Z), as every instant leaving the backend.
                { header: 'TAKEN (UTC)', cell: (backup) => backup.takenAt },
                { header: 'SIZE', cell: (backup) => formatBytes(backup.bytes), right: true },
                { header: 'FILE', cell: (backup) => backup.file },
              ],
              backups,
            ),
    }),
})
