/**
 * OpenRouter activity exports (vendor-csv.md §4.1, §4.2). Credits are US dollars. BYOK traffic is billed by the
 * user's own provider, not by OpenRouter: `byok_usage_inference` / `BYOK Usage` is never counted as spend. A row
 * whose only cost is BYOK is recorded as not billable (the request happened; no credit was drawn); OpenRouter's own
 * charge on a BYOK request, when there is one, is in `cost_total` / `Usage` and is billable like any other.
 */
import { isZeroDecimal } from '../numbers'
import { defineProfile, tag } from './row'

const PER_REQUEST = [
  'generation_id',
  'created_at',
  'cost_total',
  'cost_web_search',
  'cost_cache',
  'cost_file_processing',
  'byok_usage_inference',
  'tokens_prompt',
  'tokens_completion',
  'tokens_reasoning',
  'tokens_cached',
  'model_permaslug',
  'provider_name',
  'variant',
  'cancelled',
  'streamed',
  'user',
  'finish_reason_raw',
  'finish_reason_normalized',
  'generation_time_ms',
  'time_to_first_token_ms',
  'api_key_disabled',
  'api_key_name',
  'app_name',
]

export const openrouterRequests = defineProfile({
  id: 'openrouter-requests',
  name: 'OpenRouter activity export (per request)',
  vendor: 'OpenRouter',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['created_at'], formats: ['YYYY-MM-DDTHH:MM:SS'] },
  versions: [
    // A 2025-12 file had fewer cost columns (model_permaslug one place earlier); which one is not documented,
    // so only the columns every layout has are required.
    { id: '2026', columns: PER_REQUEST, required: ['generation_id', 'created_at', 'cost_total', 'model_permaslug'] },
  ],
  read: (row) => {
    const cost = row.usageAmount('cost_total')
    const byok = row.optionalAmount('byok_usage_inference')
    const byokOnly = byok !== null && !isZeroDecimal(byok) && isZeroDecimal(cost)
    return {
      kind: 'usage',
      externalId: row.required('generation_id'),
      at: row.when('created_at', 'utc'),
      amount: cost,
      currency: 'USD',
      billable: !byokOnly,
      accountHint: row.text('api_key_name') || null,
      tags: [
        tag('model', row.text('model_permaslug')),
        tag('provider', row.text('provider_name')),
        tag('key', row.text('api_key_name')),
        tag('app', row.text('app_name')),
        tag('variant', row.text('variant')),
        tag('byok', byok !== null && !isZeroDecimal(byok) ? 'true' : null),
      ],
    }
  },
})

export const openrouterDaily = defineProfile({
  id: 'openrouter-daily',
  name: 'OpenRouter activity export (per day)',
  vendor: 'OpenRouter',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['Date'], formats: ['YYYY-MM-DDTHH:MM:SS', 'YYYY-MM-DD'] },
  versions: [
    {
      id: '2026',
      columns: [
        'Date',
        'Slug',
        'Usage',
        'BYOK Usage',
        'Requests',
        'Prompt Tokens',
        'Completion Tokens',
        'Reasoning Tokens',
      ],
      required: ['Date', 'Slug', 'Usage', 'Requests'],
    },
  ],
  read: (row) => {
    const usage = row.usageAmount('Usage')
    const byok = row.optionalAmount('BYOK Usage')
    const byokOnly = byok !== null && !isZeroDecimal(byok) && isZeroDecimal(usage)
    return {
      kind: 'usage',
      // "2026-05-12 00:00:00": the UTC day's start; a bare date is read the same way.
      at: row.when('Date', 'utc', ['YYYY-MM-DDTHH:MM:SS', 'YYYY-MM-DD']),
      amount: usage,
      currency: 'USD',
      billable: !byokOnly,
      tags: [
        // Grouped by model (the default) the slug is the model; grouped by key or creator it is that name.
        tag('model', row.text('Slug')),
        tag('requests', row.text('Requests') === '' ? null : row.count('Requests')),
        tag('byok', byok !== null && !isZeroDecimal(byok) ? 'true' : null),
      ],
    }
  },
})
