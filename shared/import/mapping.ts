/**
 * A user mapping for any CSV no shipped profile knows (issue 5 §3): which column is the date, the amount (or debit
 * and credit), the currency (or one fixed currency), the description, the vendor's row id and tags; the date format,
 * decimal mark and sign convention; and what the rows are (usage or charges). Validated with zod (a message per
 * field, for the form), turned into an ordinary Profile, and found again by the header's fingerprint when the same
 * header shows up in a later file.
 */
import { z } from 'zod'
import { DATE_FORMATS } from './dates'
import { isNegativeDecimal, negateDecimal } from './numbers'
import { columnIndex, normalizeColumnName } from './profiles/columns'
import { defineProfile, tag, type Draft, type RowReader } from './profiles/row'
import type { Profile } from './profiles/types'
import { fnv1a64 } from './row-identity'

const columnName = z.string().trim().min(1, 'Choose a column')

const mappingObject = z.object({
  name: z.string().trim().min(1, 'Give the mapping a name').max(80, 'At most 80 characters'),
  kind: z.enum(['usage', 'charges'], { error: 'Rows are either usage or charges' }),
  /** The header the mapping was made for: its fingerprint finds the mapping again. */
  header: z.array(z.string()).min(1, 'The header is empty').max(500, 'More than 500 columns'),
  columns: z.object({
    date: columnName,
    amount: columnName.optional(),
    debit: columnName.optional(),
    credit: columnName.optional(),
    currency: columnName.optional(),
    description: columnName.optional(),
    externalId: columnName.optional(),
    account: columnName.optional(),
    tags: z
      .array(
        z.object({
          key: z
            .string()
            .trim()
            .regex(/^[a-z][a-z0-9_]{0,31}$/, 'A tag name is a lowercase word (letters, digits, _)'),
          column: columnName,
        }),
      )
      .max(16, 'At most 16 tag columns')
      .default([]),
  }),
  fixedCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO 4217 code such as EUR')
    .optional(),
  vendor: z.string().trim().min(1).max(80).nullable().default(null),
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format' }),
  /** 'utc': instants (timestamped exports); 'date': calendar dates, never shifted (statements). Default by kind. */
  dates: z.enum(['utc', 'date']).optional(),
  decimalMark: z.enum(['.', ','], { error: "The decimal mark is '.' or ','" }),
  sign: z.enum(['negative-is-spend', 'positive-is-spend'], { error: 'Say which sign is money spent' }),
})

export const userMappingSchema = mappingObject.superRefine((mapping, ctx) => {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message })
  }
  const columns = columnIndex(mapping.header)
  const check = (path: (string | number)[], name: string | undefined): void => {
    if (name === undefined) return
    const count = columns.indicesOf(name).length
    if (count === 0) issue(path, `The header has no column "${name}"`)
    else if (count > 1) issue(path, `The header has ${count} columns named "${name}": rename one to use it`)
  }
  const { columns: chosen } = mapping
  for (const key of [
    'date',
    'amount',
    'debit',
    'credit',
    'currency',
    'description',
    'externalId',
    'account',
  ] as const) {
    check(['columns', key], chosen[key])
  }
  chosen.tags.forEach((entry, index) => check(['columns', 'tags', index, 'column'], entry.column))
  const keys = chosen.tags.map((entry) => entry.key)
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) issue(['columns', 'tags', index, 'key'], `The tag "${key}" is mapped twice`)
  })
  const split = chosen.debit !== undefined || chosen.credit !== undefined
  if (chosen.amount === undefined && !split)
    issue(['columns', 'amount'], 'Choose the amount column, or debit and credit')
  if (chosen.amount !== undefined && split) {
    issue(['columns', 'amount'], 'Use either one amount column or debit and credit columns, not both')
  }
  if (chosen.currency !== undefined && mapping.fixedCurrency !== undefined) {
    issue(['fixedCurrency'], 'Use either a currency column or a fixed currency, not both')
  }
  if (mapping.kind === 'charges') {
    if (chosen.currency === undefined && mapping.fixedCurrency === undefined) {
      issue(['fixedCurrency'], 'Charges are money: choose a currency column or a fixed currency')
    }
    if (chosen.description === undefined) {
      issue(['columns', 'description'], 'Charges need a description column: merchant rules read it')
    }
  }
})

export type UserMapping = z.output<typeof userMappingSchema>

