import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/api/result'
import { openConnection } from '../../electron/backend/db/connection'
import { configureParsePipeline, pipelinedPasses } from '../../electron/backend/import/parse-pipeline'
import { openTestBackend, tempDir, value } from './helpers'
import { openaiCost } from './import-pipeline-fixture'

/**
 * Issue 5 §9: the parse worker (the BUILT out/main/parse-worker.js, pipelined with the inserts) must give exactly
 * what the in-thread path gives — reports (counts, totals, samples, rejections with their lines, faults, previews)
 * and the rows written (keys, amounts after rounding, tags, lines) — for every kind of file: each profile family,
 * encodings (UTF-16, Windows-1252 read from the start, and one that turns out not to be UTF-8 after rows were
 * written, which restarts), a structural fault, a user mapping. Run `npx electron-vite build` first.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const PARSE_WORKER = join(ROOT, 'out/main/parse-worker.js')
const FIXTURES = join(ROOT, 'test/fixtures/import')

afterEach(() => configureParsePipeline({}))

interface Case {
  readonly name: string
  readonly file: () => string
  readonly request?: Record<string, unknown>
}

const fixture = (path: string) => () => join(FIXTURES, path)
const written = (name: string, content: string | Buffer) => () => {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

/** Valid UTF-8 for the first ~90 KB (past the head the format is detected from), then a Windows-1252 "€" (0x80). */
const lateCp1252 = (): Buffer => {
  const text = openaiCost(600, (index) => (index === 550 ? 'EURO_SIGN tool, input' : null))
  const [before, after] = text.split('EURO_SIGN') as [string, string]
  return Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from([0x80]), Buffer.from(after, 'latin1')])
}

const MAPPING = {
  name: 'Team tool',
  kind: 'usage',
  header: ['Tag', 'Betrag', 'Projekt'],
  columns: { date: 'Tag', amount: 'Betrag', tags: [{ key: 'project', column: 'Projekt' }] },
  vendor: 'OpenAI',
  dateFormat: 'DD.MM.YYYY',
  decimalMark: ',',
  sign: 'positive-is-spend',
  fixedCurrency: 'USD',
}

const CASES: readonly Case[] = [
  { name: 'OpenAI cost 2026 (a rejected row, rounding)', file: fixture('profiles/openai-cost-2026.csv') },
  { name: 'OpenAI usage', file: fixture('profiles/openai-usage.csv') },
  { name: 'Anthropic cost 2025', file: fixture('profiles/anthropic-cost-2025.csv') },
  {
    name: 'OpenRouter requests into a chosen account',
    file: fixture('profiles/openrouter-requests.csv'),
    request: { accountId: 1 },
  },
  { name: 'Cursor v3 into a chosen account', file: fixture('profiles/cursor-v3.csv'), request: { accountId: 1 } },
  { name: 'Chase card statement', file: fixture('profiles/chase-card.csv') },
  { name: 'DKB statement', file: fixture('profiles/dkb.csv') },
  { name: 'Stripe invoices', file: fixture('profiles/stripe-invoices.csv') },
  { name: 'Sparkasse in Windows-1252', file: fixture('text/sparkasse-cp1252.csv') },
  { name: 'UTF-16 LE, tab-separated', file: fixture('text/card-utf16le-tab.csv') },
  {
    name: 'an unterminated quote (the commit refused)',
    file: fixture('text/unterminated-quote.csv'),
    request: { accountId: 1 },
  },
  {
    name: 'an unterminated quote, the rows before it accepted',
    file: fixture('text/unterminated-quote.csv'),
    request: { accountId: 1, acceptRowsBeforeFault: true },
  },
  {
    name: 'a malformed quote on line 152, the rows before it accepted',
    file: written(
      'malformed.csv',
      openaiCost(300, (index) => (index === 150 ? 'gpt-4o"x, input' : null)),
    ),
    request: { acceptRowsBeforeFault: true },
  },
  { name: 'not UTF-8 after 90 KB (the pass restarts)', file: written('late-cp1252.csv', lateCp1252()) },
  { name: '3,000 generated rows', file: written('generated.csv', openaiCost(3000)) },
  {
    name: 'a user mapping being tried',
    file: written('team.csv', 'Tag;Betrag;Projekt\n03.09.2026;1,50;site\n04.09.2026;2,25;blog\n04.09.2026;x;blog\n'),
    request: { mapping: MAPPING },
  },
]

