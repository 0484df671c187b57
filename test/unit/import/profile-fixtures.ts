import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { detectProfile, type ProfileMatch } from '@shared/import/profiles/detect'
import type { ProfileSettings } from '@shared/import/profiles/types'
import type { ImportRecord, RawRow, RowOutcome, RowProblem } from '@shared/import/types'

/**
 * Test-only stand-in for the byte/CSV layer (shared/import/csv-rows.ts, written separately): a plain RFC 4180
 * tokenizer that keeps each row's first physical line, so these tests pin the profiles alone. The header row is
 * found the way the importer finds it: the first row detectProfile recognises (preamble lines match nothing).
 */
export const tokenize = (text: string, delimiter: string): RawRow[] => {
  const rows: RawRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  const endCell = (): void => {
    cells.push(cell)
    cell = ''
  }
  const endRow = (): void => {
    endCell()
    rows.push({ line: start, cells })
    cells = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === delimiter) endCell()
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++
      endRow()
      line++
      start = line
    } else cell += ch
  }
  if (quoted) throw new Error(`unterminated quote in fixture (row starting line ${start})`)
  if (cell !== '' || cells.length > 0) endRow()
  return rows
}

export interface Fixture {
  readonly match: ProfileMatch
  readonly header: readonly string[]
  readonly rows: readonly RawRow[]
}

export const loadFixture = (name: string): Fixture => {
  const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/import/profiles', name), 'utf8')
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? ''
  const delimiter = text.includes(';') && firstLine.split(';').length >= firstLine.split(',').length ? ';' : ','
  const rows = tokenize(text, delimiter)
  for (const [index, row] of rows.entries()) {
    const match = detectProfile(row.cells)
    if (match !== null) return { match, header: row.cells, rows: rows.slice(index + 1) }
  }
  throw new Error(`${name}: no profile recognises any row`)
}

export interface Mapped {
  readonly fixture: Fixture
  readonly outcomes: readonly RowOutcome[]
  readonly records: readonly ImportRecord[]
  readonly problems: readonly RowProblem[]
  readonly skips: readonly { readonly line: number; readonly reason: string }[]
}

export const mapFixture = (name: string, settings?: Partial<ProfileSettings>): Mapped => {
  const fixture = loadFixture(name)
  const { profile, columns } = fixture.match
  const outcomes = fixture.rows.map((row) => profile.map(row, columns, settings))
  const records: ImportRecord[] = []
  const problems: RowProblem[] = []
  const skips: { line: number; reason: string }[] = []
  outcomes.forEach((outcome, index) => {
    if (outcome.kind === 'record') records.push(outcome.record)
    else if (outcome.kind === 'problem') problems.push(outcome.problem)
    else skips.push({ line: fixture.rows[index]?.line ?? 0, reason: outcome.reason })
  })
  return { fixture, outcomes, records, problems, skips }
}

/** UTC instant of an ISO text, for expected values that read like the file. */
export const utc = (iso: string): { kind: 'instant'; at: number } => ({ kind: 'instant', at: Date.parse(iso) })

export const day = (year: number, month: number, dayOfMonth: number) => ({
  kind: 'date' as const,
  date: { year, month, day: dayOfMonth },
})
