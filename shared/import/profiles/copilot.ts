/**
 * GitHub Copilot usage reports (vendor-csv.md §5.1). The Copilot preset counts premium requests (or AI credits), so
 * the amount is the report's `quantity` in its `unit_type`, not money; what GitHub charged beyond the quota
 * (`net_amount` = gross − discount, USD) rides along as a net_usd: tag. The same billing report also lists Actions,
 * Packages and other products: only Copilot rows are usage here, the rest are skipped with the product named.
 */
import { defineProfile, tag, type Draft, type RowReader } from './row'

const PREMIUM_2025 = [
  'date',
  'username',
  'product',
  'sku',
  'model',
  'quantity',
  'unit_type',
  'applied_cost_per_quantity',
  'gross_amount',
  'discount_amount',
  'net_amount',
  'exceeds_quota',
  'total_monthly_quota',
  'organization',
  'cost_center_name',
]
const AI_CREDITS_2026 = [
  'date',
  'username',
  'product',
  'sku',
  'model',
  'quantity',
  'unit_type',
  'applied_cost_per_quantity',
  'gross_amount',
  'discount_amount',
  'net_amount',
  'total_monthly_quota',
  'organization',
  'repository',
  'cost_center_name',
  'aic_quantity',
  'aic_gross_amount',
]
/** The fields docs.github.com lists for the billing usage report (order not documented). */
const BILLING_REPORT = [
  'date',
  'product',
  'sku',
  'quantity',
  'unit_type',
  'applied_cost_per_quantity',
  'gross_amount',
  'discount_amount',
  'net_amount',
  'username',
  'organization',
  'repository',
  'workflow_path',
  'cost_center_name',
]
const REQUIRED = ['date', 'product', 'sku', 'quantity', 'unit_type', 'net_amount']
const LEGACY = ['Timestamp', 'User', 'Model', 'Requests Used', 'Exceeds Monthly Quota', 'Total Monthly Quota']

const COPILOT = /copilot|coding_agent/i

const legacy = (row: RowReader): Draft => ({
  kind: 'usage',
  at: row.when('Timestamp', 'utc', ['YYYY-MM-DDTHH:MM:SS', 'YYYY-MM-DD']),
  amount: row.usageAmount('Requests Used'),
  currency: null,
  accountHint: row.text('User') || null,
  tags: [tag('model', row.text('Model')), tag('unit', 'requests'), tag('user', row.text('User'))],
})

export const copilotUsage = defineProfile({
  id: 'github-copilot-usage',
  name: 'GitHub Copilot usage report',
  vendor: 'GitHub',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['date', 'Timestamp'], formats: ['YYYY-MM-DD'] },
  versions: [
    { id: 'premium-requests-2025', columns: PREMIUM_2025, required: REQUIRED },
    { id: 'ai-credits-2026', columns: AI_CREDITS_2026, required: REQUIRED },
    { id: 'billing-usage', columns: BILLING_REPORT, required: REQUIRED },
    { id: 'legacy-premium', columns: LEGACY, dateFormats: ['YYYY-MM-DDTHH:MM:SS'] },
  ],
  read: (row) => {
    if (row.has('Requests Used') && !row.has('quantity')) return legacy(row)
    const product = row.text('product')
    if (!COPILOT.test(product) && !COPILOT.test(row.text('sku'))) {
      return { kind: 'skip', reason: `not Copilot usage (product ${product || 'empty'})` }
    }
    const net = row.optionalAmount('net_amount')
    return {
      kind: 'usage',
      at: row.when('date', 'utc'),
      amount: row.usageAmount('quantity'),
      currency: null,
      accountHint: row.text('organization') || row.text('username') || null,
      tags: [
        tag('model', row.text('model')),
        tag('product', product),
        tag('sku', row.text('sku')),
        tag('unit', row.text('unit_type')),
        tag('user', row.text('username')),
        tag('org', row.text('organization')),
        tag('repository', row.text('repository')),
        tag('cost_center', row.text('cost_center_name')),
        tag('net_usd', net),
      ],
    }
  },
})
