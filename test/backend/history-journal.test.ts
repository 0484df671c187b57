import { describe, expect, it } from 'vitest'
import { JOURNALED_TABLES } from '../../electron/backend/history/journaled-tables'
import { openLedger } from './history-fixture'

/**
 * The undo journal is written by triggers that list every column by hand (migration 0003). A migration that adds a
 * column, or a table, without recreating the triggers would make undo silently lose that column: these tests fail
 * first.
 */

/** Tables that are not facts: the history itself and a cache. Everything else must be journaled. */
// The reminder log and its events record what the user was shown: undoing a ledger change must not un-show it.
const NOT_JOURNALED = [
  'batches',
  'batch_changes',
  'journal_state',
  'checkpoints',
  'reminder_log',
  'reminder_events',
  'scheduler_lease',
  'calendar_feeds',
]

describe('the undo journal triggers', () => {
  it('journal every table that holds user data, keyed by its primary key', async () => {
    const { sql } = await openLedger()
    const tables = (
      sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string
      }[]
    ).map((row) => row.name)
    expect(tables.filter((name) => !NOT_JOURNALED.includes(name)).sort()).toEqual(Object.keys(JOURNALED_TABLES).sort())
    for (const [table, key] of Object.entries(JOURNALED_TABLES)) {
      const pk = (sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[]).filter(
        (column) => column.pk > 0,
      )
      expect(
        pk.map((column) => column.name),
        table,
      ).toEqual([key])
    }
  })

  it.each(Object.keys(JOURNALED_TABLES))('%s: each trigger names every column of PRAGMA table_info', async (table) => {
    const { sql } = await openLedger()
    const columns = (sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
    const triggerSql = (op: string): string => {
      const row = sql
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
        .get(`${table}_journal_${op}`) as { sql: string } | undefined
      expect(row, `${table}_journal_${op}`).toBeDefined()
      return row?.sql ?? ''
    }
    const images = { insert: ['NEW'], update: ['OLD', 'NEW'], delete: ['OLD'] } as const
    for (const [op, sides] of Object.entries(images)) {
      const text = triggerSql(op)
      for (const side of sides) {
        for (const column of columns) expect(text, `${table}_journal_${op}`).toContain(`'${column}', ${side}.${column}`)
        // Exactly the table's columns, none left over from an older shape.
        const named = [...text.matchAll(new RegExp(`'(\\w+)', ${side}\\.(\\w+)`, 'g'))].map((match) => match[2])
        expect(new Set(named), `${table}_journal_${op} ${side}`).toEqual(new Set(columns))
      }
    }
  })
})
