import type { PresetRuleView, PresetSummary } from '@shared/api/types/history'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'

/** `preset list` / `preset show ID`: the vendor presets and, for one, every rule with its source or assumption. */

export const presetListCommand = defineCommand({
  summary: 'List the vendor presets',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'preset list', 'presets.list', undefined, {
      human: (presets) =>
        table<PresetSummary>(
          [
            { header: 'ID', cell: (preset) => preset.id },
            { header: 'KIND', cell: (preset) => preset.kind },
            { header: 'VERSION', cell: (preset) => String(preset.version), right: true },
            { header: 'SOURCED', cell: (preset) => String(preset.rules.sourced), right: true },
            { header: 'ASSUMED', cell: (preset) => String(preset.rules.assumed), right: true },
            { header: 'VENDOR', cell: (preset) => preset.vendor },
            { header: 'NAME', cell: (preset) => preset.name },
          ],
          presets,
        ),
    }),
})

const basisLines = (rule: PresetRuleView): string[] => {
  switch (rule.basis) {
    case 'source':
      return [
        `    source: ${rule.source.title} (${rule.source.date}${rule.source.url === null ? '' : `, ${rule.source.url}`})`,
        `    quote: “${rule.quote}”`,
        ...(rule.note === null ? [] : [`    note: ${rule.note}`]),
      ]
    case 'assumption':
      return [`    ASSUMED: ${rule.reason}`]
    case 'user':
      return ['    your own value']
  }
}

export const presetShowCommand = defineCommand({
  summary: 'Show a preset’s rules, each with its source (quote, url) or why it is assumed',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      'preset show',
      'presets.show',
      { id },
      {
        flags: { id: 'ID' },
        human: (preset) => [
          `${preset.name} (${preset.id}, ${preset.kind} preset, version ${preset.version}) — ${preset.vendor}`,
          preset.summary,
          '',
          ...preset.rules.flatMap((rule) => [`  ${rule.path} = ${JSON.stringify(rule.value)}`, ...basisLines(rule)]),
        ],
      },
    ),
})
