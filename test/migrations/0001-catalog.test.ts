import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { MIGRATIONS } from '../../electron/backend/db/migrations-bundle'
import { tempDir } from '../backend/helpers'

const at = async (version: number) => {
  const db = openConnection(join(tempDir(), 'v.db'))
  await migrate(db, MIGRATIONS.slice(0, version), () => Promise.resolve())
  return db
}

describe('0001 catalog', () => {
  it('ships built-in units with their declared scales', async () => {
    const db = await at(1)
    const units = db.prepare('SELECT id, kind, scale FROM units WHERE built_in = 1 ORDER BY id').all()
    expect(units).toContainEqual({ id: 'USD', kind: 'money', scale: 6 })
    expect(units).toContainEqual({ id: 'credits', kind: 'credit', scale: 0 })
    expect(units).toContainEqual({ id: 'tokens', kind: 'token', scale: 0 })
    db.close()
  })

  it('enforces unit kinds and scales, unique names and references', async () => {
    const db = await at(1)
    expect(() =>
      db.prepare("INSERT INTO units (id, kind, scale, label, recorded_at) VALUES ('x', 'gold', 0, 'X', 0)").run(),
    ).toThrow(/CHECK/)
    expect(() =>
      db.prepare("INSERT INTO units (id, kind, scale, label, recorded_at) VALUES ('x', 'credit', 7, 'X', 0)").run(),
    ).toThrow(/CHECK/)
    db.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('OpenAI', 0)").run()
    expect(() => db.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('openai', 0)").run()).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (42, 'a', 'USD', 'USD', 'UTC', 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('keeps a vendor while an account points at it', async () => {
    const db = await at(1)
    db.prepare("INSERT INTO vendors (id, name, recorded_at) VALUES (1, 'Anthropic', 0)").run()
    db.prepare(
      "INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (1, 'Org', 'USD', 'USD', 'UTC', 0)",
    ).run()
    expect(() => db.prepare('DELETE FROM vendors WHERE id = 1').run()).toThrow(/FOREIGN KEY/)
    db.close()
  })
})
