import type { BatchKind } from '../define'

/** One user action as the undo history shows it (issue 4 §4). Instants are ISO 8601 UTC. */
export interface BatchInfo {
  readonly id: number
  readonly kind: BatchKind
  /** What it did, e.g. "Add a lot" or "Apply preset OpenAI API". */
  readonly label: string
  /** The contract method that made it; null for imports and restores made outside one. */
  readonly method: string | null
  readonly createdAt: string
  /** done: undoable while among the last 50; undone: redoable until the next change; sealed: too old to undo. */
  readonly state: 'done' | 'undone' | 'discarded' | 'sealed'
  readonly changedAt: string
  /** Rows the journal holds for it (0 once sealed, or for an import undone by its batch id). */
  readonly changes: number
}
