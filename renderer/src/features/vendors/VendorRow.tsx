import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Vendor } from '@shared/catalog/types'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { ItemRow } from '../../components/ItemRow'
import { TextField } from '../../components/TextField'
import { count, displayHost, formatDate } from '../../lib/format'
import { useRowMode } from '../../lib/use-row-mode'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { fieldError, formError, opKey } from '../../stores/operations'

/** One vendor: its name and account count, with inline rename and a confirmed delete. */
export function VendorRow({ vendor }: { readonly vendor: Vendor }) {
  const row = useRowMode()
  const [draft, setDraft] = useState(vendor.name)
  const nameInput = useRef<HTMLInputElement>(null)
  const renaming = useOperation(opKey.renameVendor(vendor.id))
  const removing = useOperation(opKey.removeVendor(vendor.id))
  const renameVendor = useCatalogStore((state) => state.renameVendor)
  const removeVendor = useCatalogStore((state) => state.removeVendor)
  const reset = useCatalogStore((state) => state.reset)

  // The editor opens with the whole name selected, so typing replaces it and arrows keep it.
  useEffect(() => {
    if (row.mode === 'edit') nameInput.current?.select()
  }, [row.mode])

  const cancelRename = (): void => {
    reset(opKey.renameVendor(vendor.id))
    row.backToView('edit')
  }
  const saveRename = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (draft.trim() === vendor.name) {
      cancelRename()
      return
    }
    if (await renameVendor(vendor.id, draft)) row.backToView('edit')
    else nameInput.current?.focus()
  }

  if (row.mode === 'edit') {
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

  return (
    <ItemRow
      name={vendor.name}
      editLabel="Rename"
      onEdit={() => {
        setDraft(vendor.name)
      }}
      row={row}
      resetDelete={() => {
        reset(opKey.removeVendor(vendor.id))
      }}
      blocker={
        // The backend refuses to delete a vendor with accounts: say so up front instead of offering a doomed Delete.
        vendor.accountCount > 0
          ? `${vendor.name} still has ${count(vendor.accountCount, 'account', 'accounts')}: delete them first.`
          : null
      }
      onConfirmDelete={() => removeVendor(vendor.id)}
      deleting={removing.pending}
      error={removing.error?.message}
    >
      <span>{count(vendor.accountCount, 'account', 'accounts')}</span>
      {vendor.website !== null && (
        <span>
          <a href={vendor.website} target="_blank" rel="noreferrer noopener">
            {displayHost(vendor.website)}
          </a>
        </span>
      )}
      <span>Added {formatDate(vendor.createdAt)}</span>
    </ItemRow>
  )
}
