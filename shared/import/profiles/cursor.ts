/**
 * Cursor dashboard usage export (vendor-csv.md §5.2), three layouts: v2 added Kind and Max Mode (and dropped
 * "Cost to you"), v3 added the cloud-agent and automation ids; team exports add User. The amount is the dollar
 * Cost, which the Cursor preset draws from the plan's included usage first and on-demand after it. Cost may be
 * "$1,234.56", the word "Included" or "NaN": the last two carry no dollar figure, so the row is kept at 0 with
 * a cost: tag saying why, rather than refused (the user cannot fix a vendor's NaN).
 */
import { defineProfile, tag } from './row'

const TOKENS = ['Input (w/ Cache Write)', 'Input (w/o Cache Write)', 'Cache Read', 'Output Tokens', 'Total Tokens']
const V1 = ['Date', 'Model', ...TOKENS, 'Cost', 'Cost to you']
const V2 = ['Date', 'Kind', 'Model', 'Max Mode', ...TOKENS, 'Cost']
const V3 = ['Date', 'Cloud Agent ID', 'Automation ID', 'Kind', 'Model', 'Max Mode', ...TOKENS, 'Cost']

// Kinds that say the request was not charged ("Errored, No Charge", "Free", the user's own API key) [inferred:
// only Included and On-Demand are documented].
const NOT_CHARGED = /no charge|not charged|free|api key/i

export const cursorUsage = defineProfile({
  id: 'cursor-usage',
  name: 'Cursor usage export',
  vendor: 'Cursor',
  kind: 'usage',
  decimalMark: '.',
  dates: { columns: ['Date'], formats: ['YYYY-MM-DDTHH:MM:SS'] },
  versions: [
    { id: 'v1', columns: V1 },
    { id: 'v2', columns: V2 },
    { id: 'v3', columns: V3 },
  ],
  read: (row) => {
    const costText = row.required('Cost')
    const word = /^(included|nan)$/i.exec(costText)?.[1]?.toLowerCase()
    const kind = row.text('Kind')
    const maxMode = row.text('Max Mode')
    return {
      kind: 'usage',
      at: row.when('Date', 'utc'),
      amount: word === undefined ? row.usageAmount('Cost') : '0',
      currency: 'USD',
      billable: !NOT_CHARGED.test(kind),
      accountHint: row.text('User') || null,
      tags: [
        tag('model', row.text('Model')),
        tag('kind', kind.toLowerCase()),
        tag('max_mode', /^(yes|true)$/i.test(maxMode) ? 'true' : null),
        tag('cost', word === 'included' ? 'included' : word === 'nan' ? 'unknown' : null),
        tag('agent', row.text('Cloud Agent ID')),
        tag('automation', row.text('Automation ID')),
        tag('user', row.text('User')),
      ],
    }
  },
})
