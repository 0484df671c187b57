import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createBackend, type Backend } from '../../electron/backend/backend'
import type { Clock } from '../../electron/backend/clock'

/** A fresh folder per test, removed afterwards. */
export const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-ledger-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

export const fakeClock = (start = Date.UTC(2026, 10, 22, 9, 0, 0)): Clock & { advance: (ms: number) => void } => {
  let now = start
  return { now: () => now, advance: (ms) => (now += ms) }
}

export const openTestBackend = async (
  dbPath = join(tempDir(), 'ledger.db'),
  clock = fakeClock(),
  overrides: { quickCheck?: boolean; dailyBackup?: boolean } = {},
): Promise<Backend> => {
  const backend = await createBackend(
    { dbPath, quickCheck: true, dailyBackup: false, appVersion: '0.0.0-test', ...overrides },
    clock,
  )
  cleanups.unshift(() => backend.close())
  return backend
}

/** Unwrap an ok Result or fail the test with the error it carried. */
export const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }) => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}
