import type { DateFormat } from '../dates'
import type { DecimalMark } from '../numbers'
import type { RawRow, RowOutcome } from '../types'
import type { ColumnIndex } from './columns'

/**
 * A format profile (issue 5 §1): recognised by its header, then maps each row to a record, a problem or a skip.
 * Profiles are data plus one pure function; nothing here reads a file.
 */

/** One known header layout of a format. Columns are matched by name: order and extra columns do not matter. */
export interface HeaderVersion {
  readonly id: string
  /** The documented header (vendor-csv.md), in the vendor's order; fixtures are built from it. */
  readonly columns: readonly string[]
  /** Columns that must all be present for this version to match; all of `columns` when absent. */
  readonly required?: readonly string[]
  /**
   * Only for a signature so generic that any bank CSV could have it (Amex's "Date,Description,Amount"): the header
   * may hold no column this version does not list, so "Date,Description,Amount,Balance" is not taken for Amex.
   */
  readonly closed?: true
  /** Date formats of this layout when they differ from the profile's (Amex UK writes DD/MM/YYYY). */
  readonly dateFormats?: readonly DateFormat[]
}

/** What the caller may settle for a whole file: the decimal mark, and the date format when several are possible. */
export interface ProfileSettings {
  readonly decimalMark: DecimalMark
  /** The format of the profile's date column (see Profile.dates), chosen with detectDateFormat when several fit. */
  readonly dateFormat: DateFormat
}

export interface Profile {
  readonly id: string
  readonly name: string
  /** The vendor every record of this format belongs to; null for statements and invoices (merchant rules decide). */
  readonly vendor: string | null
  readonly kind: 'usage' | 'charges'
  readonly decimalMark: DecimalMark
  readonly dates: {
    /** The row's date column: the first of these the header has. */
    readonly columns: readonly string[]
    /** Candidate formats, most likely first. More than one: run detectDateFormat over the column and ask if ambiguous. */
    readonly formats: readonly DateFormat[]
  }
  readonly versions: readonly HeaderVersion[]
  /** Settings default to the profile's decimal mark and its (or the version's) first date format. */
  readonly map: (row: RawRow, columns: ColumnIndex, settings?: Partial<ProfileSettings>) => RowOutcome
}
