import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createBackend } from '../../electron/backend/backend'
import { openConnection } from '../../electron/backend/db/connection'
import { log } from './report'

/**
 * The issue 4 scale ledger: 1,000,000 usage rows over 20 accounts and 2,000 lots across one year, written once with
 * plain SQL (as an import batch would) and cached in test/bench/cache/ (ignored), since generating it takes a while.
 * Bump VERSION when the shape changes so a stale cache is rebuilt.
 */
const VERSION = 2
export const SCALE = { accounts: 20, lotsPerAccount: 100, usagePerAccount: 50_000 } as const
export const SCALE_START = Date.UTC(2025, 10, 22)
export const SCALE_END = Date.UTC(2026, 10, 22)

export const scaleDbFile = async (root: string): Promise<string> => {
  const dir = join(root, 'test/bench/cache')
  const file = join(dir, `scale-v${VERSION}.db`)
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  const building = `${file}.building`
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true })
  log('generating the scale ledger (1M usage rows, 2,000 lots; cached for later runs)…')
  // Migrations run through the backend so the schema is the app's own.
  const backend = await createBackend(
    { dbPath: building, quickCheck: false, dailyBackup: false, appVersion: 'bench' },
    { now: () => SCALE_END },
  )
  backend.close()
  const db = openConnection(building)
  const span = SCALE_END - SCALE_START
  db.transaction(() => {
    db.prepare(
      "INSERT INTO batches (id, kind, label, created_at, changed_at) VALUES (1, 'import', 'bench data', ?, ?)",
    ).run(SCALE_END, SCALE_END)
    const vendor = db.prepare('INSERT INTO vendors (id, name, recorded_at) VALUES (?, ?, 0)')
    const account = db.prepare(
      "INSERT INTO accounts (id, vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (?, ?, ?, 'USD', 'USD', 'UTC', 0)",
    )
    const lot = db.prepare(
      `INSERT INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at, expiry_kind,
       expiry_duration, priority, recorded_at, source, batch_id)
       VALUES (?, 'purchase', 'paid', ?, ?, 'USD', ?, ?, ?, 0, 0, 'import', 1)`,
    )
    const usage = db.prepare(
      "INSERT INTO usage (account_id, occurred_at, amount, recorded_at, source, batch_id) VALUES (?, ?, ?, 0, 'import', 1)",
    )
    for (let v = 1; v <= SCALE.accounts / 2; v += 1) vendor.run(v, `Vendor ${v}`)
    for (let a = 1; a <= SCALE.accounts; a += 1) {
      account.run(a, Math.ceil(a / 2), `Account ${a}`)
      for (let l = 0; l < SCALE.lotsPerAccount; l += 1) {
        const amount = 50_000_000 + ((a * 7919 + l * 104_729) % 50) * 1_000_000
        const after = l % 2 === 0
        lot.run(
          a,
          amount,
          amount,
          SCALE_START + Math.floor((span * l) / SCALE.lotsPerAccount),
          after ? 'after' : 'never',
          after ? 'P1Y' : null,
        )
      }
      for (let u = 0; u < SCALE.usagePerAccount; u += 1) {
        usage.run(
          a,
          SCALE_START + Math.floor((span * u) / SCALE.usagePerAccount),
          1_000 + ((u * 2_654_435_761) % 90_000),
        )
      }
    }
  }).immediate()
  db.close()
  renameSync(building, file)
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true })
  return file
}
