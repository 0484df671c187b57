/**
 * US card and bank statements (vendor-csv.md §6.1): Chase (purchases negative), Amex (charges positive: the
 * opposite convention), Capital One (separate Debit and Credit columns). Statement rows are dates, not instants:
 * a charge on 03/14 stays on 03/14 in any zone. Every line becomes a charge (refunds and payments negative);
 * merchant rules later pick the AI-vendor lines.
 */
import { isNegativeDecimal, negateDecimal } from '../numbers'
import { defineProfile } from './row'
import { descriptorOf, footerReason } from './statement'

const CHASE_CARD = ['Transaction Date', 'Post Date', 'Description', 'Category', 'Type', 'Amount', 'Memo']
const CHASE_CHECKING = ['Details', 'Posting Date', 'Description', 'Amount', 'Type', 'Balance', 'Check or Slip #']

export const chase = defineProfile({
  id: 'chase',
  name: 'Chase statement',
  vendor: null,
  kind: 'charges',
  decimalMark: '.',
  dates: { columns: ['Transaction Date', 'Posting Date'], formats: ['MM/DD/YYYY'] },
  versions: [
    { id: 'card', columns: CHASE_CARD, required: ['Transaction Date', 'Post Date', 'Description', 'Amount'] },
    {
      id: 'business-card',
      columns: ['Card', ...CHASE_CARD],
      required: ['Card', 'Transaction Date', 'Post Date', 'Description', 'Amount'],
    },
    { id: 'checking', columns: CHASE_CHECKING, required: ['Details', 'Posting Date', 'Description', 'Amount'] },
  ],
  read: (row) => {
    const dateColumn = row.pick('Transaction Date', 'Posting Date') ?? 'Transaction Date'
    const footer = footerReason(row, dateColumn)
    if (footer !== null) return { kind: 'skip', reason: footer }
    // A card payment is the user paying Chase, not a vendor refunding them.
    if (row.has('Post Date') && /^payment$/i.test(row.text('Type'))) return { kind: 'skip', reason: 'card payment' }
    return {
      kind: 'charge',
      at: row.when(dateColumn, 'date'),
      amount: negateDecimal(row.amount('Amount')),
      currency: 'USD',
      descriptor: descriptorOf(row.required('Description')),
    }
  },
})

const AMEX_EXTENDED = (place: readonly string[]): string[] => [
  'Date',
  'Description',
  'Amount',
  'Extended Details',
  'Appears On Your Statement As',
  'Address',
  ...place,
  'Country',
  'Reference',
  'Category',
]
const EXTENDED_REQUIRED = ['Date', 'Description', 'Amount', 'Extended Details', 'Appears On Your Statement As']

export const amex = defineProfile({
  id: 'amex',
  name: 'American Express statement',
  vendor: null,
  kind: 'charges',
  decimalMark: '.',
  dates: { columns: ['Date'], formats: ['MM/DD/YYYY', 'DD/MM/YYYY'] },
  versions: [
    // "Date,Description,Amount" could be any bank's: these two match only when the header has nothing else, and
    // their dates are checked against both US and UK order (the caller asks when the file fits both).
    { id: 'basic', columns: ['Date', 'Description', 'Amount'], closed: true },
    { id: 'card-member', columns: ['Date', 'Description', 'Card Member', 'Account #', 'Amount'], closed: true },
    {
      id: 'extended-us',
      columns: AMEX_EXTENDED(['City/State', 'Zip Code']),
      required: [...EXTENDED_REQUIRED, 'Zip Code'],
      dateFormats: ['MM/DD/YYYY'],
    },
    {
      id: 'extended-uk',
      columns: AMEX_EXTENDED(['Town/City', 'Postcode']),
      required: [...EXTENDED_REQUIRED, 'Postcode'],
      dateFormats: ['DD/MM/YYYY'],
    },
  ],
  read: (row) => {
    const footer = footerReason(row, 'Date')
    if (footer !== null) return { kind: 'skip', reason: footer }
    // Amex wraps the reference in apostrophes so spreadsheets keep its digits: '320232420508788279'.
    const reference = row.text('Reference').replace(/^'+|'+$/g, '')
    return {
      kind: 'charge',
      externalId: reference === '' ? null : reference,
      at: row.when('Date', 'date'),
      amount: row.amount('Amount'),
      currency: row.has('Postcode') ? 'GBP' : 'USD',
      // Amex pads the city into the description ("CLAUDE.AI SUBSCRIPTION    SAN FRANCISCO"): spaces folded.
      descriptor: descriptorOf(row.required('Description')),
    }
  },
})

const abs = (decimal: string): string => (isNegativeDecimal(decimal) ? negateDecimal(decimal) : decimal)

export const capitalOne = defineProfile({
  id: 'capital-one',
  name: 'Capital One statement',
  vendor: null,
  kind: 'charges',
  decimalMark: '.',
  dates: { columns: ['Transaction Date'], formats: ['YYYY-MM-DD'] },
  versions: [
    {
      id: 'card',
      columns: ['Transaction Date', 'Posted Date', 'Card No.', 'Description', 'Category', 'Debit', 'Credit'],
      required: ['Transaction Date', 'Description', 'Debit', 'Credit'],
    },
  ],
  read: (row) => {
    const footer = footerReason(row, 'Transaction Date')
    if (footer !== null) return { kind: 'skip', reason: footer }
    const debit = row.optionalAmount('Debit')
    const credit = row.optionalAmount('Credit')
    if ((debit === null) === (credit === null)) {
      row.fault(null, debit === null ? 'neither Debit nor Credit has an amount' : 'both Debit and Credit have amounts')
    }
    return {
      kind: 'charge',
      at: row.when('Transaction Date', 'date'),
      amount: debit !== null ? abs(debit) : negateDecimal(abs(credit ?? '0')),
      currency: 'USD',
      descriptor: descriptorOf(row.required('Description')),
    }
  },
})
