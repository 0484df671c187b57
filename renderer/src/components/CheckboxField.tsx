import { useId } from 'react'

export interface CheckboxFieldProps {
  readonly label: string
  readonly checked: boolean
  readonly onCheckedChange: (checked: boolean) => void
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly disabled?: boolean
}

/** A checkbox with its label beside it, and a hint and error under it, wired with aria-describedby. */
export function CheckboxField({ label, checked, onCheckedChange, hint, error, disabled }: CheckboxFieldProps) {
  const id = useId()
  const hintId = hint === undefined ? undefined : `${id}-hint`
  const errorId = error === undefined ? undefined : `${id}-error`
  const describedBy = [errorId, hintId].filter((part) => part !== undefined).join(' ')
  return (
    <div className={error === undefined ? 'checkbox' : 'checkbox checkbox--invalid'}>
      <input
        id={id}
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => {
          onCheckedChange(event.target.checked)
        }}
      />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p className="checkbox__hint field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="checkbox__hint field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}
