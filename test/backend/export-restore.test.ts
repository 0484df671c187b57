import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BatchInfo, ExportDocument, RestoreSummary } from '@shared/api/types/history'
import type { ImportReport } from '@shared/api/types/imports'
import { replay } from '@shared/ledger/replay'
import type { Connection } from '../../electron/backend/db/connection'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { buildLedger, dumpTables, openLedger, type BuiltLedger, type Ledger } from './history-fixture'

/** restore.json (issue 4 §5): a JSON export written back into an empty database. */

const IMPORT_FIXTURES = join(__dirname, '../fixtures/import/profiles')

const balances = (db: Connection, built: BuiltLedger) =>
  built.accounts.map((id) => {
    const facts = loadFacts(db, id)
    if (facts === undefined) throw new Error(`account ${id} is missing`)
    const result = replay(facts, { until: built.until, collectAllocations: true })
    return { lots: result.lots, balance: result.balance, notices: result.notices, allocations: result.allocations }
  })

const exported = async (ledger: Ledger) => ledger.call<ExportDocument>('export.json')

/** The document's batches as the source had them, minus what only describes the source's undo window. */
const batchIdentity = (document: ExportDocument) =>
  document.tables.batches.map(({ id, kind, label, method, created_at }) => ({ id, kind, label, method, created_at }))

const restoreError = async (ledger: Ledger, document: unknown) => {
  const result = await ledger.backend.dispatch('restore.json', { document })
  if (result.ok) throw new Error('restore.json was expected to fail')
  return result.error
}

