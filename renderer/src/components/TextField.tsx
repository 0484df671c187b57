import type { InputHTMLAttributes, Ref } from 'react'
import { Field } from './Field'

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className'>

export interface TextFieldProps extends NativeInput {
  readonly label: string
  readonly value: string
  readonly onValueChange: (value: string) => void
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly labelHidden?: boolean
  readonly fieldClassName?: string
  readonly inputRef?: Ref<HTMLInputElement>
}

export function TextField({
  label,
  value,
  onValueChange,
  hint,
  error,
  labelHidden,
  fieldClassName,
  inputRef,
  ...native
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} labelHidden={labelHidden ?? false} className={fieldClassName}>
      {(control) => (
        <input
          {...native}
          {...control}
          ref={inputRef}
          className="input"
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value)
          }}
        />
      )}
    </Field>
  )
}
