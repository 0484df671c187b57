import { useEffect, useRef, useState, type RefObject } from 'react'

/** What a list row shows: its values, an editor in place, or the confirmation before a delete. */
export type RowMode = 'view' | 'edit' | 'confirm-delete'

/** The view buttons focus can go back to. */
export type RowButton = 'edit' | 'delete'

export interface RowModeState {
  readonly mode: RowMode
  readonly editButton: RefObject<HTMLButtonElement | null>
  readonly deleteButton: RefObject<HTMLButtonElement | null>
  /** The safe choice of the confirmation ("Keep", or "OK" when there is nothing to confirm). */
  readonly keepButton: RefObject<HTMLButtonElement | null>
  readonly startEdit: () => void
  readonly askDelete: () => void
  /** Back to view, with focus on the button the user left from, so keyboard users do not land at the page top. */
  readonly backToView: (focus: RowButton) => void
}

/**
 * A row's mode and the focus that follows it. The buttons that had focus unmount when the mode changes, so focus
 * is moved once the new mode has rendered: onto the safe choice when confirming (Enter must not delete by accident),
 * back onto the button that was used when the row returns to view. Entering the editor is left to the editor, which
 * knows which field to select.
 */
export function useRowMode(): RowModeState {
  const [mode, setMode] = useState<RowMode>('view')
  // Only a return to view names a target; a re-render in view for any other reason must not steal focus.
  const focusNext = useRef<RowButton | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (mode === 'confirm-delete') keepButton.current?.focus()
    if (mode === 'view' && focusNext.current !== null) {
      ;(focusNext.current === 'edit' ? editButton : deleteButton).current?.focus()
      focusNext.current = null
    }
  }, [mode])

  return {
    mode,
    editButton,
    deleteButton,
    keepButton,
    startEdit: () => {
      setMode('edit')
    },
    askDelete: () => {
      setMode('confirm-delete')
    },
    backToView: (focus) => {
      focusNext.current = focus
      setMode('view')
    },
  }
}
