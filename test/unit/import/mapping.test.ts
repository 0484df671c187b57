import { describe, expect, it } from 'vitest'
import {
  findSavedMapping,
  headerFingerprint,
  profileFromMapping,
  validateMapping,
  type UserMapping,
} from '@shared/import/mapping'
import { columnIndex } from '@shared/import/profiles/columns'
import { detectProfile } from '@shared/import/profiles/detect'
import type { RowOutcome } from '@shared/import/types'
import { day, tokenize, utc } from './profile-fixtures'

const BANK_HEADER = ['Datum', 'Empfänger', 'Verwendung', 'Betrag', 'Währung', 'Buchungs-ID']

const bankInput = {
  name: 'Volksbank Giro',
  kind: 'charges',
  header: BANK_HEADER,
  columns: {
    date: 'Datum',
    amount: 'Betrag',
    currency: 'Währung',
    description: 'Empfänger',
    externalId: 'Buchungs-ID',
  },
  dateFormat: 'DD.MM.YYYY',
  decimalMark: ',',
  sign: 'negative-is-spend',
}

const valid = (input: unknown): UserMapping => {
  const result = validateMapping(input)
  if (!result.ok) throw new Error(JSON.stringify(result.fields))
  return result.mapping
}

const run = (mapping: UserMapping, csv: string, delimiter = ';'): RowOutcome[] => {
  const [header, ...rows] = tokenize(csv, delimiter)
  const profile = profileFromMapping(mapping)
  const columns = columnIndex(header?.cells ?? [])
  return rows.map((row) => profile.map(row, columns))
}

describe('a user mapping becomes a profile', () => {
  it('a bank CSV: decimal comma, negative = spend, dates as written, the booking id as row id', () => {
    const outcomes = run(
      valid(bankInput),
      [
        BANK_HEADER.join(';'),
        '14.03.2026;OPENAI *CHATGPT SUBSCR;Abo;-18,61;EUR;B-1',
        '15.03.2026;ANTHROPIC;Erstattung;5,00;EUR;B-2',
        '31.02.2026;MIDJOURNEY INC;;-1.000,00;EUR;B-3',
      ].join('\n'),
    )
    expect(outcomes).toEqual([
      {
        kind: 'record',
        record: {
          kind: 'charge',
          line: 2,
          at: day(2026, 3, 14),
          amount: '18.61',
          currency: 'EUR',
          descriptor: 'OPENAI *CHATGPT SUBSCR',
          externalId: 'B-1',
          vendorHint: null,
          accountHint: null,
        },
      },
      { kind: 'record', record: expect.objectContaining({ line: 3, amount: '-5.00', externalId: 'B-2' }) },
      {
        kind: 'problem',
        problem: { line: 4, column: 'Datum', reason: '"31.02.2026" day 31 does not exist in month 2 (DD.MM.YYYY)' },
      },
    ])
  })

  it('separate debit and credit columns, a fixed currency', () => {
    const mapping = valid({
      ...bankInput,
      header: ['Date', 'Payee', 'Debit', 'Credit'],
      columns: { date: 'Date', description: 'Payee', debit: 'Debit', credit: 'Credit' },
      fixedCurrency: 'usd',
      dateFormat: 'MM/DD/YYYY',
      decimalMark: '.',
    })
    expect(mapping.fixedCurrency).toBe('USD')
    const outcomes = run(
      mapping,
      'Date,Payee,Debit,Credit\n03/14/2026,CURSOR AI,"1,020.00",\n03/15/2026,CURSOR AI,,20.00\n03/16/2026,X,,',
      ',',
    )
    expect(outcomes.map((o) => (o.kind === 'record' ? [o.record.amount, o.record.currency] : o))).toEqual([
      ['1020.00', 'USD'],
      ['-20.00', 'USD'],
      { kind: 'problem', problem: { line: 4, column: null, reason: 'neither debit nor credit has an amount' } },
    ])
  })

  it('a usage CSV: UTC instants, positive = spend, tags from columns; money coming back is refused', () => {
    const mapping = valid({
      name: 'Internal LLM gateway',
      kind: 'usage',
      header: ['ts', 'cost', 'model', 'team', 'request'],
      columns: {
        date: 'ts',
        amount: 'cost',
        externalId: 'request',
        account: 'team',
        tags: [{ key: 'model', column: 'model' }],
      },
      fixedCurrency: 'USD',
      vendor: 'Gateway',
      dateFormat: 'YYYY-MM-DDTHH:MM:SS',
      decimalMark: '.',
      sign: 'positive-is-spend',
    })
    const outcomes = run(
      mapping,
      'ts,cost,model,team,request\n2026-03-14 23:30:00,0.0042,gpt-5,web,r-1\n2026-03-14 23:31:00,-0.5,gpt-5,web,r-2',
      ',',
    )
    expect(outcomes).toEqual([
      {
        kind: 'record',
        record: {
          kind: 'usage',
          line: 2,
          at: utc('2026-03-14T23:30:00Z'),
          amount: '0.0042',
          currency: 'USD',
          externalId: 'r-1',
          vendorHint: 'Gateway',
          accountHint: 'web',
          billable: true,
          tags: ['model:gpt-5'],
        },
      },
      {
        kind: 'problem',
        problem: { line: 3, column: 'cost', reason: 'has money coming back (-0.5); usage rows must be spending' },
      },
    ])
  })
})

