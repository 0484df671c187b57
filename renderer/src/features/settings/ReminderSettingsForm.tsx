import { useState, type FormEvent } from 'react'
import type { Settings } from '@shared/settings/schemas'
import { Button } from '../../components/Button'
import { CheckboxField } from '../../components/CheckboxField'
import { InlineAlert } from '../../components/InlineAlert'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { formatHour } from '../../lib/format'
import { fieldErrorWithin, formErrorWithin } from '../../stores/operations'
import { useSettingsStore } from '../../stores/settings-store'
import { DesktopSettingsFields } from './DesktopSettingsFields'
import { ReminderRulesFields } from './ReminderRulesFields'
import { SHOWN_FIELDS, settingsDraft, settingsPatchOf, type SettingsDraft } from './settings-draft'

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: formatHour(hour) }))

export interface ReminderSettingsFormProps {
  readonly settings: Settings
  readonly servedInBrowser: boolean
}

/** When reminders arrive, which ones every account gets, and how the desktop app keeps delivering them. */
export function ReminderSettingsForm({ settings, servedInBrowser }: ReminderSettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings))
  const [saved, setSaved] = useState('')
  const saving = useSettingsStore((state) => state.saving)
  const save = useSettingsStore((state) => state.save)
  const update = (patch: Partial<SettingsDraft>): void => {
    setSaved('')
    setDraft((current) => ({ ...current, ...patch }))
  }
  const errorFor = (field: string): string | undefined => fieldErrorWithin(saving, field)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setSaved('')
    if (await save(settingsPatchOf(draft))) setSaved('Settings saved.')
  }

  const problem = formErrorWithin(saving, SHOWN_FIELDS)
  return (
    <form
      className="card form settings"
      noValidate
      aria-label="Reminder settings"
      onSubmit={(event) => void submit(event)}
    >
      <fieldset className="fieldset">
        <legend className="fieldset__legend">When reminders arrive</legend>
        <p className="fieldset__lead">
          Reminders about a date (an expiry, a renewal, a trial’s end) arrive at this hour in your time zone,{' '}
          {settings.timeZone}. Nothing arrives during quiet hours: it waits until they end.
        </p>
        <div className="settings__grid">
          <SelectField
            label="Reminder time"
            value={draft.reminderHour}
            options={HOURS}
            error={errorFor('reminderHour')}
            onValueChange={(reminderHour) => {
              update({ reminderHour })
            }}
          />
        </div>
        <CheckboxField
          label="Quiet hours"
          checked={draft.quietOn}
          onCheckedChange={(quietOn) => {
            update({ quietOn })
          }}
        />
        {draft.quietOn && (
          <div className="settings__grid">
            <TextField
              label="Quiet from"
              type="time"
              value={draft.quietStart}
              error={errorFor('quietHours.start')}
              onValueChange={(quietStart) => {
                update({ quietStart })
              }}
            />
            <TextField
              label="Quiet until"
              type="time"
              value={draft.quietEnd}
              error={errorFor('quietHours.end')}
              onValueChange={(quietEnd) => {
                update({ quietEnd })
              }}
            />
          </div>
        )}
      </fieldset>
      <hr className="form__divider" />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">What to remind me of</legend>
        <p className="fieldset__lead">For every account; an account’s page can set its own.</p>
        <ReminderRulesFields
          draft={draft.rules}
          unitHint="each account’s unit"
          onChange={(rules) => {
            update({ rules })
          }}
          errorFor={(field) => errorFor(`reminderRules.${field}`)}
        />
      </fieldset>
      <hr className="form__divider" />
      <DesktopSettingsFields
        draft={draft}
        onChange={update}
        errorFor={(field) => errorFor(field)}
        servedInBrowser={servedInBrowser}
      />
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <div className="form__footer">
        <Button type="submit" variant="primary" busy={saving.pending}>
          Save settings
        </Button>
        <p className="settings__saved" role="status">
          {saved}
        </p>
      </div>
    </form>
  )
}
