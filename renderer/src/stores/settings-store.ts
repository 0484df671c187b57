import { create } from 'zustand'
import { settingsPatch, type Settings, type SettingsPatch } from '@shared/settings/schemas'
import type { LoadStatus } from './catalog-store'
import { IDLE, validateWith, type Operation } from './operations'
import { isGlobalError, request } from './request'

/** The user's settings (home currency, zone, reminder delivery and rules, desktop behaviour). */
export interface SettingsState {
  readonly settings: Settings | null
  readonly status: LoadStatus
  readonly loadError: string | null
  readonly saving: Operation
  readonly load: () => Promise<void>
  /** Validate with the shared schema, then save; false (with field errors in `saving`) when refused. */
  readonly save: (patch: SettingsPatch) => Promise<boolean>
  readonly resetSave: () => void
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  status: 'idle',
  loadError: null,
  saving: IDLE,

  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading' })
    const result = await request('settings.get', undefined)
    if (result.ok) set({ settings: result.value, status: 'ready', loadError: null })
    else set({ status: 'failed', loadError: result.error.message })
  },

  save: async (patch) => {
    const invalid = validateWith(settingsPatch, patch)
    if (invalid !== null) {
      set({ saving: { pending: false, error: invalid } })
      return false
    }
    set({ saving: { pending: true, error: null } })
    const result = await request('settings.set', patch)
    if (result.ok) {
      set({ settings: result.value, saving: IDLE })
      return true
    }
    set({ saving: isGlobalError(result.error.code) ? IDLE : { pending: false, error: result.error } })
    return false
  },

  resetSave: () => {
    set({ saving: IDLE })
  },
}))
