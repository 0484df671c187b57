import type { Ref } from 'react'
import type { Unit } from '@shared/money/units'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { TIME_ZONE_LIST_ID, choiceError, unitOptions } from './account-options'

export interface AccountDraft {
  readonly name: string
  readonly unitId: string
  readonly currency: string
  readonly timeZone: string
}

export interface AccountFieldsProps {
  readonly draft: AccountDraft
  readonly units: readonly Unit[]
  readonly onChange: (draft: AccountDraft) => void
  readonly errorFor: (field: keyof AccountDraft) => string | undefined
  readonly nameRef?: Ref<HTMLInputElement>
}

/** Name, unit, currency and zone: the part of an account the add and edit forms share. */
export function AccountFields({ draft, units, onChange, errorFor, nameRef }: AccountFieldsProps) {
  const update = (patch: Partial<AccountDraft>): void => {
    onChange({ ...draft, ...patch })
  }
  return (
    <>
      <TextField
        label="Account name"
        value={draft.name}
        onValueChange={(name) => {
          update({ name })
        }}
        error={errorFor('name')}
        inputRef={nameRef}
        fieldClassName="field--name"
        autoComplete="off"
        maxLength={80}
        placeholder="e.g. API credits"
      />
      <SelectField
        label="Unit"
        hint="What the balance is counted in"
        value={draft.unitId}
        options={unitOptions(units)}
        placeholder={units.length === 0 ? 'No units yet' : 'Choose a unit'}
        fieldClassName="field--unit"
        onValueChange={(unitId) => {
          update({ unitId })
        }}
        error={choiceError(errorFor('unitId'), draft.unitId, 'Choose a unit')}
      />
      <TextField
        label="Currency"
        hint="3 letters"
        value={draft.currency}
        onValueChange={(currency) => {
          update({ currency: currency.toUpperCase() })
        }}
        error={errorFor('currency')}
        fieldClassName="field--currency field--narrow"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={3}
      />
      <TextField
        label="Time zone"
        hint="The vendor’s zone"
        value={draft.timeZone}
        onValueChange={(timeZone) => {
          update({ timeZone })
        }}
        error={errorFor('timeZone')}
        list={TIME_ZONE_LIST_ID}
        fieldClassName="field--zone"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  )
}
