import { useEffect, useRef, useState } from 'react'
import type { Account } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { formatDate } from '../../lib/format'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { opKey } from '../../stores/operations'
import { AccountEditForm } from './AccountEditForm'
import { unitLabel } from './account-options'

type Mode = 'view' | 'edit' | 'confirm-delete'

/** One account: what it is counted and billed in, its zone; edit in place or delete after a confirmation. */
export function AccountRow({ account, units }: { readonly account: Account; readonly units: readonly Unit[] }) {
  const [mode, setMode] = useState<Mode>('view')
  const focusNext = useRef<'edit' | 'delete' | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const removing = useOperation(opKey.removeAccount(account.id))
  const removeAccount = useCatalogStore((state) => state.removeAccount)
  const reset = useCatalogStore((state) => state.reset)

  useEffect(() => {
    if (mode === 'confirm-delete') keepButton.current?.focus()
    if (mode === 'view' && focusNext.current !== null) {
      ;(focusNext.current === 'edit' ? editButton : deleteButton).current?.focus()
      focusNext.current = null
    }
  }, [mode])

  const backToView = (focus: 'edit' | 'delete'): void => {
    focusNext.current = focus
    setMode('view')
  }
  const confirmDelete = async (): Promise<void> => {
    if (!(await removeAccount(account.id))) backToView('delete')
  }

  if (mode === 'edit')
    return (
      <li className="row row--editing">
        <AccountEditForm
          account={account}
          units={units}
          onDone={() => {
            backToView('edit')
          }}
        />
      </li>
    )

  return (
    <li className={mode === 'confirm-delete' ? 'row row--danger' : 'row'}>
      <div className="row__main">
        <div className="row__text">
          <span className="row__title">{account.name}</span>
          <span className="row__meta">
            <span>Counted in {unitLabel(units, account.unitId)}</span>
            <span>Billed in {account.currency}</span>
            <span>{account.timeZone}</span>
            <span>Added {formatDate(account.createdAt)}</span>
          </span>
        </div>
        {mode === 'confirm-delete' ? (
          <div className="row__confirm" role="group" aria-label={`Confirm deleting ${account.name}`}>
            <span className="row__question">Delete {account.name}?</span>
            <Button variant="danger" size="small" busy={removing.pending} onClick={() => void confirmDelete()}>
              Delete
            </Button>
            <Button
              variant="ghost"
              size="small"
              buttonRef={keepButton}
              onClick={() => {
                backToView('delete')
              }}
            >
              Keep
            </Button>
          </div>
        ) : (
          <div className="row__actions">
            <Button
              size="small"
              variant="ghost"
              buttonRef={editButton}
              aria-label={`Edit ${account.name}`}
              onClick={() => {
                reset(opKey.removeAccount(account.id))
                setMode('edit')
              }}
            >
              Edit
            </Button>
            <Button
              size="small"
              variant="ghost"
              buttonRef={deleteButton}
              aria-label={`Delete ${account.name}`}
              onClick={() => {
                reset(opKey.removeAccount(account.id))
                setMode('confirm-delete')
              }}
            >
              Delete
            </Button>
          </div>
        )}
      </div>
      {removing.error !== null && <InlineAlert>{removing.error.message}</InlineAlert>}
    </li>
  )
}
