import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { guessDecimalMark } from '../../../shared/import/dialect'
import { createTableReader, readTable, type TextTable } from '../../../shared/import/text-reader'
import type { RawRow } from '../../../shared/import/types'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/import/text', name)))

/** The streaming reader fed `bytes` in chunks of `size`, gathered like readTable does. */
const readStreamed = (bytes: Uint8Array, size: number, head = bytes.subarray(0, 64 * 1024)): TextTable => {
  const reader = createTableReader(head)
  const rows: RawRow[] = []
  const skipped: { line: number; reason: string }[] = []
  let header = null
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = reader.push(bytes.subarray(at, at + size))
    header ??= chunk.header
    rows.push(...chunk.rows)
    skipped.push(...chunk.skipped)
  }
  const last = reader.end()
  header ??= last.header
  return {
    encoding: reader.encoding,
    delimiter: reader.delimiter,
    header: header?.cells ?? null,
    headerLine: header?.line ?? null,
    headerBy: header?.by ?? null,
    rows: [...rows, ...last.rows],
    skipped: [...skipped, ...last.skipped].sort((a, b) => a.line - b.line),
    fault: last.fault,
  }
}

const column = (table: TextTable, name: string): string[] => {
  const index = table.header?.indexOf(name) ?? -1
  return table.rows.map((row) => row.cells[index] ?? '')
}

describe('fixtures (vendor-csv.md §0, §6)', () => {
  test('the fixtures keep their bytes (BOM, CRLF, cp1252, UTF-16): a checkout that rewrites them fails here', () => {
    expect([...fixture('dkb-bom-preamble.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(fixture('dkb-bom-preamble.csv'))).toContain('\r\n')
    expect(fixture('sparkasse-cp1252.csv').includes(0x80)).toBe(true)
    expect([...fixture('card-utf16le-tab.csv').subarray(0, 2)]).toEqual([0xff, 0xfe])
  })

  test('DKB: BOM stripped, ";" sniffed, preamble skipped, header found, decimal comma detected', () => {
    const isHeader = (cells: readonly string[]) => cells.includes('Buchungsdatum') && cells.includes('Betrag (€)')
    const table = readTable(fixture('dkb-bom-preamble.csv'), { isHeader })
    expect(table).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headerLine: 5,
      headerBy: 'signature',
      fault: null,
    })
    expect(table.header?.[0]).toBe('Buchungsdatum')
    expect(column(table, 'Betrag (€)')).toEqual(['-22,61', '-29,9', '1.000', '-1.234,5'])
    expect(guessDecimalMark(column(table, 'Betrag (€)'))).toBe(',')
    expect(table.rows.map((row) => row.line)).toEqual([6, 7, 8, 9])
    expect(table.skipped).toEqual([1, 2, 3].map((line) => ({ line, reason: 'before the header' })))
  })

  test('DKB without a signature: the shape rule finds the same header', () => {
    expect(readTable(fixture('dkb-bom-preamble.csv'))).toMatchObject({ headerLine: 5, headerBy: 'shape' })
  })

  test('Sparkasse in cp1252: "Überweisung", "€" and typographic quotes come out right', () => {
    const table = readTable(fixture('sparkasse-cp1252.csv'))
    expect(table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 1, fault: null })
    expect(table.header).toHaveLength(17)
    expect(column(table, 'Buchungstext')).toEqual(['KARTENZAHLUNG', 'Überweisung', 'LASTSCHRIFT'])
    expect(column(table, 'Verwendungszweck')[0]).toContain('= 18,46 € Gebühr 0,55 €')
    expect(column(table, 'Verwendungszweck')[1]).toBe('Rückzahlung Müller – „Dank“')
    expect(column(table, 'Betrag')).toEqual(['-19,01', '-53,94', '-20,00'])
    // A pending row: empty Buchungstag, still a row.
    expect(column(table, 'Buchungstag')[2]).toBe('')
  })

  test('Amex: multi-line quoted fields stay one row; lines are the physical lines the rows start on', () => {
    const table = readTable(fixture('amex-multiline.csv'))
    expect(table).toMatchObject({ delimiter: ',', headerLine: 1, fault: null })
    expect(table.rows.map((row) => row.line)).toEqual([2, 6, 9])
    expect(column(table, 'Extended Details')[0]).toBe('CURSOR, AI POWERED IDE\nANYSPHERE INC\nSAN FRANCISCO')
    expect(column(table, 'Reference')).toEqual(["'320240640512345678'", "'320240620598765432'", "'320240590500000001'"])
    expect(column(table, 'Amount')).toEqual(['20.00', '20.00', '-40.00'])
  })

  test('OpenAI cost: a quoted line_item with a comma does not shift columns; no final line break', () => {
    const table = readTable(fixture('openai-cost.csv'))
    expect(table.header).toHaveLength(17)
    expect(table.rows.every((row) => row.cells.length === 17)).toBe(true)
    expect(column(table, 'line_item')).toEqual([
      'gpt-4o-mini-2024-07-18, cached input',
      'gpt-5-2025-08-07, output',
      '',
      'web search tool calls',
    ])
    expect(column(table, 'amount_value')[1]).toBe('0.003835980000000000000000000000')
    expect(table.rows.at(-1)?.line).toBe(5)
  })

  test('UTF-16LE with a tab delimiter and mixed CRLF/LF', () => {
    const table = readTable(fixture('card-utf16le-tab.csv'))
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headerLine: 1, fault: null })
    expect(table.header?.[0]).toBe('Transaction Date')
    expect(column(table, 'Description')).toEqual([
      'OPENAI *CHATGPT SUBSCR',
      'CURSOR, AI POWERED IDE',
      'Payment Thank You',
    ])
    expect(column(table, 'Memo')[1]).toBe('Team plan – €')
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4])
  })

  test('an unterminated quote at line 5: the rows before it, the fault with its line, nothing after', () => {
    const table = readTable(fixture('unterminated-quote.csv'))
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4])
    expect(table.fault).toEqual({
      line: 5,
      column: null,
      reason: 'Unterminated quoted field: the quote opened on line 5 is never closed',
    })
  })

  test('a malformed quote at line 3: the row before it only', () => {
    const table = readTable(fixture('malformed-quote.csv'))
    expect(table.rows.map((row) => row.line)).toEqual([2])
    expect(table.fault?.line).toBe(3)
  })

  test('ING: a long preamble with blank lines, a duplicate "Währung" column, unquoted decimal commas', () => {
    const table = readTable(fixture('ing-preamble.csv'))
    expect(table).toMatchObject({ delimiter: ';', headerLine: 14, headerBy: 'shape', fault: null })
    expect(table.header?.filter((name) => name === 'Währung')).toHaveLength(2)
    expect(table.rows.map((row) => row.cells[7])).toEqual(['-10,50', '-1.000,00'])
    expect(table.skipped.map((row) => row.line)).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 12])
  })

  test('GCP cost table: preamble and the trailing Total row are skipped, not imported', () => {
    const table = readTable(fixture('gcp-cost-total.csv'))
    expect(table).toMatchObject({ delimiter: ',', headerLine: 7, fault: null })
    expect(column(table, 'Cost ($)')).toEqual(['600.00', '400.00'])
    expect(table.skipped.at(-1)).toEqual({ line: 10, reason: 'total line after the data' })
  })
})

