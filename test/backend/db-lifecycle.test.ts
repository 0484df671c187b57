import { openSync, writeSync, closeSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Vendor } from '@shared/catalog/types'
import { openConnection } from '../../electron/backend/db/connection'
import { listBackups } from '../../electron/backend/db/backup'
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations-bundle'
import { fakeClock, openTestBackend, tempDir, value } from './helpers'

const DAY = 86_400_000

/** Overwrite the middle of the file: pages of a table become garbage, which quick_check reports. */
const damagePages = (file: string) => {
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096)
  closeSync(fd)
}

const ledgerWithBackup = async () => {
  const dbPath = join(tempDir(), 'ledger.db')
  const clock = fakeClock()
  const backend = await openTestBackend(dbPath, clock, { dailyBackup: true })
  value(await backend.dispatch('vendors.add', { name: 'Before backup' }))
  clock.advance(60_000)
  value(await backend.dispatch('backups.create', undefined))
  for (let i = 0; i < 50; i += 1) value(await backend.dispatch('vendors.add', { name: `Vendor ${i}` }))
  backend.close()
  return { dbPath, clock }
}

describe('database lifecycle', () => {
  it('takes a daily backup at start-up, at most once a day', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const clock = fakeClock()
    ;(await openTestBackend(dbPath, clock, { dailyBackup: true })).close()
    ;(await openTestBackend(dbPath, clock, { dailyBackup: true })).close()
    expect(listBackups(dbPath)).toHaveLength(1)
    clock.advance(DAY)
    ;(await openTestBackend(dbPath, clock, { dailyBackup: true })).close()
    expect(listBackups(dbPath)).toHaveLength(2)
  })

  it('answers DB_CORRUPT with the latest backup, then restores it and keeps the damaged file aside', async () => {
    const { dbPath, clock } = await ledgerWithBackup()
    damagePages(dbPath)
    const backend = await openTestBackend(dbPath, clock)
    expect(backend.status().state).toBe('corrupt')
    const refused = await backend.dispatch('vendors.list', undefined)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT', details: { latestBackup: { file: expect.stringMatching(/manual\.db$/) } } },
    })
    value(await backend.dispatch('backups.restoreLatest', undefined))
    expect(backend.status().state).toBe('ok')
    const names = (value(await backend.dispatch('vendors.list', undefined)) as Vendor[]).map((v) => v.name)
    expect(names).toEqual(['Before backup'])
    expect(readdirSync(dirname(dbPath)).some((name) => name.startsWith('ledger.db.damaged-'))).toBe(true)
  })

  it('treats a file that is not a database as damaged, not as a crash', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    writeFileSync(dbPath, 'this is a spreadsheet, not a ledger'.repeat(200))
    const backend = await openTestBackend(dbPath)
    expect(backend.status().state).toBe('corrupt')
    expect(await backend.dispatch('vendors.list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT', details: { latestBackup: null } },
    })
    expect(await backend.dispatch('backups.restoreLatest', undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('refuses a healthy database restore', async () => {
    const backend = await openTestBackend()
    expect(await backend.dispatch('backups.restoreLatest', undefined)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('refuses a database from a newer version with DB_TOO_NEW and leaves it untouched', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const db = openConnection(dbPath)
    db.pragma('user_version = 999')
    db.close()
    const backend = await openTestBackend(dbPath)
    expect(backend.status()).toEqual({ state: 'too-new', fileVersion: 999, codeVersion: LATEST_SCHEMA_VERSION })
    expect(await backend.dispatch('vendors.add', { name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'DB_TOO_NEW', details: { fileVersion: 999 } },
    })
    backend.close()
    const after = openConnection(dbPath, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(999)
    after.close()
    expect(existsSync(join(dirname(dbPath), 'backups'))).toBe(false)
  })

  it('notices a write by another process on the same file and announces it once', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    const events: unknown[] = []
    backend.onEvent((_name, payload) => events.push(payload))
    backend.checkExternalWrites()
    expect(events).toEqual([])

    const cli = openConnection(dbPath)
    cli.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('Written by the CLI', 0)").run()
    cli.close()
    backend.checkExternalWrites()
    backend.checkExternalWrites()
    expect(events).toEqual([{ origin: 'external' }])
    expect((value(await backend.dispatch('vendors.list', undefined)) as Vendor[])[0]?.name).toBe('Written by the CLI')

    await backend.dispatch('vendors.add', { name: 'Local' })
    backend.checkExternalWrites()
    expect(events).toEqual([{ origin: 'external' }, { origin: 'local', method: 'vendors.add' }])
  })

  it('answers app.info with the schema and where the data lives', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    expect(value(await backend.dispatch('app.info', undefined))).toMatchObject({
      dbPath,
      schemaVersion: LATEST_SCHEMA_VERSION,
      sqliteVersion: expect.stringMatching(/^3\./),
    })
  })
})
