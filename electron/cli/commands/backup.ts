import type { BackupInfo } from '@shared/catalog/types'
import { callOnce, reportFailure } from '../call'
import { defineCommand } from '../command'
import { table } from '../table'

/** `backup` / `backup list`: copies of the database beside it in backups/ (SQLite's online backup, then pruning). */

/** Sizes for people: bytes below 1 KiB, else KiB or MiB with one decimal. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

const takenAt = (backup: BackupInfo): string => new Date(backup.takenAt).toISOString()

export const backupCommand = defineCommand({
  summary: 'Take a backup of the database now (`backup list` lists them)',
  synopsis: '',
  options: {},
  run: async (context) => {
    const result = await callOnce(context, 'backups.create', undefined)
    if (!result.ok) return reportFailure(context, 'backup', result.error)
    const backup = result.value
    context.out(context.json ? JSON.stringify(backup) : `Backed up to ${backup.file} (${formatBytes(backup.bytes)})`)
    return 0
  },
})

export const backupListCommand = defineCommand({
  summary: 'List backups of the database, newest first',
  synopsis: '',
  options: {},
  run: async (context) => {
    const result = await callOnce(context, 'backups.list', undefined)
    if (!result.ok) return reportFailure(context, 'backup list', result.error)
    if (context.json) context.out(JSON.stringify(result.value))
    else if (result.value.length === 0) context.out('No backups.')
    else {
      const lines = table<BackupInfo>(
        [
          { header: 'TAKEN (UTC)', cell: takenAt },
          { header: 'SIZE', cell: (backup) => formatBytes(backup.bytes), right: true },
          { header: 'FILE', cell: (backup) => backup.file },
        ],
        result.value,
      )
      for (const line of lines) context.out(line)
    }
    return 0
  },
})