describe('validateMapping: one message per field, for the form', () => {
  it.each<[string, Record<string, unknown>, Record<string, string | RegExp>]>([
    [
      'no amount',
      { columns: { date: 'Datum', description: 'Empfänger', currency: 'Währung' } },
      { 'columns.amount': /Choose the amount column/ },
    ],
    [
      'amount and debit',
      { columns: { ...bankInput.columns, debit: 'Betrag' } },
      { 'columns.amount': /either one amount column or debit and credit/ },
    ],
    [
      'a column the header lacks',
      { columns: { ...bankInput.columns, amount: 'Summe' } },
      { 'columns.amount': 'The header has no column "Summe"' },
    ],
    [
      'a duplicated header name (ING writes Währung twice)',
      { header: [...BANK_HEADER, 'Währung'] },
      { 'columns.currency': /2 columns named "Währung"/ },
    ],
    [
      'charges without a currency',
      { columns: { date: 'Datum', amount: 'Betrag', description: 'Empfänger' } },
      { fixedCurrency: /choose a currency column or a fixed currency/ },
    ],
    ['both currencies', { fixedCurrency: 'EUR' }, { fixedCurrency: /not both/ }],
    [
      'charges without a description',
      { columns: { date: 'Datum', amount: 'Betrag', currency: 'Währung' } },
      { 'columns.description': /merchant rules read it/ },
    ],
    [
      'a made-up currency',
      { columns: { date: 'Datum', amount: 'Betrag', description: 'Empfänger' }, fixedCurrency: 'EURO' },
      { fixedCurrency: /three-letter ISO 4217/ },
    ],
    ['an unknown date format', { dateFormat: 'DD-MM-YYYY' }, { dateFormat: 'Choose a date format' }],
    ['no sign convention', { sign: undefined }, { sign: 'Say which sign is money spent' }],
    ['an empty name', { name: '  ' }, { name: 'Give the mapping a name' }],
    [
      'a bad and a repeated tag name',
      {
        columns: {
          ...bankInput.columns,
          tags: [
            { key: 'Bad Key', column: 'Verwendung' },
            { key: 'note', column: 'Verwendung' },
            { key: 'note', column: 'Empfänger' },
          ],
        },
      },
      { 'columns.tags.0.key': /lowercase word/, 'columns.tags.2.key': 'The tag "note" is mapped twice' },
    ],
  ])('%s', (_, change, expected) => {
    const result = validateMapping({ ...bankInput, ...change })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      for (const [field, message] of Object.entries(expected)) {
        if (typeof message === 'string') expect(result.fields[field], field).toBe(message)
        else expect(result.fields[field], field).toMatch(message)
      }
    }
  })
})

describe('a saved mapping is found again when the same header shows up', () => {
  it('the fingerprint ignores BOM, case, spacing and a trailing delimiter, but not the columns or their order', () => {
    const fingerprint = headerFingerprint(BANK_HEADER)
    expect(
      headerFingerprint(['\uFEFFdatum', ' EMPFÄNGER ', 'Verwendung', 'Betrag', 'Währung', 'Buchungs-ID', '']),
    ).toBe(fingerprint)
    expect(headerFingerprint([...BANK_HEADER, 'Saldo'])).not.toBe(fingerprint)
    expect(headerFingerprint([...BANK_HEADER].reverse())).not.toBe(fingerprint)
    expect(fingerprint).toMatch(/^hdr1:[0-9a-f]{16}$/)
  })

  it('findSavedMapping picks the mapping made for this header; a mapping also works through detectProfile', () => {
    const mine = valid(bankInput)
    const other = valid({
      ...bankInput,
      name: 'Other',
      header: ['Datum', 'Empfänger', 'Betrag', 'Währung'],
      columns: { date: 'Datum', amount: 'Betrag', currency: 'Währung', description: 'Empfänger' },
    })
    expect(findSavedMapping(['DATUM', ...BANK_HEADER.slice(1)], [other, mine])?.name).toBe('Volksbank Giro')
    expect(findSavedMapping(['Date', 'Amount'], [other, mine])).toBeNull()
    const match = detectProfile(BANK_HEADER, [profileFromMapping(mine)])
    expect(match?.profile).toMatchObject({ name: 'Volksbank Giro', kind: 'charges', decimalMark: ',' })
  })
})
