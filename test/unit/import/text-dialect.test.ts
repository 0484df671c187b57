import { describe, expect, test } from 'vitest'
import { guessDecimalMark, sniffDelimiter, startsWithTotalLabel } from '../../../shared/import/dialect'

describe('sniffDelimiter', () => {
  test.each([
    ['comma, quoted commas inside values', 'Date,Description,Amount\n03/04/2024,"CURSOR, AI POWERED IDE",20.00\n', ','],
    [
      'semicolon with a quoted decimal comma (DKB)',
      '"Buchungsdatum";"Betrag (€)";"IBAN"\n"24.01.24";"-1.234,56 €";""\n"22.01.24";"-29,9";""\n',
      ';',
    ],
    [
      'semicolon with unquoted decimal commas (ING): more columns explained than the comma split',
      'Buchung;Valuta;Betrag;Währung\n24.05.2024;24.05.2024;-10,50;EUR\n20.05.2024;20.05.2024;-1.000,00;EUR\n',
      ';',
    ],
    [
      'tab with unquoted commas in descriptions',
      'Date\tDescription\tAmount\n01/12/2024\tCURSOR, AI POWERED IDE\t-20.00\n01/15/2024\tOPENAI\t-20.00\n',
      '\t',
    ],
    ['pipe', 'date|vendor|amount\n2024-01-01|OpenAI|20.00\n', '|'],
    ['one column gives the comma', 'amount\n20.00\n', ','],
  ])('%s', (_, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter)
  })

  test('a preamble narrower than the table loses the vote (DKB lines before the header)', () => {
    const text = [
      '"Girokonto";"DE02120300000000202051"',
      '"Zeitraum:";"01.01.2024 - 31.01.2024"',
      '"Kontostand vom 31.01.2024:";"1.234,56 €"',
      '""',
      '"Buchungsdatum";"Wertstellung";"Status";"Betrag (€)"',
      '"24.01.24";"24.01.24";"Gebucht";"-22,61"',
    ].join('\r\n')
    expect(sniffDelimiter(text)).toBe(';')
  })

  test('a GCP preamble with a quoted "$1,000.00" stays a comma file', () => {
    const text =
      'Invoice number,123\nTotal amount due,"$1,000.00"\n\nProject name,SKU description,Cost ($)\nsite,Gemini,600.00\n'
    expect(sniffDelimiter(text)).toBe(',')
  })

  test('a sample cut inside a multi-line field still sniffs right (only the first 64 KB are read)', () => {
    const row = '2024-01-01;"multi\nline; with; semicolons";-1,5\n'
    const text = `date;text;amount\n${row.repeat(3000)}`
    expect(text.length).toBeGreaterThan(64 * 1024)
    expect(sniffDelimiter(text)).toBe(';')
  })
})

describe('guessDecimalMark', () => {
  test.each([
    [['1.234,56'], ','],
    [['-29,9'], ','],
    [['-1.000,00 €', '1.000'], ','],
    [['1,234.56'], '.'],
    [['$(12.34)', '-$5.00'], '.'],
    [['0.8958740000000000', '0.34090000000000000'], '.'],
    [['1,234,567'], '.'],
    [['1.234.567'], ','],
    [['0,500'], ','],
    [['1234,567'], ','],
    [['1,000'], 'ambiguous'],
    [['1.000', '-3.000'], 'ambiguous'],
    [['12', '-5', ''], 'ambiguous'],
    [['1.5', '2,5'], 'ambiguous'],
    [['Included', 'NaN', '0.19'], '.'],
    [["1'234.50"], '.'],
  ])('%j → %s', (samples, mark) => {
    expect(guessDecimalMark(samples)).toBe(mark)
  })
})

describe('total labels', () => {
  test.each([
    [['Total', '', '1,000.00'], true],
    [['', 'Summe', '-52,51'], true],
    [['Gesamtbetrag:', '-52,51'], true],
    [['Kontostand vom 31.01.2024:', '1.234,56 €'], true],
    [['Saldo', '1.234,56', 'EUR'], true],
    [['Endsaldo', '1.234,56'], true],
    [['TotalEnergies Station', '-50,00'], false],
    [['24.01.24', 'Total Wine', '-20,00'], false],
    [['', ''], false],
  ])('%j → %s', (cells, isTotal) => {
    expect(startsWithTotalLabel(cells)).toBe(isTotal)
  })
})
