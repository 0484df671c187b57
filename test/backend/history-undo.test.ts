import { describe, expect, it } from 'vitest'
import type { BatchInfo } from '@shared/api/types/history'
import { dumpTables, insertLot, insertUsage, openLedger, type Ledger } from './history-fixture'

/** Undo and redo (issue 4 §4): exact, in order, one transaction each, only the last 50. */

const T0 = Date.UTC(2026, 0, 1)

const failure = async (ledger: Ledger, method: string) => {
  const result = await ledger.backend.dispatch(method, undefined)
  if (result.ok) throw new Error(`${method} was expected to fail`)
  return result.error
}

/** Run the steps, keeping the full table dump before each one. */
const record = async (ledger: Ledger, steps: readonly (() => unknown)[]) => {
  const before: Record<string, string[]>[] = []
  for (const step of steps) {
    before.push(dumpTables(ledger.sql))
    await Promise.resolve(step())
  }
  return before
}

describe('undo and redo', () => {
  it('undo one by one returns every table to its exact previous content; redo returns to the final content', async () => {
    const ledger = await openLedger()
    const { call, batch, sql } = ledger
    let lot = 0
    const steps = [
      () => call('vendors.add', { name: 'OpenAI', website: 'https://openai.com' }),
      () => call('accounts.add', { vendorId: 1, name: 'API', unitId: 'USD', currency: 'USD', timeZone: 'UTC' }),
      () => call('vendors.rename', { id: 1, name: 'OpenAI Inc' }),
      () => call('settings.set', { homeCurrency: 'EUR' }),
      () => call('settings.set', { homeCurrency: 'CHF', reminderHour: 8 }),
      () => call('fx.add', { base: 'USD', quote: 'EUR', rate: '0.9215', effectiveDate: '2026-01-01' }),
      () => call('units.add', { id: 'gems', kind: 'credit', scale: 2, label: 'Gems' }),
      () => batch('lots', () => (lot = insertLot(sql, 1, { amount: 25_000_000, note: 'first' }))),
      () => batch('usage', () => [1, 2, 3].map((i) => insertUsage(sql, 1, i * 1_000_000, T0 + i * 3_600_000))),
      () => call('accounts.update', { id: 1, name: 'Platform', timeZone: 'Europe/Paris' }),
      () =>
        batch('edit lot and drop usage', () => {
          sql.prepare("UPDATE lots SET note = 'edited', amount = 30000000 WHERE id = ?").run(lot)
          sql.prepare('DELETE FROM usage WHERE id = 2').run()
        }),
      () => call('vendors.add', { name: 'Temp' }),
      () => call('vendors.remove', { id: 2 }),
    ]
    const before = await record(ledger, steps)
    const final = dumpTables(sql)
    expect(final.usage).toHaveLength(2)

    const listed = await call<BatchInfo[]>('history.list')
    expect(listed).toHaveLength(steps.length)
    expect(listed[0]).toMatchObject({
      label: 'Delete a vendor that has no accounts',
      state: 'done',
      method: 'vendors.remove',
    })
    expect(listed.at(-1)).toMatchObject({ label: 'Add a vendor', kind: 'manual', method: 'vendors.add' })
    expect(listed[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    for (let i = steps.length - 1; i >= 0; i -= 1) {
      const undone = await call<BatchInfo>('history.undo')
      expect(undone.state).toBe('undone')
      expect(dumpTables(sql), `after undoing step ${i}`).toEqual(before[i])
    }
    expect((await failure(ledger, 'history.undo')).code).toBe('CONFLICT')

    for (let i = 0; i < steps.length; i += 1) {
      await call('history.redo')
      expect(dumpTables(sql), `after redoing step ${i}`).toEqual(i + 1 < steps.length ? before[i + 1] : final)
    }
    expect((await failure(ledger, 'history.redo')).message).toBe('There is nothing to redo.')
    expect((await call<BatchInfo[]>('history.list')).every((info) => info.state === 'done')).toBe(true)
  })

  it('a new change after undo discards what could have been redone', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('vendors.add', { name: 'B' })
    await ledger.call('vendors.add', { name: 'C' })
    await ledger.call('history.undo')
    await ledger.call('history.undo')
    await ledger.call('vendors.add', { name: 'D' })
    expect((await failure(ledger, 'history.redo')).code).toBe('CONFLICT')
    const states = (await ledger.call<BatchInfo[]>('history.list')).map((info) => [
      info.label,
      info.state,
      info.changes,
    ])
    expect(states).toEqual([
      ['Add a vendor', 'done', 1],
      ['Add a vendor', 'discarded', 0],
      ['Add a vendor', 'discarded', 0],
      ['Add a vendor', 'done', 1],
    ])
    expect((await ledger.call<{ name: string }[]>('vendors.list')).map((vendor) => vendor.name)).toEqual(['A', 'D'])
  })

  it('only the last 50 batches can be undone; older ones are sealed', async () => {
    const ledger = await openLedger()
    for (let i = 1; i <= 53; i += 1) await ledger.call('vendors.add', { name: `V${i}` })
    const listed = await ledger.call<BatchInfo[]>('history.list', { limit: 100 })
    expect(listed).toHaveLength(53)
    expect(listed.slice(50).map((info) => [info.state, info.changes])).toEqual([
      ['sealed', 0],
      ['sealed', 0],
      ['sealed', 0],
    ])
    for (let i = 0; i < 50; i += 1) await ledger.call('history.undo')
    const error = await failure(ledger, 'history.undo')
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('nothing to undo') as unknown })
    expect((await ledger.call<{ name: string }[]>('vendors.list')).map((vendor) => vendor.name)).toEqual([
      'V1',
      'V2',
      'V3',
    ])
    expect(await ledger.call<BatchInfo[]>('history.list', { limit: 2 })).toHaveLength(2)
  })

  it('a mutation that changes nothing, or fails, makes no batch', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('settings.set', {})
    expect((await ledger.backend.dispatch('vendors.add', { name: 'a' })).ok).toBe(false)
    expect((await ledger.backend.dispatch('vendors.remove', { id: 9 })).ok).toBe(false)
    expect(await ledger.call<BatchInfo[]>('history.list')).toHaveLength(1)
  })

  it('rewriting a row with its own values makes no batch', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('vendors.rename', { id: 1, name: 'A' })
    expect(await ledger.call<BatchInfo[]>('history.list')).toHaveLength(1)
  })

  it('a change that changes nothing keeps the redo stack', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('history.undo')
    await ledger.call('settings.set', {})
    await ledger.call('history.redo')
    expect(await ledger.call<unknown[]>('vendors.list')).toHaveLength(1)
  })

  it('an undo that would break a reference rolls back whole and changes nothing', async () => {
    const ledger = await openLedger()
    const { sql } = ledger
    ledger.batch('two vendors', () => {
      sql.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('V2', 0)").run()
      sql.prepare("INSERT INTO vendors (name, recorded_at) VALUES ('V3', 0)").run()
    })
    // Written outside any batch (as no service does): an account that needs V2.
    sql
      .prepare(
        "INSERT INTO accounts (vendor_id, name, unit_id, currency, time_zone, recorded_at) VALUES (1, 'X', 'USD', 'USD', 'UTC', 0)",
      )
      .run()
    const dump = dumpTables(sql)
    const error = await failure(ledger, 'history.undo')
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('Nothing was changed')
    // V3 was deleted first (reverse order) and came back with the rollback.
    expect(dumpTables(sql)).toEqual(dump)
    expect((await ledger.call<BatchInfo[]>('history.list'))[0]?.state).toBe('done')
  })

  it('refuses to undo over a row changed behind the journal’s back', async () => {
    const ledger = await openLedger()
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('vendors.rename', { id: 1, name: 'B' })
    ledger.sql.prepare("UPDATE vendors SET website = 'https://b.example' WHERE id = 1").run()
    const dump = dumpTables(ledger.sql)
    expect((await failure(ledger, 'history.undo')).code).toBe('CONFLICT')
    expect(dumpTables(ledger.sql)).toEqual(dump)
  })

  it('undo drops the checkpoints the reverted facts invalidate', async () => {
    const ledger = await openLedger()
    const { sql } = ledger
    await ledger.call('vendors.add', { name: 'A' })
    await ledger.call('accounts.add', { vendorId: 1, name: 'API', unitId: 'USD', currency: 'USD', timeZone: 'UTC' })
    ledger.batch('usage', () => insertUsage(sql, 1, 5, T0))
    sql
      .prepare(
        "INSERT INTO checkpoints (account_id, processed_before, engine_version, policy, state, recorded_at) VALUES (1, ?, 1, 'p', '{}', 0)",
      )
      .run(T0 + 1000)
    await ledger.call('history.undo')
    expect(sql.prepare('SELECT count(*) AS n FROM checkpoints').get()).toEqual({ n: 0 })
  })
})
