import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createRowReader, readRows } from '../../../shared/import/csv-rows'
import type { RawRow, RowProblem } from '../../../shared/import/types'

const numRuns = Number(process.env.FC_RUNS ?? 100)

/** The reader fed `text` cut at `cuts`. */
const readInPieces = (
  text: string,
  cuts: readonly number[],
  delimiter = ',',
): { rows: RawRow[]; fault: RowProblem | null } => {
  const reader = createRowReader({ delimiter })
  const rows: RawRow[] = []
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    rows.push(...reader.push(text.slice(from, cut)))
    from = cut
  }
  rows.push(...reader.push(text.slice(from)))
  const last = reader.end()
  return { rows: [...rows, ...last.rows], fault: last.fault }
}

const physicalLines = (text: string): number => 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0)

describe('RFC 4180', () => {
  test('quotes, "" escapes, delimiters and line breaks inside quotes, empty fields', () => {
    const text = 'id,descriptor,amount\n1,"CURSOR, AI POWERED IDE",20.00\n2,"He said ""hi""",\n3,"two\nlines",,\n'
    expect(readRows(text, ',')).toEqual({
      rows: [
        { line: 1, cells: ['id', 'descriptor', 'amount'] },
        { line: 2, cells: ['1', 'CURSOR, AI POWERED IDE', '20.00'] },
        { line: 3, cells: ['2', 'He said "hi"', ''] },
        { line: 4, cells: ['3', 'two\nlines', '', ''] },
      ],
      fault: null,
    })
  })

  test('CRLF, LF and lone CR mixed: every row apart, none glued into a cell (papaparse alone glues them)', () => {
    const { rows } = readRows('a,b\r\nc,d\ne,f\rg,h\r\n', ',')
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ])
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4])
  })

  test('a missing final line break keeps the last row', () => {
    expect(readRows('a;b\n1;2', ';').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ])
  })

  test('physical lines count the line breaks inside quoted fields (CRLF inside a cell becomes \\n)', () => {
    const text =
      'Date,Extended Details,Amount\r\n03/04/2024,"CURSOR\r\nANYSPHERE INC\r\nSF",20.00\r\n\r\n03/02/2024,"OPENAI\nOPENAI.COM",20.00\r\n'
    const { rows } = readRows(text, ',')
    expect(rows.map((row) => row.line)).toEqual([1, 2, 6])
    expect(rows[1]?.cells[1]).toBe('CURSOR\nANYSPHERE INC\nSF')
  })

  test('blank lines are no rows but still count; a BOM that reached the reader as text is dropped', () => {
    expect(readRows('\uFEFFa,b\n\n\n1,2\n', ',').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
    ])
  })

  test('tab and pipe delimiters', () => {
    expect(readRows('a\tb\n"x\ty"\tz\n', '\t').rows[1]?.cells).toEqual(['x\ty', 'z'])
    expect(readRows('a|b\n1|2\n', '|').rows[1]?.cells).toEqual(['1', '2'])
  })
})

