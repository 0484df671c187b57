import { create } from 'zustand'
import type { ApiError } from '@shared/api/result'
import type { AppInfo, BackupInfo } from '@shared/catalog/types'
import { api } from '../lib/api'
import { backendStateFrom, type BackendState } from '../lib/backend-state'
import { formatDateTime } from '../lib/format'

/** A message across the top of the app: failures no form can fix (INTERNAL, BUSY) or a confirmation. */
export interface Banner {
  readonly tone: 'error' | 'success'
  readonly title: string
  readonly message: string
}

export interface RestoreState {
  readonly pending: boolean
  readonly error: string | null
}

export interface AppState {
  readonly info: AppInfo | null
  readonly backend: BackendState
  readonly banner: Banner | null
  readonly restore: RestoreState
  /** Route an error every screen shares: a refused database takes over the window, INTERNAL/BUSY raise the banner. */
  readonly report: (error: ApiError) => void
  readonly loadInfo: () => Promise<void>
  readonly dismissBanner: () => void
  /** Ask the backend for the newest backup's time when the refusal did not say. */
  readonly findLatestBackup: () => Promise<void>
  readonly restoreLatest: () => Promise<boolean>
}

const bannerFor = (error: ApiError): Banner | null => {
  if (error.code === 'BUSY')
    return { tone: 'error', title: 'Credit Ledger is busy', message: `${error.message} Try again in a moment.` }
  if (error.code === 'INTERNAL') return { tone: 'error', title: 'Something went wrong', message: error.message }
  return null
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  backend: { kind: 'ok' },
  banner: null,
  restore: { pending: false, error: null },

  report: (error) => {
    const backend = backendStateFrom(error)
    if (backend !== null) {
      // Keep a backup time already found if a later refusal does not repeat it.
      const current = get().backend
      const merged =
        backend.kind === 'corrupt' && backend.latestBackupAt === null && current.kind === 'corrupt'
          ? { ...backend, latestBackupAt: current.latestBackupAt }
          : backend
      set({ backend: merged })
      return
    }
    const banner = bannerFor(error)
    if (banner !== null) set({ banner })
  },

  loadInfo: async () => {
    const result = await api.call('app.info', undefined)
    if (result.ok) set({ info: result.value })
    else get().report(result.error)
  },

  dismissBanner: () => {
    set({ banner: null })
  },

  findLatestBackup: async () => {
    const result = await api.call('backups.list', undefined)
    const backend = get().backend
    if (!result.ok || backend.kind !== 'corrupt' || backend.latestBackupAt !== null) return
    // takenAt is ISO 8601 in UTC: compare the instants, not the text.
    const newest = result.value.reduce<BackupInfo | null>(
      (best, backup) => (best === null || Date.parse(backup.takenAt) > Date.parse(best.takenAt) ? backup : best),
      null,
    )
    if (newest !== null) set({ backend: { ...backend, latestBackupAt: Date.parse(newest.takenAt) } })
  },

  restoreLatest: async () => {
    set({ restore: { pending: true, error: null } })
    const result = await api.call('backups.restoreLatest', undefined)
    if (!result.ok) {
      set({ restore: { pending: false, error: result.error.message } })
      return false
    }
    set({
      restore: { pending: false, error: null },
      backend: { kind: 'ok' },
      banner: {
        tone: 'success',
        title: 'Backup restored',
        message: `Your ledger is back as it was on ${formatDateTime(result.value.takenAt)}. The damaged file was kept aside.`,
      },
    })
    void get().loadInfo()
    return true
  },
}))
