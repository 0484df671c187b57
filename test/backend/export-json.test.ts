import { describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS, EXPORT_TABLES, type ExportDocument } from '@shared/api/types/history'
import { exportDocumentSchema } from '@shared/api/methods/history'
import { EXPORT_ROW_LIMIT, INSERT_ORDER } from '../../electron/backend/export/export-tables'
import { buildLedger, openLedger } from './history-fixture'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'

describe('export.json', () => {
  it('the format’s columns are exactly each table’s columns (a new column must bump the format)', async () => {
    const { sql } = await openLedger()
    for (const table of EXPORT_TABLES) {
      const columns = (sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
      expect([...EXPORT_COLUMNS[table]], table).toEqual(columns)
    }
    expect([...INSERT_ORDER].sort()).toEqual([...EXPORT_TABLES].sort())
  })

  it('is a versioned document of every table, rows as plain column objects, integers exact', async () => {
    const ledger = await openLedger()
    await buildLedger(ledger)
    // The largest amount a unit can hold: a float would have lost its last digit.
    ledger.batch('big', () =>
      ledger.sql
        .prepare('UPDATE lots SET amount = 9007199254740991, cost_amount = 9007199254740991 WHERE id = 3')
        .run(),
    )
    const document = await ledger.call<ExportDocument>('export.json')
    expect(document).toMatchObject({
      format: 'credit-ledger-export',
      version: 2,
      exportedAt: new Date(ledger.clock.now()).toISOString(),
      schemaVersion: MIGRATIONS.length,
    })
    expect(Object.keys(document.tables)).toEqual([...EXPORT_TABLES])
    expect(exportDocumentSchema.safeParse(document).success).toBe(true)
    expect(document.tables.vendors).toEqual([
      {
        id: 1,
        name: 'OpenAI',
        website: 'https://openai.com',
        recorded_at: expect.any(Number) as unknown,
        source: 'manual',
      },
      { id: 2, name: '=Anthropic, "PBC"', website: null, recorded_at: expect.any(Number) as unknown, source: 'manual' },
    ])
    expect(document.tables.lots.find((lot) => lot.id === 3)).toMatchObject({
      amount: 9007199254740991,
      tags: '["team:core"]',
      expiry_kind: 'never',
    })
    expect(document.tables.usage).toHaveLength(41)
    expect(document.tables.units.filter((unit) => unit.built_in === 0)).toEqual([
      expect.objectContaining({ id: 'gems', scale: 2 }),
    ])
    expect(document.tables.settings.map((row) => [row.key, row.value])).toEqual([
      ['homeCurrency', '"EUR"'],
      ['timeZone', '"Europe/Berlin"'],
    ])
    expect(document.tables.batches.map((row) => row.state)).toEqual(Array(document.tables.batches.length).fill('done'))
    // Exactly what JSON.stringify of the document, parsed back, gives: nothing a transport could alter.
    expect(JSON.parse(JSON.stringify(document))).toEqual(document)
  })

  it(`refuses past ${EXPORT_ROW_LIMIT} rows with CONFLICT, pointing at a backup`, async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('accounts.add', { vendorId: 1, name: 'API', unitId: 'USD', currency: 'USD', timeZone: 'UTC' })
    ledger.sql
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO usage (account_id, occurred_at, amount, recorded_at) SELECT 1, i, 1, 0 FROM n`,
      )
      .run(EXPORT_ROW_LIMIT)
    const result = await ledger.backend.dispatch('export.json', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(result.ok ? '' : result.error.message).toContain('backup')
    // One entity under the limit still exports.
    expect(await ledger.call('export.csv', { entity: 'vendors' })).toMatchObject({ rows: 1 })
  }, 60_000)
})
