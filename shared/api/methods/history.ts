import type { MethodSpec } from '../define'

/** Presets applied in one step, undo/redo of batches, export and restore (issue 4). */
export const historyMethods = {} as const satisfies Record<string, MethodSpec>
