import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

/** Raw key/value rows; what a value means (and its default) is the settings service's business. */
export const settingsRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    all: (): Map<string, string> =>
      new Map(
        (prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((row) => [
          row.key,
          row.value,
        ]),
      ),
    put: (key: string, value: string, recordedAt: number): void => {
      prepare(
        `INSERT INTO settings (key, value, recorded_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at`,
      ).run(key, value, recordedAt)
    },
  }
}
