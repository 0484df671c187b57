import type { BatchInfo } from '@shared/api/types/history'
import { UsageError } from '../../args'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'

/** `undo`, `redo` and `undo list`: the last 50 changes (batches) can be taken back and redone, exactly. */

const changes = (batch: BatchInfo): string => `${batch.changes} change${batch.changes === 1 ? '' : 's'}`

export const undoCommand = defineCommand({
  summary: 'Undo the latest change (one batch: an edit, a preset applied, a restore); `undo list` shows them',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'undo', 'history.undo', undefined, {
      human: (batch) => [
        `Undid batch ${batch.id}: ${batch.label} (${changes(batch)}); \`credit-ledger redo\` redoes it`,
      ],
    }),
})

export const redoCommand = defineCommand({
  summary: 'Redo the change undone most recently (until a new change is made)',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'redo', 'history.redo', undefined, {
      human: (batch) => [`Redid batch ${batch.id}: ${batch.label} (${changes(batch)})`],
    }),
})

const parseLimit = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  if (!/^\d{1,3}$/.test(value))
    throw new UsageError(`--limit must be a whole number 1–500, got "${value}"`, 'undo list')
  return Number(value)
}

export const undoListCommand = defineCommand({
  summary: 'List changes (batches), newest first, with what undo and redo would act on',
  synopsis: '[--limit N]',
  options: {
    limit: { type: 'string', value: 'N', description: 'How many (1–500, default 50)' },
  },
  run: (context, values) => {
    const limit = parseLimit(values.limit)
    return callAndRespond(context, 'undo list', 'history.list', limit === undefined ? {} : { limit }, {
      flags: { limit: '--limit' },
      human: (batches) =>
        batches.length === 0
          ? ['No changes yet.']
          : table<BatchInfo>(
              [
                { header: 'ID', cell: (batch) => String(batch.id), right: true },
                { header: 'STATE', cell: (batch) => batch.state },
                { header: 'KIND', cell: (batch) => batch.kind },
                { header: 'WHEN (UTC)', cell: (batch) => batch.createdAt },
                { header: 'CHANGES', cell: (batch) => String(batch.changes), right: true },
                { header: 'WHAT', cell: (batch) => batch.label },
              ],
              batches,
            ),
    })
  },
})
