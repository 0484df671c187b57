import type { ReactNode } from 'react'
import { InlineAlert } from './InlineAlert'
import { RowActions, type RowActionsProps } from './RowActions'

export interface ItemRowProps extends RowActionsProps {
  /** The facts shown under the name, one `<span>` each (the list's CSS puts separators between them). */
  readonly children: ReactNode
  /** Why the last delete failed; shown under the row so it is read next to the item it is about. */
  readonly error?: string | undefined
  /** The item's own page: the name links there. */
  readonly href?: string | undefined
}

/** A list row in view or confirm mode: the item's name and facts, its actions, and a failed delete's message. */
export function ItemRow({ children, error, href, ...actions }: ItemRowProps) {
  return (
    <li className={actions.row.mode === 'confirm-delete' ? 'row row--danger' : 'row'}>
      <div className="row__main">
        <div className="row__text">
          {href === undefined ? (
            <span className="row__title">{actions.name}</span>
          ) : (
            <a className="row__title row__link" href={href}>
              {actions.name}
            </a>
          )}
          <span className="row__meta">{children}</span>
        </div>
        <RowActions {...actions} />
      </div>
      {error !== undefined && <InlineAlert>{error}</InlineAlert>}
    </li>
  )
}
