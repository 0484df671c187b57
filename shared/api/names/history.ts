import type { historyMethods } from '../methods/history'

/** The names of ./methods/history.ts as plain data, for the zod-free preload (see method-names.ts). */
export const HISTORY_METHOD_NAMES = [
  'history.list',
  'history.undo',
  'history.redo',
  'export.json',
  'export.csv',
  'restore.json',
  'backups.restore',
  'presets.list',
  'presets.show',
] as const satisfies readonly (keyof typeof historyMethods)[]