describe('streaming reader', () => {
  const names = [
    'dkb-bom-preamble.csv',
    'sparkasse-cp1252.csv',
    'amex-multiline.csv',
    'openai-cost.csv',
    'card-utf16le-tab.csv',
    'unterminated-quote.csv',
    'malformed-quote.csv',
    'ing-preamble.csv',
    'gcp-cost-total.csv',
  ]

  test.each(names)('%s in chunks of 1, 2, 3, 7 and 64 bytes reads like the whole file', (name) => {
    const bytes = fixture(name)
    const whole = readTable(bytes)
    for (const size of [1, 2, 3, 7, 64]) expect(readStreamed(bytes, size)).toEqual(whole)
  })

  test('a 300 KB file with a cp1252 byte after an ASCII head switches encoding and loses nothing', () => {
    const ascii = 'Buchungstag;Verwendungszweck;Betrag\n' + '01.02.24;OPENAI;-20,00\n'.repeat(13_000)
    const bytes = new Uint8Array([...new TextEncoder().encode(ascii), ...[0x30, 0x32, 0x3b, 0xdc, 0x3b, 0x80, 0x0a]])
    expect(bytes.length).toBeGreaterThan(64 * 1024)
    const table = readStreamed(bytes, 64 * 1024)
    expect(table.encoding).toBe('windows-1252')
    expect(table.rows).toHaveLength(13_001)
    expect(table.rows.at(-1)).toEqual({ line: 13_002, cells: ['02', 'Ü', '€'] })
  })

  test('real UTF-8 in the head, invalid bytes later: a fault on the right line that asks for a restart', () => {
    const head = 'Empfänger;Betrag\n' + 'Müller;-1,00\n'.repeat(6000)
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0x41, 0x3b, 0x80, 0x0a, 0x42, 0x3b, 0x31, 0x0a])
    const reader = createTableReader(bytes.subarray(0, 64 * 1024))
    let rows = 0
    for (let at = 0; at < bytes.length && reader.fault === null; at += 64 * 1024) {
      rows += reader.push(bytes.subarray(at, at + 64 * 1024)).rows.length
    }
    const end = reader.end()
    expect(end.fault?.line).toBe(6002)
    expect(end.fault?.reason).toMatch(/not valid UTF-8/)
    expect(end.restartAs).toBe('windows-1252')
    expect(rows + end.rows.length).toBeLessThan(6001) // nothing from the faulty chunk on
    // The restart, as the backend does it, reads every row.
    const again = createTableReader(bytes.subarray(0, 64 * 1024), { encoding: 'windows-1252' })
    const first = again.push(bytes)
    expect(first.rows.length + again.end().rows.length).toBe(6002)
  })

  test('an empty file, a BOM-only file and a header-only file: no rows, no fault', () => {
    expect(readTable(new Uint8Array(0))).toMatchObject({ header: null, rows: [], skipped: [], fault: null })
    expect(readTable(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ header: null, rows: [], fault: null })
    const headerOnly = readTable(new TextEncoder().encode('Date,Description,Amount\r\n'))
    expect(headerOnly).toMatchObject({
      header: ['Date', 'Description', 'Amount'],
      headerLine: 1,
      rows: [],
      fault: null,
    })
  })

  test('UTF-16 without a BOM: a fault on line 1, no rows', () => {
    const text = 'Date\tAmount\r\n01/15/2024\t-20.00\r\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let index = 0; index < text.length; index++) bytes[index * 2] = text.charCodeAt(index)
    const table = readTable(bytes)
    expect(table).toMatchObject({ encoding: null, rows: [], fault: { line: 1 } })
    expect(table.fault?.reason).toMatch(/UTF-16/)
  })
})
