import { describe, expect, it } from 'vitest'
import { CSV_ENTITIES, type CsvExport } from '@shared/api/types/history'
import { csvLine, escapeFormula, quoteField, renderCell } from '../../electron/backend/export/csv-format'
import { buildLedger, openLedger } from './history-fixture'

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') endCell()
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i += 1
    } else cell += char
  }
  return rows
}

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['-5.00', "'-5.00"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
    ['', ''],
  ])('a text cell %j is escaped to %j', (text, escaped) => {
    expect(escapeFormula(text)).toBe(escaped)
  })

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['plain', 'plain'],
  ])('RFC 4180 quotes %j as %j', (text, quoted) => {
    expect(quoteField(text)).toBe(quoted)
  })

  it.each([
    [{ number: '-5.00' }, '-5.00'],
    [{ number: '41.20' }, '41.20'],
    [{ number: '-3' }, '-3'],
    [{ number: '1e5' }, '1e5'],
    [{ number: '-1+2' }, "'-1+2"],
    [{ number: '=1' }, "'=1"],
    [{ text: '-5.00' }, "'-5.00"],
    [{ text: '=1,"2"' }, '"\'=1,""2"""'],
    [{ text: null }, ''],
  ] as const)('cell %j renders as %j (numbers we produce stay numbers)', (cell, rendered) => {
    expect(renderCell(cell)).toBe(rendered)
  })

  it('joins a record with commas and ends it with CRLF', () => {
    expect(csvLine([{ number: '1' }, { text: 'a,b' }, { text: null }])).toBe('1,"a,b",\r\n')
  })
})

describe('export.csv', () => {
  it('writes every entity with a header; amounts are exact decimals in the unit, instants ISO UTC', async () => {
    const ledger = await openLedger()
    await buildLedger(ledger)
    for (const entity of CSV_ENTITIES) {
      const csv = await ledger.call<CsvExport>('export.csv', { entity })
      expect(csv.fileName).toBe(`credit-ledger-${entity.replace(/_/g, '-')}.csv`)
      const rows = parseCsv(csv.text)
      expect(rows.length, entity).toBe(csv.rows + 1)
      expect(csv.rows, entity).toBeGreaterThan(0)
      expect(new Set(rows.map((row) => row.length)).size, entity).toBe(1)
    }

    const lots = parseCsv((await ledger.call<CsvExport>('export.csv', { entity: 'lots' })).text)
    const header = lots[0] ?? []
    const col = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)]
    expect(header.slice(0, 8)).toEqual(['id', 'account_id', 'vendor', 'account', 'unit', 'kind', 'funding', 'amount'])
    expect(col(lots[1], 'amount')).toBe('50.00')
    expect(col(lots[1], 'cost_amount')).toBe('50.00')
    expect(col(lots[1], 'note')).toBe("'@SUM(A1)")
    expect(col(lots[1], 'tags')).toBe('["team:core"]')
    expect(col(lots[2], 'expires_at')).toBe('2026-02-10T00:00:00.000Z')
    expect(col(lots[3], 'vendor')).toBe('\'=Anthropic, "PBC"')
    expect(col(lots[3], 'amount')).toBe('1000')
    expect(col(lots[4], 'amount')).toBe('5.50')
    expect(col(lots[4], 'unit')).toBe('millicredits')

    const usage = (await ledger.call<CsvExport>('export.csv', { entity: 'usage' })).text
    const usageRows = parseCsv(usage)
    const u = (row: string[] | undefined, name: string) => row?.[(usageRows[0] ?? []).indexOf(name)]
    expect(u(usageRows[2], 'amount')).toBe('2.469134')
    expect(u(usageRows[2], 'occurred_at')).toBe('2026-01-02T00:00:00.000Z')
    expect(u(usageRows[2], 'billable')).toBe('true')
    expect(u(usageRows.at(-1), 'note')).toBe("'-1+2")
    // The raw text keeps the vendor name quoted and escaped, never a live formula.
    expect(usage).toContain('"\'=Anthropic, ""PBC"""')

    const observations = parseCsv((await ledger.call<CsvExport>('export.csv', { entity: 'observations' })).text)
    const balance = (observations[0] ?? []).indexOf('balance')
    // A negative amount we produced stays a number a spreadsheet can add up.
    expect(observations[1]?.[balance]).toBe('-0.50')

    const fx = parseCsv((await ledger.call<CsvExport>('export.csv', { entity: 'fx_rates' })).text)
    expect(fx[1]?.[(fx[0] ?? []).indexOf('rate')]).toBe('0.9215')
  })

  it('an empty entity is a header line; an unknown entity is a VALIDATION error', async () => {
    const ledger = await openLedger()
    expect(await ledger.call('export.csv', { entity: 'usage' })).toMatchObject({
      rows: 0,
      text: expect.stringMatching(/^id,account_id,vendor,account,unit,occurred_at,amount,.*\r\n$/) as unknown,
    })
    const bad = await ledger.backend.dispatch('export.csv', { entity: 'secrets' })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { entity: expect.stringContaining('lots') as unknown } },
    })
  })
})
