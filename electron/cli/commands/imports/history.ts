import { parseId, UsageError } from '../../args'
import { callOnce } from '../../call'
import { defineCommand } from '../../command'
import { respond } from '../../respond'
import { failWith } from './answer'
import { importListLines, rejectedLines } from './report-lines'

/**
 * `imports list` and `imports undo BATCH`: the import history (issue 5 §6). An import is undone here, not by `undo`:
 * its rows are not journaled one by one (a million rows would double the write), so its undo deletes by batch.
 */

const parseLimit = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 500) {
    throw new UsageError(`--limit must be a whole number 1–500, got "${value}"`, 'imports list')
  }
  return Number(value)
}

export const importsListCommand = defineCommand({
  summary: 'List imports, newest first, with their counts (`--rejected`: each refused line too)',
  synopsis: '[--limit N] [--rejected]',
  options: {
    limit: { type: 'string', value: 'N', description: 'How many (1–500, default 50)' },
    rejected: { type: 'boolean', description: 'Also print each import’s refused lines (the first 200 of each)' },
  },
  run: async (context, values) => {
    const limit = parseLimit(values.limit)
    const result = await callOnce(context, 'imports.list', limit === undefined ? {} : { limit })
    if (!result.ok) return failWith(context, 'imports list', result.error)
    return respond(context, 'imports list', result, {
      human: (items) => [
        ...importListLines(items),
        ...(values.rejected === true
          ? items.flatMap((item) =>
              item.counts.rejected === 0
                ? []
                : [
                    '',
                    `Batch ${item.batchId}, ${item.fileName}:`,
                    ...rejectedLines(item.rejected, item.counts.rejected),
                  ],
            )
          : []),
      ],
    })
  },
})

export const importsUndoCommand = defineCommand({
  summary: 'Undo an import: every row it added goes (importing the file again brings them back)',
  synopsis: 'BATCH',
  positionals: ['BATCH'],
  options: {},
  run: async (context, _values, [batch = '']) => {
    const batchId = parseId('imports undo', 'BATCH', batch)
    const result = await callOnce(context, 'imports.undo', { batchId })
    if (!result.ok) return failWith(context, 'imports undo', result.error)
    return respond(context, 'imports undo', result, {
      human: (undone) => [
        `Undid import batch ${undone.batchId}: ${undone.removed} row${undone.removed === 1 ? '' : 's'} removed`,
      ],
    })
  },
})
