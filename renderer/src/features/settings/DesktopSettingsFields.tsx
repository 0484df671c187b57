import { CheckboxField } from '../../components/CheckboxField'
import { SelectField } from '../../components/SelectField'
import type { SettingsDraft } from './settings-draft'

const CLOSE_OPTIONS = [
  { value: 'ask', label: 'Ask me the next time' },
  { value: 'tray', label: 'Keep running in the tray' },
  { value: 'quit', label: 'Quit' },
] as const

const isCloseChoice = (value: string): value is SettingsDraft['closeToTray'] =>
  CLOSE_OPTIONS.some((option) => option.value === value)

export interface DesktopSettingsFieldsProps {
  readonly draft: SettingsDraft
  readonly onChange: (patch: Partial<SettingsDraft>) => void
  readonly errorFor: (field: 'trayIcon' | 'startAtLogin' | 'closeToTray') => string | undefined
  /** In a browser (serve mode) these are still stored, but only the desktop app acts on them. */
  readonly servedInBrowser: boolean
}

/** Tray icon, start at login and what closing the window does: a closed app reminds nobody. */
export function DesktopSettingsFields({ draft, onChange, errorFor, servedInBrowser }: DesktopSettingsFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Desktop app</legend>
      <p className="fieldset__lead">
        {servedInBrowser
          ? 'These apply to the Credit Ledger desktop app on this computer, not to this browser tab.'
          : 'Reminders are only delivered while Credit Ledger runs: keep it in the tray to get them on time.'}
      </p>
      <div className="settings__checks">
        <CheckboxField
          label="Show an icon in the tray with the next expiry"
          checked={draft.trayIcon}
          error={errorFor('trayIcon')}
          onCheckedChange={(trayIcon) => {
            onChange({ trayIcon })
          }}
        />
        <CheckboxField
          label="Start when I log in"
          hint="Starts hidden in the tray, so reminders arrive even if you never open the window"
          checked={draft.startAtLogin}
          error={errorFor('startAtLogin')}
          onCheckedChange={(startAtLogin) => {
            onChange({ startAtLogin })
          }}
        />
      </div>
      <SelectField
        label="When I close the window"
        value={draft.closeToTray}
        options={CLOSE_OPTIONS}
        error={errorFor('closeToTray')}
        fieldClassName="settings__narrow"
        onValueChange={(value) => {
          if (isCloseChoice(value)) onChange({ closeToTray: value })
        }}
      />
    </fieldset>
  )
}
