import type { ButtonHTMLAttributes, Ref } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  readonly variant?: ButtonVariant
  readonly size?: 'normal' | 'small'
  /** Shows the action is running; the button stays focusable but ignores clicks. */
  readonly busy?: boolean
  readonly buttonRef?: Ref<HTMLButtonElement>
}

export function Button({
  variant = 'secondary',
  size = 'normal',
  busy = false,
  type = 'button',
  buttonRef,
  onClick,
  children,
  ...native
}: ButtonProps) {
  return (
    <button
      {...native}
      ref={buttonRef}
      type={type}
      className={`button button--${variant}${size === 'small' ? ' button--small' : ''}`}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault()
          return
        }
        onClick?.(event)
      }}
    >
      {children}
    </button>
  )
}
