import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Vendor } from '@shared/catalog/types'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { TextField } from '../../components/TextField'
import { count, displayHost, formatDate } from '../../lib/format'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { fieldError, formError, opKey } from '../../stores/operations'

type Mode = 'view' | 'rename' | 'confirm-delete'

/** One vendor: its name and account count, with inline rename and a confirmed delete. */
export function VendorRow({ vendor }: { readonly vendor: Vendor }) {
  const [mode, setMode] = useState<Mode>('view')
  const [draft, setDraft] = useState(vendor.name)
  /** Where focus goes once the row has re-rendered in its new mode. */
  const focusNext = useRef<'rename' | 'delete' | null>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const nameInput = useRef<HTMLInputElement>(null)
  const renaming = useOperation(opKey.renameVendor(vendor.id))
  const removing = useOperation(opKey.removeVendor(vendor.id))
  const renameVendor = useCatalogStore((state) => state.renameVendor)
  const removeVendor = useCatalogStore((state) => state.removeVendor)
  const reset = useCatalogStore((state) => state.reset)

  // Move focus with the mode: into the editor, onto the safe choice of the confirmation, back to the button used.
  useEffect(() => {
    if (mode === 'rename') nameInput.current?.select()
    if (mode === 'confirm-delete') keepButton.current?.focus()
    if (mode === 'view' && focusNext.current !== null) {
      ;(focusNext.current === 'rename' ? renameButton : deleteButton).current?.focus()
      focusNext.current = null
    }
  }, [mode])

  const backToView = (focus: 'rename' | 'delete'): void => {
    focusNext.current = focus
    setMode('view')
  }

  const startRename = (): void => {
    reset(opKey.removeVendor(vendor.id))
    setDraft(vendor.name)
    setMode('rename')
  }
  const cancelRename = (): void => {
    reset(opKey.renameVendor(vendor.id))
    backToView('rename')
  }
  const saveRename = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (draft.trim() === vendor.name) {
      cancelRename()
      return
    }
    if (await renameVendor(vendor.id, draft)) backToView('rename')
    else nameInput.current?.focus()
  }
  const confirmDelete = async (): Promise<void> => {
    if (!(await removeVendor(vendor.id))) backToView('delete')
  }

  if (mode === 'rename') {
    const problem = formError(renaming, ['name'])
    return (
      <li className="row row--editing">
        <form
          className="row__edit"
          noValidate
          aria-label={`Rename ${vendor.name}`}
          onSubmit={(event) => void saveRename(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault()
              cancelRename()
            }
          }}
        >
          <TextField
            label={`New name for ${vendor.name}`}
            labelHidden
            value={draft}
            onValueChange={setDraft}
            error={fieldError(renaming, 'name')}
            inputRef={nameInput}
            fieldClassName="form__grow"
            autoComplete="off"
            maxLength={80}
          />
          <div className="row__actions">
            <Button type="submit" variant="primary" size="small" busy={renaming.pending}>
              Save
            </Button>
            <Button size="small" variant="ghost" onClick={cancelRename}>
              Cancel
            </Button>
          </div>
        </form>
        {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      </li>
    )
  }

  const removeProblem = removing.error?.message
  return (
    <li className={mode === 'confirm-delete' ? 'row row--danger' : 'row'}>
      <div className="row__main">
        <div className="row__text">
          <span className="row__title">{vendor.name}</span>
          <span className="row__meta">
            <span>{count(vendor.accountCount, 'account', 'accounts')}</span>
            {vendor.website !== null && (
              <span>
                <a href={vendor.website} target="_blank" rel="noreferrer noopener">
                  {displayHost(vendor.website)}
                </a>
              </span>
            )}
            <span>Added {formatDate(vendor.createdAt)}</span>
          </span>
        </div>
        {mode === 'confirm-delete' ? (
          <div className="row__confirm" role="group" aria-label={`Confirm deleting ${vendor.name}`}>
            <span className="row__question">
              {vendor.accountCount > 0 ? `${vendor.name} still has accounts. Delete anyway?` : `Delete ${vendor.name}?`}
            </span>
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
              buttonRef={renameButton}
              aria-label={`Rename ${vendor.name}`}
              onClick={startRename}
            >
              Rename
            </Button>
            <Button
              size="small"
              variant="ghost"
              buttonRef={deleteButton}
              aria-label={`Delete ${vendor.name}`}
              onClick={() => {
                reset(opKey.removeVendor(vendor.id))
                setMode('confirm-delete')
              }}
            >
              Delete
            </Button>
          </div>
        )}
      </div>
      {removeProblem !== undefined && <InlineAlert>{removeProblem}</InlineAlert>}
    </li>
  )
}
