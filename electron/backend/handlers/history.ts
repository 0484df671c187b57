import type { historyMethods } from '@shared/api/methods/history'
import { exportCsv } from '../export/csv-export'
import { exportJson } from '../export/json-export'
import { restoreJson } from '../export/restore'
import { restoreBackup } from '../services/history/backup-restore-service'
import * as history from '../services/history/history-service'
import { listPresets, showPreset } from '../services/history/presets-service'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/history.ts. */
export const historyHandlers = {
  'history.list': (input, ctx) => history.listHistory(ctx.services(), input?.limit),
  'history.undo': (_input, ctx) => history.undo(ctx.services()),
  'history.redo': (_input, ctx) => history.redo(ctx.services()),

  'export.json': (_input, ctx) => exportJson(ctx.services()),
  'export.csv': (input, ctx) => exportCsv(ctx.services(), input.entity),
  'restore.json': (input, ctx) => restoreJson(ctx.services(), input.document),

  'backups.restore': (input, ctx) => restoreBackup(ctx.services(), input.file),

  'presets.list': () => listPresets(),
  'presets.show': (input) => showPreset(input.id),
} as const satisfies Pick<Handlers, keyof typeof historyMethods>
