import { existsSync } from 'node:fs'
import { describeStatus, startBackend } from '../backend'
import { defineCommand } from '../command'

/**
 * `check`: open the database the way the app does, with PRAGMA quick_check (DESIGN §7: only here and at app or
 * serve start, since it costs ~140 ms at 1M rows), and report. Exit 1 on any problem so scripts can act on it.
 */
export const checkCommand = defineCommand({
  summary: 'Check the database (integrity, schema version); exit 1 on problems',
  synopsis: '',
  options: {},
  run: async (context) => {
    // Checking must not create a database where there was none: that would report "ok" about nothing.
    if (!existsSync(context.dbPath)) {
      if (context.json) context.out(JSON.stringify({ ok: false, db: context.dbPath, status: { state: 'missing' } }))
      else context.out(`No database at ${context.dbPath} (nothing to check).`)
      return 1
    }
    const backend = await startBackend(context, { quickCheck: true, dailyBackup: false, externalPollMs: 0 })
    const status = backend.status
    await backend.close()

    const ok = status.state === 'ok'
    if (context.json) {
      context.out(JSON.stringify({ ok, db: context.dbPath, status }))
    } else if (status.state === 'ok') {
      context.out(`ok: ${context.dbPath} (schema version ${status.schemaVersion})`)
    } else {
      context.out(`problems: ${context.dbPath}`)
      for (const line of describeStatus(status)) context.out(line)
    }
    return ok ? 0 : 1
  },
})
