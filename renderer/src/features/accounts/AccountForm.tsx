import { useRef, useState, type FormEvent } from 'react'
import type { Vendor } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { SelectField } from '../../components/SelectField'
import { browserTimeZone } from '../../lib/format'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { fieldError, formError, opKey } from '../../stores/operations'
import { AccountFields, type AccountDraft } from './AccountFields'
import { choiceError, defaultUnitId, toId, vendorOptions } from './account-options'

const FIELDS = ['vendorId', 'name', 'unitId', 'currency', 'timeZone'] as const

const freshDraft = (units: readonly Unit[]): AccountDraft => ({
  name: '',
  unitId: defaultUnitId(units),
  currency: 'USD',
  timeZone: browserTimeZone(),
})

export interface AccountFormProps {
  readonly vendors: readonly Vendor[]
  readonly units: readonly Unit[]
}

/** Add an account at a vendor: its name, what it is counted in, its billing currency and the vendor's zone. */
export function AccountForm({ vendors, units }: AccountFormProps) {
  const onlyVendor = vendors.length === 1 ? vendors[0] : undefined
  const [vendorId, setVendorId] = useState(onlyVendor === undefined ? '' : String(onlyVendor.id))
  const [draft, setDraft] = useState<AccountDraft>(() => freshDraft(units))
  const [added, setAdded] = useState('')
  const nameInput = useRef<HTMLInputElement>(null)
  const operation = useOperation(opKey.addAccount)
  const addAccount = useCatalogStore((state) => state.addAccount)

  // Units arrive with the first load; pick the default once they do.
  const unitId = draft.unitId === '' ? defaultUnitId(units) : draft.unitId
  const current = { ...draft, unitId }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setAdded('')
    const name = current.name.trim()
    if (await addAccount({ vendorId: toId(vendorId), ...current })) {
      setDraft({ ...current, name: '' })
      setAdded(`Added ${name}.`)
      nameInput.current?.focus()
    }
  }

  const problem = formError(operation, FIELDS)
  return (
    <form className="card form" noValidate aria-label="Add an account" onSubmit={(event) => void submit(event)}>
      <div className="account-form__grid">
        <SelectField
          label="Vendor"
          value={vendorId}
          options={vendorOptions(vendors)}
          placeholder="Choose a vendor"
          fieldClassName="field--vendor"
          onValueChange={setVendorId}
          error={choiceError(fieldError(operation, 'vendorId'), vendorId, 'Pick the vendor this account belongs to')}
        />
        <AccountFields
          draft={current}
          units={units}
          onChange={setDraft}
          errorFor={(field) => fieldError(operation, field)}
          nameRef={nameInput}
        />
      </div>
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <div className="form__footer">
        <Button type="submit" variant="primary" busy={operation.pending}>
          Add account
        </Button>
        <p className="visually-hidden" role="status">
          {added}
        </p>
      </div>
    </form>
  )
}