export type MappingValidation =
  | { readonly ok: true; readonly mapping: UserMapping }
  | { readonly ok: false; readonly fields: Readonly<Record<string, string>> }

/** One message per field path ("columns.amount"), as a form shows them; '_' for the whole mapping. */
export const validateMapping = (input: unknown): MappingValidation => {
  const parsed = userMappingSchema.safeParse(input)
  if (parsed.success) return { ok: true, mapping: parsed.data }
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    fields[key] ??= issue.message
  }
  return { ok: false, fields }
}

/**
 * Names compared as profiles compare them (no BOM, case or spacing), in order; trailing unnamed columns (a
 * trailing delimiter) do not count. Same header → same fingerprint → the saved mapping is offered again.
 */
export const headerFingerprint = (header: readonly string[]): string => {
  const names = header.map(normalizeColumnName)
  while (names.length > 0 && names[names.length - 1] === '') names.pop()
  return `hdr1:${fnv1a64(names.join('\u001f'))}`
}

/** The saved mapping made for this header, if any. */
export const findSavedMapping = (header: readonly string[], saved: readonly UserMapping[]): UserMapping | null => {
  const fingerprint = headerFingerprint(header)
  return saved.find((mapping) => headerFingerprint(mapping.header) === fingerprint) ?? null
}

/** The signed value as "money spent is positive", from one amount column or a debit/credit pair. */
const spentAmount = (row: RowReader, mapping: UserMapping): string => {
  const { amount, debit, credit } = mapping.columns
  if (amount !== undefined) {
    const value = row.amount(amount)
    return mapping.sign === 'negative-is-spend' ? negateDecimal(value) : value
  }
  const out = debit === undefined ? null : row.optionalAmount(debit)
  const back = credit === undefined ? null : row.optionalAmount(credit)
  if ((out === null) === (back === null)) {
    row.fault(null, out === null ? 'neither debit nor credit has an amount' : 'both debit and credit have amounts')
  }
  const unsigned = (value: string): string => (isNegativeDecimal(value) ? negateDecimal(value) : value)
  return out !== null ? unsigned(out) : negateDecimal(unsigned(back ?? '0'))
}

const readWith =
  (mapping: UserMapping) =>
  (row: RowReader): Draft => {
    const { columns } = mapping
    const at = row.when(columns.date, mapping.dates ?? (mapping.kind === 'charges' ? 'date' : 'utc'))
    const amount = spentAmount(row, mapping)
    const currency = columns.currency !== undefined ? row.currency(columns.currency) : (mapping.fixedCurrency ?? null)
    const externalId = columns.externalId === undefined ? null : row.text(columns.externalId) || null
    const accountHint = columns.account === undefined ? null : row.text(columns.account) || null
    if (mapping.kind === 'charges') {
      const descriptor = row.required(columns.description ?? '')
      return { kind: 'charge', at, amount, currency: currency ?? '', descriptor, externalId, accountHint }
    }
    if (isNegativeDecimal(amount)) {
      const column = columns.amount ?? columns.credit ?? null
      row.fault(column, `has money coming back (${amount}); usage rows must be spending`)
    }
    const description = columns.description === undefined ? null : row.text(columns.description)
    return {
      kind: 'usage',
      at,
      amount,
      currency,
      externalId,
      accountHint,
      tags: [...columns.tags.map((entry) => tag(entry.key, row.text(entry.column))), tag('description', description)],
    }
  }

/** A saved mapping as a Profile: the pipeline treats it like any shipped format. */
export const profileFromMapping = (mapping: UserMapping): Profile => {
  const { columns } = mapping
  const referenced = [
    columns.date,
    columns.amount,
    columns.debit,
    columns.credit,
    columns.currency,
    columns.description,
    columns.externalId,
    columns.account,
    ...columns.tags.map((entry) => entry.column),
  ].filter((name): name is string => name !== undefined)
  return defineProfile({
    id: `mapping:${headerFingerprint(mapping.header)}`,
    name: mapping.name,
    vendor: mapping.vendor,
    kind: mapping.kind,
    decimalMark: mapping.decimalMark,
    dates: { columns: [columns.date], formats: [mapping.dateFormat] },
    versions: [{ id: 'saved', columns: mapping.header, required: [...new Set(referenced)] }],
    read: readWith(mapping),
  })
}
