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

const insertRate = (db: Awaited<ReturnType<typeof at>>, base: string, quote: string, rateE9: unknown, date: string) =>
  db
    .prepare('INSERT INTO fx_rates (base, quote, rate_e9, effective_date, recorded_at) VALUES (?, ?, ?, ?, 0)')
    .run(base, quote, rateE9, date)

describe('0002 settings and FX rates', () => {
  it('keeps one value per settings key, as text', async () => {
    const db = await at(2)
    db.prepare("INSERT INTO settings (key, value, recorded_at) VALUES ('homeCurrency', '\"EUR\"', 0)").run()
    expect(() =>
      db.prepare("INSERT INTO settings (key, value, recorded_at) VALUES ('homeCurrency', '\"GBP\"', 0)").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => db.prepare("INSERT INTO settings (key, value, recorded_at) VALUES ('', 'x', 0)").run()).toThrow(
      /CHECK/,
    )
    expect(() => db.prepare("INSERT INTO settings (key, recorded_at) VALUES ('timeZone', 0)").run()).toThrow(/NOT NULL/)
    db.close()
  })

  it('stores rates as positive integers at scale 9, defaulting the source to manual', async () => {
    const db = await at(2)
    insertRate(db, 'EUR', 'USD', 1_084_200_000, '2026-11-01')
    expect(db.prepare('SELECT rate_e9, source FROM fx_rates').get()).toEqual({
      rate_e9: 1_084_200_000,
      source: 'manual',
    })
    for (const bad of [0, -1])
      expect(() => insertRate(db, 'EUR', 'GBP', bad, '2026-11-01'), String(bad)).toThrow(/CHECK/)
    // STRICT: a float or text rate is refused instead of being stored approximately
    expect(() => insertRate(db, 'EUR', 'GBP', 1.5, '2026-11-01')).toThrow(/cannot store REAL/)
    expect(() => insertRate(db, 'EUR', 'GBP', 'abc', '2026-11-01')).toThrow(/cannot store TEXT/)
    db.close()
  })

  it.each([
    ['eur', 'USD', '2026-11-01'],
    ['EURO', 'USD', '2026-11-01'],
    ['EUR', 'US1', '2026-11-01'],
    ['EUR', 'EUR', '2026-11-01'],
    ['EUR', 'USD', '2026-02-30'],
    ['EUR', 'USD', '2026-13-01'],
    ['EUR', 'USD', '2026-1-01'],
    ['EUR', 'USD', '01/11/2026'],
  ])('refuses %s/%s on %s', async (base, quote, date) => {
    const db = await at(2)
    expect(() => insertRate(db, base, quote, 1_000_000_000, date)).toThrow(/CHECK/)
    db.close()
  })

  it('allows one rate per pair and day, and finds the latest on or before a date through the index', async () => {
    const db = await at(2)
    insertRate(db, 'EUR', 'USD', 1_080_000_000, '2026-10-01')
    insertRate(db, 'USD', 'EUR', 925_000_000, '2026-10-01')
    expect(() => insertRate(db, 'EUR', 'USD', 1_090_000_000, '2026-10-01')).toThrow(/UNIQUE/)
    const sql =
      'SELECT rate_e9 FROM fx_rates WHERE base = ? AND quote = ? AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1'
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('EUR', 'USD', '2026-10-15') as { detail: string }[]
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING (COVERING )?INDEX/)
    expect(plan.map((row) => row.detail).join('\n')).not.toMatch(/TEMP B-TREE/)
    expect(db.prepare(sql).get('EUR', 'USD', '2026-10-15')).toEqual({ rate_e9: 1_080_000_000 })
    db.close()
  })
})
