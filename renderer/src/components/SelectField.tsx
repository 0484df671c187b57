import { Field } from './Field'

export interface SelectOption {
  readonly value: string
  readonly label: string
}

export interface SelectFieldProps {
  readonly label: string
  readonly value: string
  readonly options: readonly SelectOption[]
  readonly onValueChange: (value: string) => void
  /** A first, unselectable option shown while nothing is chosen, e.g. "Choose a vendor". */
  readonly placeholder?: string
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly labelHidden?: boolean
  readonly fieldClassName?: string
  readonly disabled?: boolean
}

export function SelectField({
  label,
  value,
  options,
  onValueChange,
  placeholder,
  hint,
  error,
  labelHidden,
  fieldClassName,
  disabled,
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} labelHidden={labelHidden ?? false} className={fieldClassName}>
      {(control) => (
        <select
          {...control}
          className="input select"
          value={value}
          disabled={disabled}
          onChange={(event) => {
            onValueChange(event.target.value)
          }}
        >
          {placeholder !== undefined && (
            <option value="" disabled>
              {placeholder}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