const TABLES = ['usage', 'payments', 'lots', 'imports', 'import_rejections', 'batches']

/** Preview, commit and commit again on a fresh ledger; every answer and every row the three calls left behind. */
const run = async (path: string, request: Record<string, unknown>) => {
  const dbPath = join(tempDir(), 'ledger.db')
  const backend = await openTestBackend(dbPath)
  for (const presetId of ['openai-api', 'anthropic-api']) {
    value(
      await backend.dispatch('presets.apply', {
        presetId,
        purchases: [{ effectiveAt: '2024-01-01T00:00:00Z', amount: '500' }],
      }),
    )
  }
  const fileId = backend.registerFile(path)
  const answers: Result<unknown>[] = []
  for (const method of ['imports.preview', 'imports.commit', 'imports.commit']) {
    answers.push(await backend.dispatch(method, { fileId, ...request }))
  }
  const db = openConnection(dbPath)
  try {
    const rows = Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all()]))
    return { answers, rows }
  } finally {
    db.close()
  }
}

describe('the pipelined import (parse worker) against the in-thread path', { timeout: 60_000 }, () => {
  it.each(CASES)('gives the same reports and rows: $name', async ({ file, request = {} }) => {
    if (!existsSync(PARSE_WORKER))
      throw new Error('out/main/parse-worker.js is missing: run `npx electron-vite build` first')
    const path = file()
    configureParsePipeline({ workerFile: null })
    const inThread = await run(path, request)
    configureParsePipeline({ workerFile: PARSE_WORKER, minBytes: 0 })
    const before = pipelinedPasses()
    const pipelined = await run(path, request)
    expect(pipelinedPasses()).toBeGreaterThan(before)
    expect(pipelined.answers).toEqual(inThread.answers)
    expect(pipelined.rows).toEqual(inThread.rows)
  })

  it('restarts a file that is not UTF-8 after all, keeping no row of the abandoned pass', async () => {
    configureParsePipeline({ workerFile: PARSE_WORKER, minBytes: 0 })
    const { answers, rows } = await run(written('late.csv', lateCp1252())(), {})
    type Counts = { new: number; rejected: number; duplicate: number }
    const committed = value(answers[1] as Result<{ encoding: string; counts: Counts }>)
    expect(committed.encoding).toBe('windows-1252')
    // Every row once (identical rows too, under their occurrence index), none a duplicate of the abandoned pass.
    expect(committed.counts.rejected).toBeGreaterThan(0)
    expect(committed.counts).toMatchObject({ new: 600 - committed.counts.rejected, duplicate: 0 })
    expect(rows.usage).toHaveLength(committed.counts.new)
    expect(JSON.stringify(rows.usage)).toContain('€ tool, input')
  })

  it('writes nothing when an insert fails halfway through the file, and the next import works', async () => {
    configureParsePipeline({ workerFile: PARSE_WORKER, minBytes: 0 })
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    value(
      await backend.dispatch('presets.apply', {
        presetId: 'openai-api',
        purchases: [{ effectiveAt: '2024-01-01T00:00:00Z', amount: '500' }],
      }),
    )
    const db = openConnection(dbPath)
    db.exec(`CREATE TRIGGER fail_halfway BEFORE INSERT ON usage WHEN NEW.source_line = 15000
             BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END`)
    const fileId = backend.registerFile(written('big.csv', openaiCost(30_000))())
    const failed = await backend.dispatch('imports.commit', { fileId })
    expect(failed).toMatchObject({ ok: false })
    expect(db.prepare('SELECT count(*) AS n FROM usage').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 })
    db.exec('DROP TRIGGER fail_halfway')
    db.close()
    const again = value(await backend.dispatch('imports.commit', { fileId })) as { counts: { new: number } }
    expect(again.counts.new).toBeGreaterThan(29_000)
  })
})
