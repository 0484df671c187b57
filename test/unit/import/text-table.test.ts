import { describe, expect, test } from 'vitest'
import { createTableShaper, findHeader, shapeTable } from '../../../shared/import/text-table'
import type { RawRow } from '../../../shared/import/types'

const rows = (...cells: string[][]): RawRow[] => cells.map((row, index) => ({ line: index + 1, cells: row }))

const dkbLike = rows(
  ['Girokonto', 'DE02120300000000202051'],
  ['Zeitraum:', '01.01.2024 - 31.01.2024'],
  ['Kontostand vom 31.01.2024:', '1.234,56 €'],
  ['Buchungsdatum', 'Wertstellung', 'Status', 'Betrag (€)'],
  ['24.01.24', '24.01.24', 'Gebucht', '-22,61'],
  ['22.01.24', '22.01.24', 'Gebucht', '-29,9'],
)
const isDkbHeader = (cells: readonly string[]): boolean => cells.includes('Buchungsdatum') && cells.includes('Status')

describe('findHeader', () => {
  test('by signature, past the preamble', () => {
    expect(findHeader(dkbLike, isDkbHeader)).toEqual({ index: 3, by: 'signature' })
  })

  test('by shape when no signature matches: the first row as wide as the table', () => {
    expect(findHeader(dkbLike, () => false)).toEqual({ index: 3, by: 'shape' })
    expect(findHeader(dkbLike)).toEqual({ index: 3, by: 'shape' })
  })

  test('by shape, a long preamble over few data rows: the width holding the most cells wins (ING, 3 rows)', () => {
    expect(findHeader(rows(['a', 'b'], ['c', 'd'], ['h1', 'h2', 'h3'], ['1', '2', '3']))).toEqual({
      index: 2,
      by: 'shape',
    })
  })

  test('a header with a trailing delimiter the data rows lack is still the header', () => {
    expect(findHeader(rows(['note', 'x'], ['a', 'b', 'c', ''], ['1', '2', '3'], ['4', '5', '6']))).toEqual({
      index: 1,
      by: 'shape',
    })
  })

  test('a header without data rows is still the header; only empty rows give none', () => {
    expect(findHeader(rows(['h1', 'h2']))).toEqual({ index: 0, by: 'shape' })
    expect(findHeader(rows(['', ''], [' ']))).toBeNull()
  })
})

describe('shapeTable', () => {
  test('preamble skipped as "before the header", data rows kept with their lines', () => {
    const table = shapeTable(dkbLike, { isHeader: isDkbHeader })
    expect(table.header).toEqual({ cells: dkbLike[3]?.cells, line: 4, by: 'signature' })
    expect(table.rows.map((row) => row.line)).toEqual([5, 6])
    expect(table.skipped).toEqual([
      { line: 1, reason: 'before the header' },
      { line: 2, reason: 'before the header' },
      { line: 3, reason: 'before the header' },
    ])
  })

  test('trailing total and short rows are a footer, skipped with a reason, never data', () => {
    const table = shapeTable(
      rows(
        ['Project', 'SKU', 'Cost'],
        ['site', 'Gemini in', '600.00'],
        ['site', 'Gemini out', '400.00'],
        ['Total', '', '1000.00'],
        ['Generated 2024-02-01'],
      ),
    )
    expect(table.rows.map((row) => row.cells[2])).toEqual(['600.00', '400.00'])
    expect(table.skipped).toEqual([
      { line: 4, reason: 'total line after the data' },
      { line: 5, reason: '1 of 3 columns, after the data' },
    ])
  })

  test('a short row in the middle stays data (the profile rejects it with its line), empty rows are skipped', () => {
    const table = shapeTable(
      rows(['a', 'b', 'c'], ['1', '2', '3'], ['short'], [';', ''], ['', '', ''], ['4', '5', '6']),
    )
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4, 6])
    expect(table.skipped).toEqual([{ line: 5, reason: 'empty row' }])
  })

  test('a header with a trailing delimiter: data rows one cell narrower are data, not a footer', () => {
    const table = shapeTable(rows(['Date', 'Amount', ''], ['2024-01-01', '5.00'], ['2024-01-02', '6.00'], ['Total']))
    expect(table.rows.map((row) => row.line)).toEqual([2, 3])
    expect(table.skipped).toEqual([{ line: 4, reason: 'total line after the data' }])
  })

  test('many short rows at the end are data, not a footer: only a few lines can be one', () => {
    const short = Array.from({ length: 30 }, (_, index) => [`2024-01-${index + 1}`])
    const table = shapeTable(rows(['Date', 'Amount'], ['2024-01-01', '5.00'], ...short))
    expect(table.rows).toHaveLength(31)
    expect(table.skipped).toEqual([])
  })

  test('when the text was cut short by a fault, held rows are data: a footer only ends a file', () => {
    const input = rows(['a', 'b', 'c'], ['1', '2', '3'], ['short'])
    expect(shapeTable(input).rows.map((row) => row.line)).toEqual([2])
    expect(shapeTable(input, { cutShort: true }).rows.map((row) => row.line)).toEqual([2, 3])
  })
})

describe('createTableShaper (streaming)', () => {
  const gcpLike = rows(
    ['Invoice number', '1234567890'],
    ['Total amount due', '$1,000.00'],
    [''],
    ['Project name', 'SKU description', 'Cost ($)'],
    ...Array.from({ length: 60 }, (_, index) => ['site', `SKU ${index}`, `${index}.00`]),
    ['Total', '', '1,770.00'],
  )

  test('row by row gives the same header, rows and skipped rows as all at once', () => {
    for (const isHeader of [undefined, (cells: readonly string[]) => cells[0] === 'Project name']) {
      const whole = shapeTable(gcpLike, isHeader === undefined ? {} : { isHeader })
      const shaper = createTableShaper(isHeader === undefined ? { headerSearchRows: 10 } : { isHeader })
      const out = { header: null as unknown, rows: [] as RawRow[], skipped: [] as unknown[] }
      for (const row of [...gcpLike.map((one) => [one]), []]) {
        const chunk = shaper.push(row)
        out.header ??= chunk.header
        out.rows.push(...chunk.rows)
        out.skipped.push(...chunk.skipped)
      }
      const last = shaper.end()
      out.rows.push(...last.rows)
      out.skipped.push(...last.skipped)
      expect(out.header).toEqual(whole.header)
      expect(out.rows).toEqual(whole.rows)
      expect(out.skipped).toEqual(whole.skipped)
      expect(whole.rows).toHaveLength(60)
      expect(whole.skipped.at(-1)).toEqual({ line: 65, reason: 'total line after the data' })
    }
  })

  test('with a signature, the header is handed on as soon as its row arrives', () => {
    const shaper = createTableShaper({ isHeader: isDkbHeader })
    expect(shaper.push(dkbLike.slice(0, 3)).header).toBeNull()
    const chunk = shaper.push(dkbLike.slice(3, 5))
    expect(chunk.header?.line).toBe(4)
    expect(chunk.rows.map((row) => row.line)).toEqual([5])
  })
})
