/**
 * What card and bank statement profiles share (vendor-csv.md §6): a charge is money paid out, so a bank's signed
 * amount (negative = debit) is negated, while Amex already writes charges positive. Footer lines (a "Total" or
 * "Kontostand" row after the transactions) are skipped, but only when their date cell is not a date: a real
 * transaction is never dropped for its wording.
 */
import { parseWhen } from '../dates'
import type { RowReader } from './row'

const FOOTER =
  /^(?:totals?|sum|summe|gesamt|gesamtsumme|saldo|kontostand|endsaldo|anfangssaldo|neuer saldo|alter saldo)\b/i

/** A skip reason when the row is a footer total, else null. */
export const footerReason = (row: RowReader, dateColumn: string): string | null => {
  const first = row.row.cells.find((cell) => cell.trim() !== '')?.trim() ?? ''
  if (!FOOTER.test(first) || parseWhen(row.text(dateColumn), row.settings.dateFormat, 'date').ok) return null
  return `footer line "${first}"`
}

/** "Counterparty / purpose": merchant rules match words anywhere in it. */
export const descriptorOf = (...parts: string[]): string =>
  parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' / ')
