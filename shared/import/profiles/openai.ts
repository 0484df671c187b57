/**
 * OpenAI dashboard exports (vendor-csv.md §1.1, §1.2). Both are daily UTC buckets with the same four time columns;
 * a bucket with nothing in it is written as a row with only those four filled, which is skipped, not refused.
 */
import { sumCounts } from '../numbers'
import type { When } from '../types'
import { defineProfile, tag, type RowReader } from './row'

const TIME_COLUMNS = ['start_time', 'end_time', 'start_time_iso', 'end_time_iso']

/** The bucket start: epoch seconds, or the ISO column when the seconds are missing (naive ISO is UTC). */
const bucketStart = (row: RowReader): When =>
  row.text('start_time') !== '' || !row.has('start_time_iso')
    ? row.when('start_time', 'utc', ['epoch-seconds'])
    : row.when('start_time_iso', 'utc', ['YYYY-MM-DDTHH:MM:SS', 'YYYY-MM-DD'])

/**
 * "gpt-4o-mini-2024-07-18, cached input" → the model; "priority | gpt-5.6-sol, output, long context" → gpt-5.6-sol.
 * Items without a comma ("web search tool calls", "Vector storage") name no model.
 */
export const modelOfLineItem = (lineItem: string): string | null => {
  const comma = lineItem.indexOf(',')
  if (comma < 0) return null
  const head = lineItem.slice(0, comma)
  const bar = head.lastIndexOf('|')
  const model = (bar < 0 ? head : head.slice(bar + 1)).trim()
  return model === '' ? null : model
}

const COST_CURRENT = [
  ...TIME_COLUMNS,
  'amount_value',
  'amount_currency',
  'quantity',
  'quantity_unit',
  'line_item',
  'user_id',
  'api_key_id',
  'project_id',
  'organization_id',
  'project_name',
  'organization_name',
  'user_email',
  'api_source',
]

export const openaiCost = defineProfile({
  id: 'openai-cost',
  name: 'OpenAI cost export',
  vendor: 'OpenAI',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['start_time'], formats: ['epoch-seconds'] },
  versions: [
    { id: '2026', columns: COST_CURRENT, required: [...TIME_COLUMNS, 'amount_value', 'amount_currency', 'line_item'] },
    {
      id: '2025-10',
      columns: [
        ...TIME_COLUMNS,
        'amount_value',
        'amount_currency',
        'line_item',
        'project_id',
        'organization_id',
        'organization_name',
      ],
      required: [...TIME_COLUMNS, 'amount_value', 'amount_currency', 'line_item'],
    },
  ],
  read: (row) => {
    if (row.text('amount_value') === '' && row.onlyFilled(TIME_COLUMNS)) return { kind: 'skip', reason: 'empty bucket' }
    const lineItem = row.text('line_item')
    return {
      kind: 'usage',
      at: bucketStart(row),
      amount: row.usageAmount('amount_value'),
      currency: row.currency('amount_currency'),
      // The project is where a person looks for "which of my projects spent this"; ids are kept as tags too.
      accountHint: row.text('project_name') || row.text('project_id') || null,
      tags: [
        tag('model', modelOfLineItem(lineItem)),
        tag('line_item', lineItem),
        tag('project', row.text('project_id')),
        tag('key', row.text('api_key_id')),
        tag('user', row.text('user_id')),
        tag('org', row.text('organization_id')),
      ],
    }
  },
})

const TOKEN_KINDS = [
  'input_cached_tokens',
  'input_uncached_tokens',
  'input_text_tokens',
  'output_text_tokens',
  'input_cached_text_tokens',
  'input_audio_tokens',
  'input_cached_audio_tokens',
  'output_audio_tokens',
  'input_image_tokens',
  'input_cached_image_tokens',
  'output_image_tokens',
]

/** The only public sample spells the flag "FALSE" (a spreadsheet round trip); the API says false. */
const isTrue = (text: string): boolean => /^(true|1|yes)$/i.test(text)

export const openaiUsage = defineProfile({
  id: 'openai-usage',
  name: 'OpenAI usage (activity) export',
  vendor: 'OpenAI',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['start_time'], formats: ['epoch-seconds'] },
  versions: [
    {
      id: '2025',
      columns: [
        ...TIME_COLUMNS,
        'project_id',
        'num_model_requests',
        'user_id',
        'api_key_id',
        'model',
        'batch',
        'service_tier',
        'input_tokens',
        'output_tokens',
        ...TOKEN_KINDS,
      ],
      required: [...TIME_COLUMNS, 'num_model_requests', 'model', 'input_tokens', 'output_tokens'],
    },
  ],
  // No money in this file: the amount is tokens (input + output; cached and uncached input are parts of input).
  read: (row) => {
    if (row.text('input_tokens') === '' && row.onlyFilled(TIME_COLUMNS)) return { kind: 'skip', reason: 'empty bucket' }
    return {
      kind: 'usage',
      at: bucketStart(row),
      amount: sumCounts([row.count('input_tokens'), row.count('output_tokens')]),
      currency: null,
      accountHint: row.text('project_id') || null,
      tags: [
        tag('model', row.text('model')),
        tag('project', row.text('project_id')),
        tag('key', row.text('api_key_id')),
        tag('user', row.text('user_id')),
        tag('batch', isTrue(row.text('batch')) ? 'true' : null),
        tag('service_tier', row.text('service_tier')),
        tag('requests', row.text('num_model_requests') === '' ? null : row.count('num_model_requests')),
      ],
    }
  },
})
