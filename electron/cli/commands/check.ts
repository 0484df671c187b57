import { existsSync } from 'node:fs'
import type { ApiError } from '@shared/api/result'
import { describeStatus, startBackend } from '../backend'
import { defineCommand } from '../command'
import { respond } from '../respond'

/** What `check --json` answers when the database is fine. */
export interface CheckReport {
  readonly db: string
  readonly schemaVersion: number
}

/**
 * `check`: open the database the way the app does, with PRAGMA quick_check (DESIGN §7: only here and at app or
 * serve start, since it costs ~140 ms at 1M rows), and report. Exit 1 on any problem so scripts can act on it.
 */
export const checkCommand = defineCommand({
  summary: 'Check the database (integrity, schema version); exit 1 on problems',
  synopsis: '',
  options: {},
  run: async (context) => {
    const answer = { human: (report: CheckReport) => [`ok: ${report.db} (schema version ${report.schemaVersion})`] }
    // Checking must not create a database where there was none: that would report "ok" about nothing.
    if (!existsSync(context.dbPath)) {
      const error: ApiError = { code: 'NOT_FOUND', message: `No database at ${context.dbPath} (nothing to check).` }
      return respond(context, 'check', { ok: false, error }, answer)
    }
    const backend = await startBackend(context, { quickCheck: true, dailyBackup: false, externalPollMs: 0 })
    const status = backend.status
    await backend.close()

    if (status.state === 'ok') {
      return respond(
        context,
        'check',
        { ok: true, value: { db: context.dbPath, schemaVersion: status.schemaVersion } },
        answer,
      )
    }
    // The same codes a contract call on this file answers, so scripts can treat both alike.
    const code = status.state === 'corrupt' ? 'DB_CORRUPT' : 'DB_TOO_NEW'
    const message = [`problems: ${context.dbPath}`, ...describeStatus(status)].join('\n')
    return respond(context, 'check', { ok: false, error: { code, message } }, answer)
  },
})
