import { useEffect, useId } from 'react'
import type { RowModeState } from '../lib/use-row-mode'
import { Button } from './Button'

export interface RowActionsProps {
  /** The row's item, named in every accessible label so many rows' buttons can be told apart. */
  readonly name: string
  /** The visible word on the edit button ("Rename", "Edit"); its accessible name is "<editLabel> <name>". */
  readonly editLabel: string
  readonly row: RowModeState
  /** Forget the last failed delete: the user is starting over, so an old refusal would only mislead. */
  readonly resetDelete: () => void
  /** What the row prepares before its editor opens (e.g. a draft set back to the current name). */
  readonly onEdit?: () => void
  /** Run the delete; false when it was refused, and the row then shows the failure with focus back on Delete. */
  readonly onConfirmDelete: () => Promise<boolean>
  readonly deleting: boolean
  /**
   * Why the item cannot be deleted as it stands. The confirmation then only says so, with an OK, rather than
   * offer a Delete the backend is known to refuse.
   */
  readonly blocker?: string | null
}

/** A row's Edit and Delete buttons, or in their place the confirmation of the delete. */
export function RowActions({
  name,
  editLabel,
  row,
  resetDelete,
  onEdit,
  onConfirmDelete,
  deleting,
  blocker = null,
}: RowActionsProps) {
  const blockerId = useId()
  const blocked = blocker !== null
  // A reload can block (or unblock) an open confirmation: the focused Keep/OK button is then replaced, so hand
  // focus to its successor instead of letting it fall to the page.
  useEffect(() => {
    if (row.mode === 'confirm-delete') row.keepButton.current?.focus()
  }, [blocked, row.mode, row.keepButton])
  const keep = (): void => {
    row.backToView('delete')
  }
  const confirm = async (): Promise<void> => {
    if (!(await onConfirmDelete())) keep()
  }

  if (row.mode === 'confirm-delete')
    return (
      <div className="row__confirm" role="group" aria-label={`Confirm deleting ${name}`}>
        {blocker === null ? (
          <>
            <span className="row__question">Delete {name}?</span>
            <Button variant="danger" size="small" busy={deleting} onClick={() => void confirm()}>
              Delete
            </Button>
            <Button variant="ghost" size="small" buttonRef={row.keepButton} onClick={keep}>
              Keep
            </Button>
          </>
        ) : (
          <>
            <span className="row__question" id={blockerId}>
              {blocker}
            </span>
            {/* Focus lands here, so the button carries the reason for screen readers that skip the text. */}
            <Button variant="ghost" size="small" buttonRef={row.keepButton} aria-describedby={blockerId} onClick={keep}>
              OK
            </Button>
          </>
        )}
      </div>
    )

  return (
    <div className="row__actions">
      <Button
        size="small"
        variant="ghost"
        buttonRef={row.editButton}
        aria-label={`${editLabel} ${name}`}
        onClick={() => {
          resetDelete()
          onEdit?.()
          row.startEdit()
        }}
      >
        {editLabel}
      </Button>
      <Button
        size="small"
        variant="ghost"
        buttonRef={row.deleteButton}
        aria-label={`Delete ${name}`}
        onClick={() => {
          resetDelete()
          row.askDelete()
        }}
      >
        Delete
      </Button>
    </div>
  )
}
