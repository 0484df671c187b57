import type { Settings, SettingsPatch } from '@shared/settings/schemas'
import { rulesDraft, rulesInput, type RulesDraft } from './rules-draft'

/** The reminder and desktop part of the settings, as the settings form edits it. */
export interface SettingsDraft {
  readonly reminderHour: string
  readonly quietOn: boolean
  readonly quietStart: string
  readonly quietEnd: string
  readonly rules: RulesDraft
  readonly trayIcon: boolean
  readonly startAtLogin: boolean
  readonly closeToTray: Settings['closeToTray']
}

/** Suggested quiet hours when the user turns them on for the first time. */
const QUIET_START = '22:00'
const QUIET_END = '07:00'

export const settingsDraft = (settings: Settings): SettingsDraft => ({
  reminderHour: String(settings.reminderHour),
  quietOn: settings.quietHours !== null,
  quietStart: settings.quietHours?.start ?? QUIET_START,
  quietEnd: settings.quietHours?.end ?? QUIET_END,
  rules: rulesDraft(settings.reminderRules),
  trayIcon: settings.trayIcon,
  startAtLogin: settings.startAtLogin,
  closeToTray: settings.closeToTray,
})

/** What settings.set receives; validated by the shared settingsPatch schema before it is sent. */
export const settingsPatchOf = (draft: SettingsDraft): SettingsPatch => ({
  reminderHour: Number(draft.reminderHour),
  quietHours: draft.quietOn ? { start: draft.quietStart, end: draft.quietEnd } : null,
  reminderRules: rulesInput(draft.rules),
  trayIcon: draft.trayIcon,
  startAtLogin: draft.startAtLogin,
  closeToTray: draft.closeToTray,
})

/** The form's fields by their path in the patch, so every schema message lands under its own input. */
export const SHOWN_FIELDS = [
  'reminderHour',
  'quietHours.start',
  'quietHours.end',
  'reminderRules',
  'trayIcon',
  'startAtLogin',
  'closeToTray',
] as const
