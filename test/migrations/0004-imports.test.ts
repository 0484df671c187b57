import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection, type Connection } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'
import { tempDir } from '../backend/helpers'

const at4 = async (): Promise<Connection> => {
  const db = openConnection(join(tempDir(), 'v.db'))
  await migrate(db, MIGRATIONS.slice(0, 4), () => Promise.resolve())
  db.prepare("INSERT INTO vendors (id, name, recorded_at) VALUES (1, 'OpenAI', 0)").run()
  db.prepare(
    "INSERT INTO accounts (id, vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (1, 1, 'API', 'USD', 'USD', 'UTC', 0)",
  ).run()
  return db
}

const usage = (db: Connection, occurredAt: number, externalId: string | null) =>
  db
    .prepare('INSERT INTO usage (account_id, occurred_at, amount, external_id, recorded_at) VALUES (1, ?, 5, ?, 0)')
    .run(occurredAt, externalId)

describe('0004 imports', () => {
  it('refuses the same imported row twice, but keeps any number of rows entered by hand', async () => {
    const db = await at4()
    usage(db, 1000, 'req_1')
    expect(() => usage(db, 1000, 'req_1')).toThrow(/UNIQUE/)
    usage(db, 1000, 'req_2')
    usage(db, 1000, null)
    usage(db, 1000, null)
    const inserted = db
      .prepare(
        'INSERT OR IGNORE INTO usage (account_id, occurred_at, amount, external_id, recorded_at) VALUES (1, 1000, 5, ?, 0)',
      )
      .run('req_1')
    expect(inserted.changes).toBe(0)
    expect(db.prepare('SELECT count(*) AS n FROM usage').get()).toEqual({ n: 4 })
    db.close()
  })

  it('dates a payment by a local date or an instant, exactly one of them', async () => {
    const db = await at4()
    const pay = (paidOn: string | null, paidAt: number | null, key: string) =>
      db
        .prepare(
          `INSERT INTO payments (vendor_id, paid_on, paid_at, amount, currency, descriptor, purpose, external_id, recorded_at)
           VALUES (1, ?, ?, 20000000, 'USD', 'OPENAI *CHATGPT SUBSCR', 'subscription', ?, 0)`,
        )
        .run(paidOn, paidAt, key)
    pay('2026-03-31', null, 'a')
    pay(null, 1000, 'b')
    expect(() => pay(null, null, 'c')).toThrow(/CHECK/)
    expect(() => pay('2026-03-31', 1000, 'd')).toThrow(/CHECK/)
    expect(() => pay('2026-02-30', null, 'e')).toThrow(/CHECK/)
    expect(() => pay('2026-03-31', null, 'a')).toThrow(/UNIQUE/)
    db.close()
  })

  it('journals user edits of merchant rules and saved mappings, but not the import bookkeeping', async () => {
    const db = await at4()
    db.prepare("INSERT INTO batches (id, kind, label, created_at, changed_at) VALUES (1, 'manual', 'x', 0, 0)").run()
    db.prepare('UPDATE journal_state SET batch_id = 1, journaling = 1').run()
    db.prepare(
      "INSERT INTO merchant_rules (pattern, vendor_id, purpose, recorded_at) VALUES ('OPENAI *API', 1, 'purchase', 0)",
    ).run()
    expect(() =>
      db
        .prepare(
          "INSERT INTO merchant_rules (pattern, vendor_id, purpose, recorded_at) VALUES ('openai *api', 1, 'purchase', 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/)
    db.prepare(
      "INSERT INTO import_profiles (name, header_fingerprint, mapping, recorded_at) VALUES ('My bank', 'abc', '{}', 0)",
    ).run()
    const tables = db.prepare('SELECT tbl FROM batch_changes ORDER BY seq').all()
    expect(tables).toEqual([{ tbl: 'merchant_rules' }, { tbl: 'import_profiles' }])
    db.close()
  })
})
