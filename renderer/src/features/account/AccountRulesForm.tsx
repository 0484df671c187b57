import { useState, type FormEvent } from 'react'
import type { AccountReminderRules } from '@shared/api/types/reminders'
import type { ReminderRules } from '@shared/reminders/types'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { routeHref } from '../../lib/use-hash-route'
import { useLedgerStore } from '../../stores/ledger-store'
import { IDLE, fieldErrorWithin, formErrorWithin } from '../../stores/operations'
import { ReminderRulesFields } from '../settings/ReminderRulesFields'
import { RULES_FIELDS, rulesDraft, rulesInput, type RulesDraft } from '../settings/rules-draft'

export interface AccountRulesFormProps {
  readonly accountId: number
  readonly unit: string
  readonly rules: AccountReminderRules
  /** The global rules (settings), to keep only what this account changes. */
  readonly global: ReminderRules
}

/** Follow the global reminder rules, or give this account its own (only the differences are kept). */
export function AccountRulesForm({ accountId, unit, rules, global }: AccountRulesFormProps) {
  const [own, setOwn] = useState(rules.override !== null)
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraft(rules.effective))
  const [saved, setSaved] = useState('')
  const saving = useLedgerStore((state) => state.savingRules[accountId] ?? IDLE)
  const saveRules = useLedgerStore((state) => state.saveRules)
  const resetRules = useLedgerStore((state) => state.resetRules)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setSaved('')
    if (await saveRules(accountId, own ? rulesInput(draft) : null, global)) {
      const now = useLedgerStore.getState().accounts[accountId]
      const follows = now?.status === 'ready' && now.value.rules.override === null
      setOwn(!follows)
      setSaved(follows ? 'Saved: this account follows the global rules.' : 'Saved: this account has its own rules.')
    }
  }
  const choose = (value: boolean): void => {
    setSaved('')
    resetRules(accountId)
    setOwn(value)
    if (value) setDraft(rulesDraft(rules.effective))
  }

  const problem = formErrorWithin(saving, RULES_FIELDS)
  return (
    <form
      className="card form settings"
      noValidate
      aria-label="Reminder rules"
      onSubmit={(event) => void submit(event)}
    >
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Reminder rules</legend>
        <div className="settings__checks" role="radiogroup" aria-label="Which rules this account uses">
          <label className="checkbox">
            <input
              type="radio"
              className="checkbox__input"
              name="rules-mode"
              checked={!own}
              onChange={() => {
                choose(false)
              }}
            />
            <span className="checkbox__label">
              Follow the global rules (<a href={routeHref({ view: 'settings' })}>Settings</a>)
            </span>
          </label>
          <label className="checkbox">
            <input
              type="radio"
              className="checkbox__input"
              name="rules-mode"
              checked={own}
              onChange={() => {
                choose(true)
              }}
            />
            <span className="checkbox__label">Use its own rules</span>
          </label>
        </div>
        {own && (
          <>
            <p className="fieldset__lead">
              Only what differs from the global rules is kept for this account; the rest keeps following them.
            </p>
            <ReminderRulesFields
              draft={draft}
              unitHint={unit}
              onChange={(next) => {
                setSaved('')
                setDraft(next)
              }}
              errorFor={(field) => fieldErrorWithin(saving, field)}
            />
          </>
        )}
      </fieldset>
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <div className="form__footer">
        <Button type="submit" variant="primary" busy={saving.pending}>
          Save rules
        </Button>
        <p className="settings__saved" role="status">
          {saved}
        </p>
      </div>
    </form>
  )
}
