/**
 * Claude Console exports (vendor-csv.md §2.1, §2.2): one row per UTC day, model, workspace, key and token type.
 * The cost export is in dollars (`cost_usd`) — unlike the Admin API, whose amounts are cents strings, the classic
 * ×100 bug. `0.00` rows are common and kept: they are real (free) lines, not empty buckets.
 */
import { sumCounts } from '../numbers'
import { defineProfile, tag } from './row'

const COST_2024 = ['usage_date_utc', 'model', 'workspace', 'api_key', 'usage_type', 'token_type', 'cost_usd']
const COST_2025 = [
  'usage_date_utc',
  'model',
  'workspace',
  'api_key',
  'usage_type',
  'context_window',
  'token_type',
  'cost_usd',
  'cost_type',
]
const COST_2026 = [
  'usage_date_utc',
  'model',
  'workspace',
  'api_key',
  'usage_type',
  'context_window',
  'token_type',
  'cost_usd',
  'list_price_usd',
  'cost_type',
  'inference_geo',
  'speed',
]
const COST_LATE = [...COST_2026, 'api_key_id', 'api_key_status']

export const anthropicCost = defineProfile({
  id: 'anthropic-cost',
  name: 'Anthropic Console cost export',
  vendor: 'Anthropic',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['usage_date_utc'], formats: ['YYYY-MM-DD'] },
  versions: [
    { id: '2024', columns: COST_2024 },
    { id: '2025', columns: COST_2025 },
    { id: '2026', columns: COST_2026 },
    { id: 'late-2026', columns: COST_LATE },
  ],
  read: (row) => ({
    kind: 'usage',
    at: row.when('usage_date_utc', 'utc'),
    amount: row.usageAmount('cost_usd'),
    currency: 'USD',
    accountHint: row.text('workspace') || null,
    tags: [
      // The display name ("Claude Sonnet 4.5"): this export does not carry the API model id.
      tag('model', row.text('model')),
      tag('workspace', row.text('workspace')),
      tag('key', row.text('api_key')),
      tag('key_id', row.text('api_key_id')),
      tag('usage_type', row.text('usage_type')),
      tag('token_type', row.text('token_type')),
      tag('context_window', row.text('context_window')),
      tag('cost_type', row.text('cost_type')),
      tag('inference_geo', row.text('inference_geo')),
      tag('speed', row.text('speed')),
    ],
  }),
})

const TOKENS_2025 = [
  'usage_date_utc',
  'model_version',
  'api_key',
  'workspace',
  'usage_type',
  'usage_input_tokens_no_cache',
  'usage_input_tokens_cache_write_5m',
  'usage_input_tokens_cache_write_1h',
  'usage_input_tokens_cache_read',
  'usage_output_tokens',
  'web_search_count',
]
const TOKENS_2026 = [
  'usage_date_utc',
  'model_version',
  'api_key',
  'workspace',
  'usage_type',
  'context_window',
  'usage_input_tokens_no_cache',
  'usage_input_tokens_cache_write_5m',
  'usage_input_tokens_cache_write_1h',
  'usage_input_tokens_cache_read',
  'usage_output_tokens',
  'web_search_count',
  'inference_geo',
  'speed',
]
const TOKEN_COLUMNS = [
  'usage_input_tokens_no_cache',
  'usage_input_tokens_cache_write_5m',
  'usage_input_tokens_cache_write_1h',
  'usage_input_tokens_cache_read',
  'usage_output_tokens',
]

export const anthropicTokens = defineProfile({
  id: 'anthropic-tokens',
  name: 'Anthropic Console usage (tokens) export',
  vendor: 'Anthropic',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['usage_date_utc'], formats: ['YYYY-MM-DD'] },
  versions: [
    { id: '2025', columns: TOKENS_2025 },
    { id: '2026', columns: TOKENS_2026 },
  ],
  // Tokens, no money: the amount is every input kind plus output, each column parsed as a whole count.
  read: (row) => ({
    kind: 'usage',
    at: row.when('usage_date_utc', 'utc'),
    amount: sumCounts(TOKEN_COLUMNS.map((name) => row.countOr0(name))),
    currency: null,
    accountHint: row.text('workspace') || null,
    tags: [
      tag('model', row.text('model_version')),
      tag('workspace', row.text('workspace')),
      tag('key', row.text('api_key')),
      tag('usage_type', row.text('usage_type')),
      tag('context_window', row.text('context_window')),
      tag('inference_geo', row.text('inference_geo')),
      tag('speed', row.text('speed')),
      tag('web_searches', row.countOr0('web_search_count') === '0' ? null : row.count('web_search_count')),
    ],
  }),
})
