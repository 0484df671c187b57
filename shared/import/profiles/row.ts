/**
 * The toolkit every profile's map is written with: a reader over one row that parses cells by column name and
 * turns any refusal into a RowProblem naming the line and the column as the file spells it, plus defineProfile,
 * which adds what every profile shares (blank rows skipped, settings defaulted, the profile's vendor as hint).
 * A profile's read() throws RowFault through the reader's helpers instead of threading results by hand.
 */
import { parseWhen, type DateBasis, type DateFormat } from '../dates'
import { isNegativeDecimal, parseAmount, parseCount } from '../numbers'
import type { ImportRecord, RawRow, RowOutcome, When } from '../types'
import type { ColumnIndex } from './columns'
import { bestVersion } from './signature'
import type { Profile, ProfileSettings } from './types'

export class RowFault extends Error {
  constructor(
    /** Header name as the file spells it; null when the row as a whole is at fault. */
    readonly column: string | null,
    reason: string,
  ) {
    super(reason)
  }
}

export class RowReader {
  constructor(
    readonly row: RawRow,
    readonly columns: ColumnIndex,
    readonly settings: ProfileSettings,
  ) {}

  get line(): number {
    return this.row.line
  }

  has(name: string): boolean {
    return this.columns.has(name)
  }

  /** The column's name as the file spells it (for messages), or `name` when the header lacks it. */
  spelled(name: string): string {
    const index = this.columns.indexOf(name)
    return index === undefined ? name : (this.columns.header[index] ?? name).replace(/^\uFEFF/, '').trim()
  }

  cellAt(index: number | undefined): string {
    return index === undefined ? '' : (this.row.cells[index] ?? '').trim()
  }

  /** The trimmed cell, '' when the column is absent or the row is short. */
  text(name: string): string {
    return this.cellAt(this.columns.indexOf(name))
  }

  /** The first of `names` the header has (Stripe renamed "Created (UTC)" to "Date (UTC)"). */
  pick(...names: string[]): string | undefined {
    return names.find((name) => this.columns.has(name))
  }

  fault(name: string | null, reason: string): never {
    throw new RowFault(name === null ? null : this.spelled(name), reason)
  }

  required(name: string): string {
    const value = this.text(name)
    if (value === '') this.fault(name, this.has(name) ? 'is empty' : 'column is missing')
    return value
  }

  amount(name: string): string {
    const parsed = parseAmount(this.required(name), { decimalMark: this.settings.decimalMark })
    if (!parsed.ok) this.fault(name, parsed.reason)
    return parsed.decimal
  }

  /** A usage amount: usage exports record consumption, so a negative value (a credit line) is refused, not flipped. */
  usageAmount(name: string): string {
    const decimal = this.amount(name)
    if (isNegativeDecimal(decimal)) this.fault(name, `"${this.text(name)}" is negative; usage must not be`)
    return decimal
  }

  optionalAmount(name: string): string | null {
    return this.text(name) === '' ? null : this.amount(name)
  }

  count(name: string): string {
    const parsed = parseCount(this.required(name))
    if (!parsed.ok) this.fault(name, parsed.reason)
    return parsed.decimal
  }

  /** An optional count: '' or an absent column is 0. */
  countOr0(name: string): string {
    return this.text(name) === '' ? '0' : this.count(name)
  }

  /** Tries `formats` in order: only for formats that cannot read one value two ways (ISO date vs ISO date-time). */
  when(name: string, basis: DateBasis, formats: readonly DateFormat[] = [this.settings.dateFormat]): When {
    const text = this.required(name)
    let reason = ''
    for (const format of formats) {
      const parsed = parseWhen(text, format, basis)
      if (parsed.ok) return parsed.when
      reason ||= parsed.reason
    }
    return this.fault(name, reason)
  }

  currency(name: string): string {
    const code = this.required(name).toUpperCase()
    if (!/^[A-Z]{3}$/.test(code)) this.fault(name, `"${this.text(name)}" is not an ISO 4217 currency code`)
    return code
  }

  /** True when no cell outside `names` holds anything: an OpenAI empty bucket has only its time columns. */
  onlyFilled(names: readonly string[]): boolean {
    const allowed = new Set(names.flatMap((name) => this.columns.indicesOf(name)))
    return this.row.cells.every((cell, index) => allowed.has(index) || cell.trim() === '')
  }
}

/** "key:value", or null for an empty value (so optional columns add no tag). */
export const tag = (key: string, value: string | null | undefined): string | null => {
  let trimmed = value?.trim() ?? ''
  // A multi-line cell (Amex details) would make a tag the API refuses: one line, single spaces.
  if (/[\r\n\t]/.test(trimmed)) trimmed = trimmed.replace(/\s+/g, ' ')
  return trimmed === '' ? null : `${key}:${trimmed}`
}

interface DraftBase {
  readonly at: When
  readonly amount: string
  readonly externalId?: string | null
  readonly vendorHint?: string | null
  readonly accountHint?: string | null
}
export interface UsageDraft extends DraftBase {
  readonly kind: 'usage'
  readonly currency: string | null
  readonly tags?: readonly (string | null)[]
  readonly billable?: boolean
}
export interface ChargeDraft extends DraftBase {
  readonly kind: 'charge'
  readonly currency: string
  readonly descriptor: string
}
export type Draft = UsageDraft | ChargeDraft | { readonly kind: 'skip'; readonly reason: string }

const complete = (draft: UsageDraft | ChargeDraft, line: number, vendor: string | null): ImportRecord => {
  const base = {
    line,
    at: draft.at,
    amount: draft.amount,
    externalId: draft.externalId ?? null,
    vendorHint: draft.vendorHint === undefined ? vendor : draft.vendorHint,
    accountHint: draft.accountHint === undefined || draft.accountHint === '' ? null : draft.accountHint,
  }
  if (draft.kind === 'charge')
    return { ...base, kind: 'charge', currency: draft.currency, descriptor: draft.descriptor }
  const tags = (draft.tags ?? []).filter((t): t is string => t !== null)
  return { ...base, kind: 'usage', currency: draft.currency, tags, billable: draft.billable ?? true }
}

export interface ProfileSpec extends Omit<Profile, 'map'> {
  readonly read: (row: RowReader) => Draft
}

export const defineProfile = (spec: ProfileSpec): Profile => {
  const defaultFormats = new WeakMap<ColumnIndex, DateFormat>()
  const defaultFormat = (columns: ColumnIndex): DateFormat => {
    let format = defaultFormats.get(columns)
    if (format === undefined) {
      const version = bestVersion(spec.versions, columns)?.version
      format = version?.dateFormats?.[0] ?? spec.dates.formats[0] ?? 'YYYY-MM-DD'
      defaultFormats.set(columns, format)
    }
    return format
  }
  const { read, ...data } = spec
  return {
    ...data,
    map: (row, columns, settings = {}): RowOutcome => {
      if (row.cells.every((cell) => cell.trim() === '')) return { kind: 'skip', reason: 'empty row' }
      const resolved: ProfileSettings = {
        decimalMark: settings.decimalMark ?? spec.decimalMark,
        dateFormat: settings.dateFormat ?? defaultFormat(columns),
      }
      try {
        const draft = read(new RowReader(row, columns, resolved))
        if (draft.kind === 'skip') return draft
        return { kind: 'record', record: complete(draft, row.line, spec.vendor) }
      } catch (error) {
        if (!(error instanceof RowFault)) throw error
        return { kind: 'problem', problem: { line: row.line, column: error.column, reason: error.message } }
      }
    },
  }
}
