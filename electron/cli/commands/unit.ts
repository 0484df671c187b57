import type { Unit } from '@shared/money/units'
import { callOnce, reportFailure } from '../call'
import { defineCommand } from '../command'
import { table } from '../table'

/** `unit list`: what amounts are counted in (currencies, vendors' credits, tokens), with each unit's scale. */

export const unitListCommand = defineCommand({
  summary: 'List units (currencies, credits, tokens) with their scale',
  synopsis: '',
  options: {},
  run: async (context) => {
    const result = await callOnce(context, 'units.list', undefined)
    if (!result.ok) return reportFailure(context, 'unit list', result.error)
    if (context.json) context.out(JSON.stringify(result.value))
    else if (result.value.length === 0) context.out('No units.')
    else {
      const lines = table<Unit>(
        [
          { header: 'ID', cell: (unit) => unit.id },
          { header: 'KIND', cell: (unit) => unit.kind },
          { header: 'SCALE', cell: (unit) => String(unit.scale), right: true },
          { header: 'BUILT-IN', cell: (unit) => (unit.builtIn ? 'yes' : 'no') },
          { header: 'LABEL', cell: (unit) => unit.label },
        ],
        result.value,
      )
      for (const line of lines) context.out(line)
    }
    return 0
  },
})
