import { useId, type ReactNode } from 'react'

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  readonly id: string
  readonly 'aria-invalid': boolean
  readonly 'aria-describedby': string | undefined
}

export interface FieldProps {
  readonly label: string
  /** Shown under the label, e.g. "Optional". */
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly className?: string | undefined
  /** Hide the label visually (it stays the accessible name), for inline edits inside a row. */
  readonly labelHidden?: boolean
  readonly children: (control: ControlProps) => ReactNode
}

/** Label, control, hint and error message, wired with aria-describedby / aria-invalid. */
export function Field({ label, hint, error, className, labelHidden = false, children }: FieldProps) {
  const id = useId()
  const hintId = hint === undefined ? undefined : `${id}-hint`
  const errorId = error === undefined ? undefined : `${id}-error`
  const describedBy = [errorId, hintId].filter((part) => part !== undefined).join(' ')
  return (
    <div className={['field', error === undefined ? '' : 'field--invalid', className ?? ''].join(' ').trim()}>
      <label className={labelHidden ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error !== undefined,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}