describe('structural faults', () => {
  test('an unterminated quote: the fault names the line the quote opened on, rows before it are kept', () => {
    const text = 'h1,h2\n1,a\n2,"b\nstill b"\n3,"never closed\n4,d\n5,e\n'
    const { rows, fault } = readRows(text, ',')
    expect(rows.map((row) => row.cells[0])).toEqual(['h1', '1', '2'])
    expect(fault).toEqual({
      line: 5,
      column: null,
      reason: 'Unterminated quoted field: the quote opened on line 5 is never closed',
    })
  })

  test('a closing quote followed by text: a fault on that line, and nothing after it is accepted', () => {
    const { rows, fault } = readRows(
      'Date,Description\n2024-03-01,"OPENAI"\n2024-03-02,"CURSOR"USAGE\n2024-03-03,X\n',
      ',',
    )
    expect(rows.map((row) => row.line)).toEqual([1, 2])
    expect(fault?.line).toBe(3)
    expect(fault?.reason).toMatch(
      /Malformed quoted field on line 3: text follows the closing quote of "CURSOR" \(expected "," or/,
    )
  })

  test('a malformed quote in a multi-line field names both lines', () => {
    const { fault } = readRows('a,b\n1,"x\ny"z\n', ',')
    expect(fault).toMatchObject({ line: 3 })
    expect(fault?.reason).toMatch(/opened on line 2 \(closing quote on line 3\)/)
  })

  test('a fault found mid-stream is known at once and later pieces are ignored', () => {
    const reader = createRowReader({ delimiter: ',' })
    expect(reader.push('a,b\n1,"x"y\n2,z\n').map((row) => row.line)).toEqual([1])
    expect(reader.fault?.line).toBe(2)
    expect(reader.push('3,ok\n')).toEqual([])
    expect(reader.end()).toEqual({ rows: [], fault: reader.fault })
  })

  test('an open quote stops at maxRowChars instead of holding the rest of the file', () => {
    const reader = createRowReader({ delimiter: ',', maxRowChars: 200 })
    reader.push('a,b\n1,2\n3,"open\n')
    for (let index = 0; index < 20 && reader.fault === null; index++) reader.push('x,y,z\n'.repeat(10))
    expect(reader.fault).toEqual({
      line: 3,
      column: null,
      reason: 'Unterminated quoted field: the quote opened on line 3 is not closed within 200 characters',
    })
  })

  test('an overlong line without any quote is named as such', () => {
    const reader = createRowReader({ delimiter: ',', maxRowChars: 50 })
    reader.push('a,b\n')
    reader.push('x'.repeat(60))
    expect(reader.fault).toEqual({ line: 2, column: null, reason: 'Line 2 is longer than 50 characters' })
  })
})

describe('streaming', () => {
  const sample =
    'Date,Description,Amount\r\n"03/04/2024","CURSOR, AI\r\nIDE",20.00\r03/02/2024,"say ""hi""",1\n\n"x",,"\n"\n'

  test('cut at every character boundary: the same rows and lines as the whole text', () => {
    const whole = readRows(sample, ',')
    expect(whole.rows.map((row) => row.line)).toEqual([1, 2, 4, 6])
    for (let cut = 0; cut <= sample.length; cut++) expect(readInPieces(sample, [cut])).toEqual(whole)
  })

  test('fed one character at a time', () => {
    expect(
      readInPieces(
        sample,
        Array.from({ length: sample.length }, (_, index) => index),
      ),
    ).toEqual(readRows(sample, ','))
  })

  test('nextLine follows the text pushed so far (a held CR counts as a line break)', () => {
    const reader = createRowReader({ delimiter: ',' })
    reader.push('a,"b\nc')
    expect(reader.nextLine).toBe(2)
    reader.push('",d\r')
    expect(reader.nextLine).toBe(3)
  })
})

describe('properties', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'a', 'Müller', ' x ', '0,5', '"', '""', 'a"b', '\n', '\r\n', 'x\ny', ',', '€'),
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', ';'), maxLength: 6 }),
  )
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })

  const quote = (value: string, always: boolean): string =>
    always || /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value

  test('written CSV reads back: same cells (line breaks as \\n), each row on the physical line it starts on', () => {
    fc.assert(
      fc.property(
        table,
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.uniqueArray(fc.nat(300), { maxLength: 6 }),
        (rows, breaks, quoteAll, finalBreak, cuts) => {
          const written = rows.map((cells) => cells.map((value) => quote(value, quoteAll)).join(','))
          let text = ''
          const expected: RawRow[] = []
          written.forEach((line, index) => {
            const cells = rows[index]?.map((value) => value.replace(/\r\n?/g, '\n')) ?? []
            if (!(cells.length === 1 && cells[0] === '')) expected.push({ line: physicalLines(text), cells })
            text += line + (index < written.length - 1 || finalBreak ? (breaks[index] ?? '\n') : '')
          })
          const result = readInPieces(
            text,
            cuts.filter((cut) => cut <= text.length),
          )
          expect(result).toEqual({ rows: expected, fault: null })
        },
      ),
      { numRuns },
    )
  })

  test('any text: never throws, rows in order on real lines, a fault on a real line, chunking changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', ';'), maxLength: 80 }),
        fc.uniqueArray(fc.nat(80), { maxLength: 6 }),
        (text, cuts) => {
          const whole = readRows(text, ',')
          const lines = physicalLines(text)
          const rowLines = whole.rows.map((row) => row.line)
          expect(rowLines).toEqual([...rowLines].sort((a, b) => a - b))
          expect(new Set(rowLines).size).toBe(rowLines.length)
          for (const line of rowLines) expect(line >= 1 && line <= lines).toBe(true)
          if (whole.fault !== null) {
            expect(whole.fault.line >= 1 && whole.fault.line <= lines).toBe(true)
            for (const line of rowLines) expect(line).toBeLessThanOrEqual(whole.fault.line)
          }
          expect(
            readInPieces(
              text,
              cuts.filter((cut) => cut <= text.length),
            ),
          ).toEqual(whole)
        },
      ),
      { numRuns: numRuns * 3 },
    )
  })
})
