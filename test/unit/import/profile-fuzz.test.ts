import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDecimal } from '@shared/money/decimal'
import { PROFILES } from '@shared/import/profiles/catalog'
import { columnIndex } from '@shared/import/profiles/columns'
import { tag } from '@shared/import/profiles/row'

const numRuns = Number(process.env.FC_RUNS ?? 100)

// Cells that look like what exports hold, plus junk: every profile sees amounts, dates and words in every column.
const cell = fc.oneof(
  fc.constantFrom('', ' ', '0', '0.00', '-5,00', '1.000', '(12.34)', '$1,234.56', 'NaN', 'Included', 'usd', 'EUR'),
  fc.constantFrom('2026-03-14', '14.03.26', '03/14/2026', '1790553600', '2026-06-28 03:46:57.713', 'Vorgemerkt'),
  fc.constantFrom('paid', 'Payment', 'copilot', 'Summe', 'Total', 'gen-1', "'123'", 'FALSE'),
  fc.string({ maxLength: 12 }),
)

describe('every profile, any row: a record, a problem or a skip — never a crash, never a wrong line', () => {
  it.each(PROFILES.map((profile) => [profile.id, profile] as const))('%s', (_, profile) => {
    const headers = profile.versions.map((version) => version.columns)
    fc.assert(
      fc.property(
        fc.constantFrom(...headers),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(cell, { maxLength: 40 }),
        (header, line, cells) => {
          const columns = columnIndex(header)
          const outcome = profile.map({ line, cells }, columns)
          if (outcome.kind === 'problem') {
            expect(outcome.problem.line).toBe(line)
            if (outcome.problem.column !== null) expect(header).toContain(outcome.problem.column)
            expect(outcome.problem.reason.length).toBeGreaterThan(0)
          } else if (outcome.kind === 'record') {
            const { record } = outcome
            expect(record.line).toBe(line)
            // amounts are exact decimal text the money layer accepts; usage is never negative
            expect(record.amount).toMatch(/^-?\d+(\.\d+)?$/)
            expect(parseDecimal(record.amount, 0, 'half-even').ok || record.amount.length > 15, record.amount).toBe(
              true,
            )
            if (record.kind === 'usage') expect(record.amount.startsWith('-')).toBe(false)
            if (record.at.kind === 'instant') expect(Number.isSafeInteger(record.at.at)).toBe(true)
            if (record.kind === 'charge') expect(record.descriptor.trim()).not.toBe('')
          } else expect(outcome.reason.length).toBeGreaterThan(0)
        },
      ),
      { numRuns },
    )
  })

  it('a tag from a multi-line cell is one line', () => {
    expect(tag('line_item', 'gpt-5,\r\n  output')).toBe('line_item:gpt-5, output')
    expect(tag('model', '   ')).toBeNull()
  })
})
