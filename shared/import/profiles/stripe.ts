/**
 * Stripe Dashboard invoices export (vendor-csv.md §3.1). What was spent is `Amount Paid`, not `Total`: a starting
 * balance or a credit note makes them differ. Draft, open, void and uncollectible invoices with nothing paid are
 * skipped with their status. Column order is not confirmed and Stripe renames columns, so every column is read by
 * name with its known aliases. Amounts are major units ("20.00"); a comma-decimal locale's export ("399,00")
 * fails loudly with the '.' mark — map it with settings.decimalMark ',' rather than have it misread.
 */
import { isZeroDecimal } from '../numbers'
import { defineProfile } from './row'

const DASHBOARD = [
  'id',
  'Customer',
  'Customer Name',
  'Customer Email',
  'Subscription',
  'Status',
  'Currency',
  'Amount Due',
  'Amount Paid',
  'Subtotal',
  'Tax',
  'Tax Percent',
  'Total',
  'Total Discount Amount',
  'Exclusive Tax Amount',
  'Inclusive Tax Amount',
  'Starting Balance',
  'Ending Balance',
  'Applied Coupons',
  'Billing',
  'Charge',
  'Closed',
  'Paid',
  'Forgiven',
  'Description',
  'Number',
  'Date (UTC)',
  'Due Date (UTC)',
  'Paid At (UTC)',
  'Finalized At (UTC)',
  'Marked Uncollectible At (UTC)',
  'Voided At (UTC)',
  'Period Start (UTC)',
  'Period End (UTC)',
  'Minimum Line Item Period Start (UTC)',
  'Maximum Line Item Period End (UTC)',
]

const DATE_FORMATS = ['YYYY-MM-DDTHH:MM:SS', 'YYYY-MM-DD'] as const

export const stripeInvoices = defineProfile({
  id: 'stripe-invoices',
  name: 'Stripe invoices export',
  // The vendor is whoever issued the invoice, which the export does not say: merchant rules decide.
  vendor: null,
  kind: 'charges',
  decimalMark: '.',
  dates: { columns: ['Paid At (UTC)', 'Date (UTC)', 'Created (UTC)'], formats: [...DATE_FORMATS] },
  versions: [{ id: 'dashboard', columns: DASHBOARD, required: ['id', 'Status', 'Currency', 'Amount Paid'] }],
  read: (row) => {
    const status = row.text('Status').toLowerCase()
    const paid = row.amount('Amount Paid')
    if (isZeroDecimal(paid)) {
      return {
        kind: 'skip',
        reason: status === 'paid' ? 'paid invoice with nothing paid' : `invoice ${status}: nothing paid`,
      }
    }
    // Paid At is when the money moved; older or trimmed exports only have the invoice date.
    const dateColumn =
      [row.pick('Paid At (UTC)'), row.pick('Date (UTC)'), row.pick('Created (UTC)', 'Created')].find(
        (name) => name !== undefined && row.text(name) !== '',
      ) ?? 'Date (UTC)'
    const id = row.required('id')
    return {
      kind: 'charge',
      externalId: id,
      at: row.when(dateColumn, 'utc', DATE_FORMATS),
      amount: paid,
      currency: row.currency('Currency'),
      descriptor: row.text('Description') || row.text('Number') || id,
      accountHint: row.text('Customer Name') || row.text('Customer Email') || row.text('Customer') || null,
    }
  },
})
