import type { ApiError } from '@shared/api/result'

/** Whether the database can be used, as the last call told us. */
export type BackendState =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'corrupt'
      readonly message: string
      /** When the newest backup was taken (epoch ms), if the backend said so. */
      readonly latestBackupAt: number | null
      readonly problems: readonly string[]
    }
  | {
      readonly kind: 'too-new'
      readonly message: string
      readonly fileVersion: number | null
      readonly codeVersion: number | null
    }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

/** An instant as the backend sends it (ISO 8601 with a Z), or as epoch ms; null when it is neither. */
const instant = (value: unknown): number | null =>
  typeof value === 'string' ? finite(Date.parse(value)) : finite(value)

/** The backup time may come as `latestBackup: { takenAt }` (a BackupInfo), `latestBackupAt` or `takenAt`. */
const latestBackupTime = (details: Readonly<Record<string, unknown>>): number | null => {
  const latest = details.latestBackup
  if (isRecord(latest)) return instant(latest.takenAt)
  return instant(latest) ?? instant(details.latestBackupAt) ?? instant(details.takenAt)
}

const strings = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The refusal an error describes, or null when the error is not about the database file itself. */
export const backendStateFrom = (error: ApiError): BackendState | null => {
  const details = error.details ?? {}
  if (error.code === 'DB_CORRUPT')
    return {
      kind: 'corrupt',
      message: error.message,
      latestBackupAt: latestBackupTime(details),
      problems: strings(details.problems),
    }
  if (error.code === 'DB_TOO_NEW')
    return {
      kind: 'too-new',
      message: error.message,
      fileVersion: finite(details.fileVersion),
      codeVersion: finite(details.codeVersion),
    }
  return null
}
