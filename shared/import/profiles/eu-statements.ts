/**
 * German bank statements (vendor-csv.md §6.2): ';' separated, decimal comma with '.' thousands, preamble lines
 * before the header (found by the row layer through detectProfile), amounts negative for money out. DKB drops
 * trailing zeros ("1.000" is 1000,00; "-29,9") and sometimes appends " €". Pending lines (DKB "Vorgemerkt",
 * Sparkasse "Umsatz vorgemerkt" or no booking day) are skipped: they come back booked, maybe changed, in a later
 * export, and importing both would count the charge twice.
 */
import { negateDecimal } from '../numbers'
import { defineProfile, type RowReader } from './row'
import { descriptorOf, footerReason } from './statement'

/** The counterparty is the payee for money out and the payer for money in. */
const counterparty = (row: RowReader, amount: string, payee: string, payer: string): string =>
  row.text(amount.startsWith('-') ? payee : payer)

const DKB = [
  'Buchungsdatum',
  'Wertstellung',
  'Status',
  'Zahlungspflichtige*r',
  'Zahlungsempfänger*in',
  'Verwendungszweck',
  'Umsatztyp',
  'IBAN',
  'Betrag (€)',
  'Gläubiger-ID',
  'Mandatsreferenz',
  'Kundenreferenz',
]

export const dkb = defineProfile({
  id: 'dkb',
  name: 'DKB statement',
  vendor: null,
  kind: 'charges',
  decimalMark: ',',
  dates: { columns: ['Buchungsdatum'], formats: ['DD.MM.YY', 'DD.MM.YYYY'] },
  versions: [
    {
      id: '2023',
      columns: DKB,
      required: ['Buchungsdatum', 'Status', 'Zahlungspflichtige*r', 'Zahlungsempfänger*in', 'Betrag (€)'],
    },
  ],
  read: (row) => {
    const footer = footerReason(row, 'Buchungsdatum')
    if (footer !== null) return { kind: 'skip', reason: footer }
    if (/^vorgemerkt$/i.test(row.text('Status'))) return { kind: 'skip', reason: 'pending (Vorgemerkt)' }
    const amount = row.amount('Betrag (€)')
    const who = counterparty(row, amount, 'Zahlungsempfänger*in', 'Zahlungspflichtige*r')
    const descriptor = descriptorOf(who, row.text('Verwendungszweck'))
    if (descriptor === '') row.fault('Verwendungszweck', 'names neither a counterparty nor a purpose')
    return {
      kind: 'charge',
      at: row.when('Buchungsdatum', 'date'),
      amount: negateDecimal(amount),
      currency: 'EUR',
      descriptor,
    }
  },
})

const SPARKASSE_CAMT = [
  'Auftragskonto',
  'Buchungstag',
  'Valutadatum',
  'Buchungstext',
  'Verwendungszweck',
  'Glaeubiger ID',
  'Mandatsreferenz',
  'Kundenreferenz (End-to-End)',
  'Sammlerreferenz',
  'Lastschrift Ursprungsbetrag',
  'Auslagenersatz Ruecklastschrift',
  'Beguenstigter/Zahlungspflichtiger',
  'Kontonummer/IBAN',
  'BIC (SWIFT-Code)',
  'Betrag',
  'Waehrung',
  'Info',
]
// The doc gives the MT940 variant's last five columns; the first six are the CAMT ones it shares [inferred].
const SPARKASSE_MT940 = [
  'Auftragskonto',
  'Buchungstag',
  'Valutadatum',
  'Buchungstext',
  'Verwendungszweck',
  'Beguenstigter/Zahlungspflichtiger',
  'Kontonummer',
  'BLZ',
  'Betrag',
  'Waehrung',
  'Info',
]
const SPARKASSE_REQUIRED = ['Auftragskonto', 'Buchungstag', 'Beguenstigter/Zahlungspflichtiger', 'Betrag', 'Waehrung']

export const sparkasse = defineProfile({
  id: 'sparkasse',
  name: 'Sparkasse statement',
  vendor: null,
  kind: 'charges',
  decimalMark: ',',
  dates: { columns: ['Buchungstag'], formats: ['DD.MM.YY', 'DD.MM.YYYY'] },
  versions: [
    { id: 'csv-camt', columns: SPARKASSE_CAMT, required: [...SPARKASSE_REQUIRED, 'Kontonummer/IBAN'] },
    { id: 'csv-mt940', columns: SPARKASSE_MT940, required: [...SPARKASSE_REQUIRED, 'Kontonummer', 'BLZ'] },
  ],
  read: (row) => {
    const footer = footerReason(row, 'Buchungstag')
    if (footer !== null) return { kind: 'skip', reason: footer }
    if (/vorgemerkt/i.test(row.text('Info')) || row.text('Buchungstag') === '') {
      return { kind: 'skip', reason: 'pending (Umsatz vorgemerkt)' }
    }
    const amount = row.amount('Betrag')
    const descriptor = descriptorOf(row.text('Beguenstigter/Zahlungspflichtiger'), row.text('Verwendungszweck'))
    if (descriptor === '') row.fault('Verwendungszweck', 'names neither a counterparty nor a purpose')
    return {
      kind: 'charge',
      at: row.when('Buchungstag', 'date'),
      amount: negateDecimal(amount),
      currency: row.currency('Waehrung'),
      descriptor,
    }
  },
})

const ING = (valueDate: string): string[] => [
  'Buchung',
  valueDate,
  'Auftraggeber/Empfänger',
  'Buchungstext',
  'Verwendungszweck',
  'Saldo',
  'Währung',
  'Betrag',
  'Währung',
]
const ING_REQUIRED = ['Buchung', 'Auftraggeber/Empfänger', 'Buchungstext', 'Betrag', 'Währung']

export const ing = defineProfile({
  id: 'ing',
  name: 'ING statement',
  vendor: null,
  kind: 'charges',
  decimalMark: ',',
  dates: { columns: ['Buchung'], formats: ['DD.MM.YYYY'] },
  versions: [
    { id: 'valuta', columns: ING('Valuta'), required: [...ING_REQUIRED, 'Valuta'] },
    { id: 'wertstellungsdatum', columns: ING('Wertstellungsdatum'), required: [...ING_REQUIRED, 'Wertstellungsdatum'] },
  ],
  read: (row) => {
    const footer = footerReason(row, 'Buchung')
    if (footer !== null) return { kind: 'skip', reason: footer }
    const amount = row.amount('Betrag')
    // Two columns are named "Währung": the balance's, then the amount's. The one after Betrag is this amount's.
    const betrag = row.columns.indexOf('Betrag') ?? -1
    const currencies = row.columns.indicesOf('Währung')
    const currencyIndex = currencies.find((index) => index > betrag) ?? currencies[currencies.length - 1]
    const currency = row.cellAt(currencyIndex).toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) row.fault('Währung', `"${currency}" is not an ISO 4217 currency code`)
    const descriptor = descriptorOf(row.text('Auftraggeber/Empfänger'), row.text('Verwendungszweck'))
    if (descriptor === '') row.fault('Verwendungszweck', 'names neither a counterparty nor a purpose')
    return {
      kind: 'charge',
      at: row.when('Buchung', 'date'),
      amount: negateDecimal(amount),
      currency,
      descriptor,
    }
  },
})
