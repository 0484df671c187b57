import { useRef, useState, type FormEvent } from 'react'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { TextField } from '../../components/TextField'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { fieldError, formError, opKey } from '../../stores/operations'

const FIELDS = ['name', 'website'] as const

/** Add a vendor: a name and, optionally, its website. */
export function VendorForm() {
  const [name, setName] = useState('')
  const [website, setWebsite] = useState('')
  const [added, setAdded] = useState('')
  const nameInput = useRef<HTMLInputElement>(null)
  const websiteInput = useRef<HTMLInputElement>(null)
  const operation = useOperation(opKey.addVendor)
  const addVendor = useCatalogStore((state) => state.addVendor)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setAdded('')
    const trimmed = name.trim()
    if (await addVendor({ name, website })) {
      setName('')
      setWebsite('')
      setAdded(`Added ${trimmed}.`)
      nameInput.current?.focus()
      return
    }
    const fields = useCatalogStore.getState().operations[opKey.addVendor]?.error?.fields ?? {}
    if (fields.name !== undefined) nameInput.current?.focus()
    else if (fields.website !== undefined) websiteInput.current?.focus()
  }

  const problem = formError(operation, FIELDS)
  return (
    <form className="card form" noValidate aria-label="Add a vendor" onSubmit={(event) => void submit(event)}>
      <div className="form__row">
        <TextField
          label="Vendor name"
          value={name}
          onValueChange={setName}
          error={fieldError(operation, 'name')}
          inputRef={nameInput}
          fieldClassName="form__grow"
          autoComplete="off"
          maxLength={80}
          placeholder="e.g. Anthropic"
        />
        <TextField
          label="Website"
          hint="Optional, starts with https://"
          value={website}
          onValueChange={setWebsite}
          error={fieldError(operation, 'website')}
          inputRef={websiteInput}
          fieldClassName="form__grow"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://anthropic.com"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={operation.pending}>
            Add vendor
          </Button>
        </div>
      </div>
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <p className="visually-hidden" role="status">
        {added}
      </p>
    </form>
  )
}
