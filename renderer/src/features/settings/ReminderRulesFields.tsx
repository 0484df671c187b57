import { CheckboxField } from '../../components/CheckboxField'
import { TextField } from '../../components/TextField'
import type { RulesDraft, RulesField } from './rules-draft'

export interface ReminderRulesFieldsProps {
  readonly draft: RulesDraft
  readonly onChange: (draft: RulesDraft) => void
  readonly errorFor: (field: RulesField) => string | undefined
  /** What the low-balance amount is counted in ("the account's unit" globally, "USD" on an account page). */
  readonly unitHint: string
}

/** Which reminders to get: lead days, usage thresholds, a low-balance amount and the event reminders. */
export function ReminderRulesFields({ draft, onChange, errorFor, unitHint }: ReminderRulesFieldsProps) {
  const update = (patch: Partial<RulesDraft>): void => {
    onChange({ ...draft, ...patch })
  }
  const list = (field: 'expiryLeadDays' | 'renewalLeadDays' | 'trialLeadDays' | 'thresholdPercents') => ({
    value: draft[field],
    error: errorFor(field),
    onValueChange: (value: string) => {
      update({ [field]: value })
    },
    autoComplete: 'off',
    spellCheck: false,
    inputMode: 'numeric' as const,
  })
  return (
    <>
      <div className="settings__grid">
        <TextField
          label="Expiring credits"
          hint="Days before, e.g. 30, 7, 1 — only when some will be left unused"
          {...list('expiryLeadDays')}
        />
        <TextField label="Plan renewals" hint="Days before a paid plan renews" {...list('renewalLeadDays')} />
        <TextField label="Trials ending" hint="Days before a trial ends" {...list('trialLeadDays')} />
        <TextField
          label="Usage thresholds"
          hint="Percent of a period’s allowance, e.g. 75, 90, 100"
          {...list('thresholdPercents')}
        />
        <TextField
          label="Low balance below"
          hint={`An amount in ${unitHint}; empty for no reminder`}
          value={draft.lowBalanceBelow}
          error={errorFor('lowBalanceBelow')}
          onValueChange={(lowBalanceBelow) => {
            update({ lowBalanceBelow })
          }}
          autoComplete="off"
          inputMode="decimal"
          placeholder="Off"
        />
      </div>
      <div className="settings__checks">
        <CheckboxField
          label="An auto-recharge is blocked by its monthly cap"
          checked={draft.rechargeBlocked}
          error={errorFor('rechargeBlocked')}
          onCheckedChange={(rechargeBlocked) => {
            update({ rechargeBlocked })
          }}
        />
        <CheckboxField
          label="A balance goes negative"
          checked={draft.negativeBalance}
          error={errorFor('negativeBalance')}
          onCheckedChange={(negativeBalance) => {
            update({ negativeBalance })
          }}
        />
        <CheckboxField
          label="The ledger disagrees with a balance the vendor showed"
          checked={draft.drift}
          error={errorFor('drift')}
          onCheckedChange={(drift) => {
            update({ drift })
          }}
        />
      </div>
    </>
  )
}
