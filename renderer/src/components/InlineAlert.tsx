import type { ReactNode } from 'react'

/** A short error tied to one row or form, announced when it appears. */
export function InlineAlert({ children }: { readonly children: ReactNode }) {
  return (
    <p className="inline-alert" role="alert">
      {children}
    </p>
  )
}
