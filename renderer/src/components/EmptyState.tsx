import type { ReactNode } from 'react'

export interface EmptyStateProps {
  readonly title: string
  readonly children?: ReactNode
}

/** What to do when a list has nothing in it yet. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children !== undefined && <div className="empty-state__body">{children}</div>}
    </div>
  )
}