describe('restore.json', () => {
  it('round trip: export, restore into a fresh database, export again → identical tables and balances', async () => {
    const source = await openLedger()
    const built = await buildLedger(source)
    const first = await exported(source)

    const target = await openLedger()
    const summary = await target.call<RestoreSummary>('restore.json', { document: first })
    expect(summary.batchIdOffset).toBe(0)
    expect(summary.rows).toMatchObject({ vendors: 2, accounts: 3, units: 1, lots: 4, usage: 41, programs: 1 })
    expect(summary.batch).toMatchObject({ kind: 'restore', state: 'done', method: 'restore.json' })
    expect(summary.batch?.id).toBe(first.tables.batches.length + 1)

    const second = await exported(target)
    for (const table of Object.keys(first.tables) as (keyof ExportDocument['tables'])[]) {
      if (table === 'batches') continue
      expect(second.tables[table], table).toEqual(first.tables[table])
    }
    expect(batchIdentity(second).slice(0, -1)).toEqual(batchIdentity(first))
    // Their undo journal stayed behind: restored batches are history, not undoable.
    expect(second.tables.batches.slice(0, -1).every((batch) => batch.state === 'sealed')).toBe(true)
    expect(second.tables.batches.at(-1)).toMatchObject({ kind: 'restore', state: 'done' })

    expect(balances(target.sql, built)).toEqual(balances(source.sql, built))
    expect(balances(source.sql, built)[0]?.allocations?.length).toBeGreaterThan(0)
  })

  it('is one undoable batch: undo empties the database again, redo restores it', async () => {
    const source = await openLedger()
    await buildLedger(source)
    const document = await exported(source)
    const target = await openLedger()
    const empty = dumpTables(target.sql)
    await target.call('restore.json', { document })
    const restored = dumpTables(target.sql)

    expect(await target.call<BatchInfo>('history.undo')).toMatchObject({ kind: 'restore', state: 'undone' })
    expect(dumpTables(target.sql)).toEqual(empty)
    // The restored batches stay (as the facts' history) but cannot be undone: nothing before the restore is.
    expect((await target.backend.dispatch('history.undo', undefined)).ok).toBe(false)
    await target.call('history.redo')
    expect(dumpTables(target.sql)).toEqual(restored)
  })

  it('journals the imported usage it restores: undo empties the database, redo brings the import back', async () => {
    const source = await openLedger()
    const built = await buildLedger(source)
    const fileId = source.backend.registerFile(join(IMPORT_FIXTURES, 'openai-cost-2026.csv'))
    const report = await source.call<ImportReport>('imports.commit', { fileId, accountId: built.accounts[0] })
    expect(report.counts.new).toBeGreaterThan(0)
    const document = await exported(source)
    expect(document.tables.imports[0]?.usage_first_id).toEqual(expect.any(Number))
    const target = await openLedger()
    const empty = dumpTables(target.sql)
    await target.call('restore.json', { document })
    const restored = dumpTables(target.sql)
    const imported = () => target.sql.prepare("SELECT count(*) AS n FROM usage WHERE source = 'import'").get()
    expect(imported()).toEqual({ n: report.counts.new })
    await target.call('history.undo')
    expect(dumpTables(target.sql)).toEqual(empty)
    await target.call('history.redo')
    expect(dumpTables(target.sql)).toEqual(restored)
    // The restored import undoes by its id range, exactly.
    await target.call('imports.undo', { batchId: Number(document.tables.imports[0]?.batch_id) + 0 })
    expect(imported()).toEqual({ n: 0 })
  })

  it('reads a version 1 document (before import id ranges and reminder rules)', async () => {
    const source = await openLedger()
    await buildLedger(source)
    const current = await exported(source)
    const { reminder_account_rules: _dropped, ...tables } = current.tables
    const v1 = { ...current, version: 1, tables: { ...tables, imports: [] } }
    const target = await openLedger()
    const summary = await target.call<RestoreSummary>('restore.json', { document: v1 })
    expect(summary.rows.lots).toBe(current.tables.lots.length)
  })

  it('refuses a database that holds anything of the user’s, and writes nothing', async () => {
    const source = await openLedger()
    await buildLedger(source)
    const document = await exported(source)
    const target = await openLedger()
    await target.call('fx.add', { base: 'USD', quote: 'EUR', rate: '0.9', effectiveDate: '2025-01-01' })
    const before = dumpTables(target.sql)
    const error = await restoreError(target, document)
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('holds 1 exchange rate.')
    expect(dumpTables(target.sql)).toEqual(before)
  })

  it('moves the document’s batch ids past the database’s own history, so both stay', async () => {
    const source = await openLedger()
    const built = await buildLedger(source)
    const document = await exported(source)
    const target = await openLedger()
    await target.call('vendors.add', { name: 'Gone soon' })
    await target.call('vendors.remove', { id: 1 })
    const summary = await target.call<RestoreSummary>('restore.json', { document })
    expect(summary.batchIdOffset).toBe(2)
    const lots = (await exported(target)).tables.lots
    expect(lots.map((lot) => lot.batch_id)).toEqual(document.tables.lots.map((lot) => Number(lot.batch_id) + 2))
    expect(balances(target.sql, built)).toEqual(balances(source.sql, built))
  })

  it('validates the document: format, version, tables, columns, rows and references', async () => {
    const source = await openLedger()
    await buildLedger(source)
    const good = await exported(source)
    const target = await openLedger()
    const before = dumpTables(target.sql)
    const withTables = (tables: Record<string, unknown>) => ({ ...good, tables: { ...good.tables, ...tables } })
    const vendor = good.tables.vendors[0]

    expect(await restoreError(target, { ...good, format: 'other' })).toMatchObject({
      code: 'VALIDATION',
      fields: { 'document.format': expect.stringContaining('Not a Credit Ledger export') as unknown },
    })
    expect((await restoreError(target, { ...good, version: 3 })).fields).toHaveProperty('document.version')
    expect((await restoreError(target, withTables({ secrets: [] }))).fields).toHaveProperty('document.tables')
    expect((await restoreError(target, withTables({ vendors: [{ ...vendor, colour: 'red' }] }))).fields).toHaveProperty(
      'document.tables.vendors.0',
    )
    expect((await restoreError(target, withTables({ vendors: [{ id: 1, name: 'X' }] }))).fields).toHaveProperty(
      'document.tables.vendors.0.website',
    )
    expect((await restoreError(target, withTables({ vendors: [{ ...vendor, id: 1.5 }] }))).code).toBe('VALIDATION')
    expect((await restoreError(target, { ...good, schemaVersion: 99 })).fields).toHaveProperty('document.schemaVersion')

    const negative = good.tables.lots.map((lot, index) => (index === 2 ? { ...lot, amount: -5 } : lot))
    expect(await restoreError(target, withTables({ lots: negative }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'document.tables.lots.2': expect.stringContaining('CHECK') as unknown },
    })
    const orphan = good.tables.usage.map((row, index) => (index === 0 ? { ...row, account_id: 99 } : row))
    expect(await restoreError(target, withTables({ usage: orphan }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'document.tables.usage': expect.stringContaining('accounts') as unknown },
    })
    expect(dumpTables(target.sql)).toEqual(before)
    expect(await target.call<BatchInfo[]>('history.list')).toEqual([])
  })
})
