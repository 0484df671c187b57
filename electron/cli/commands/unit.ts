import type { Unit } from '@shared/money/units'
import { defineCommand } from '../command'
import { callAndRespond } from '../respond'
import { table } from '../table'

/** `unit list`: what amounts are counted in (currencies, vendors' credits, tokens), with each unit's scale. */

export const unitListCommand = defineCommand({
  summary: 'List units (currencies, credits, tokens) with their scale',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'unit list', 'units.list', undefined, {
      human: (units) =>
        units.length === 0
          ? ['No units.']
          : table<Unit>(
              [
                { header: 'ID', cell: (unit) => unit.id },
                { header: 'KIND', cell: (unit) => unit.kind },
                { header: 'SCALE', cell: (unit) => String(unit.scale), right: true },
                { header: 'BUILT-IN', cell: (unit) => (unit.builtIn ? 'yes' : 'no') },
                { header: 'LABEL', cell: (unit) => unit.label },
              ],
              units,
            ),
    }),
})
