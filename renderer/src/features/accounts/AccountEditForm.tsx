import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Account } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { fieldError, formError, opKey } from '../../stores/operations'
import { AccountFields, type AccountDraft } from './AccountFields'

const FIELDS = ['name', 'unitId', 'currency', 'timeZone'] as const

export interface AccountEditFormProps {
  readonly account: Account
  readonly units: readonly Unit[]
  readonly onDone: () => void
}

/** Change an account's name, unit, currency or zone in place; Escape cancels. */
export function AccountEditForm({ account, units, onDone }: AccountEditFormProps) {
  const [draft, setDraft] = useState<AccountDraft>({
    name: account.name,
    unitId: account.unitId,
    currency: account.currency,
    timeZone: account.timeZone,
  })
  const nameInput = useRef<HTMLInputElement>(null)
  const key = opKey.updateAccount(account.id)
  const operation = useOperation(key)
  const updateAccount = useCatalogStore((state) => state.updateAccount)
  const reset = useCatalogStore((state) => state.reset)

  useEffect(() => {
    nameInput.current?.select()
  }, [])

  const cancel = (): void => {
    reset(key)
    onDone()
  }
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (await updateAccount({ id: account.id, ...draft })) onDone()
  }

  const problem = formError(operation, FIELDS)
  return (
    <form
      className="row__edit row__edit--stacked"
      noValidate
      aria-label={`Edit ${account.name}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          cancel()
        }
      }}
    >
      <div className="account-edit__grid">
        <AccountFields
          draft={draft}
          units={units}
          onChange={setDraft}
          errorFor={(field) => fieldError(operation, field)}
          nameRef={nameInput}
        />
      </div>
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <div className="row__actions">
        <Button type="submit" variant="primary" size="small" busy={operation.pending}>
          Save
        </Button>
        <Button variant="ghost" size="small" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
