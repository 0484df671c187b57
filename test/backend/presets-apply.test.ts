import { describe, expect, it } from 'vitest'
import { replay } from '../../shared/ledger/replay'
import { loadFacts } from '../../electron/backend/ledger/load-facts'
import { openConnection } from '../../electron/backend/db/connection'
import { openTestBackend, tempDir, value } from './helpers'
import { join } from 'node:path'

/** presets.apply (issue 4 §2): one step from a vendor preset to an account that replays the vendor's rules. */

const setup = async () => {
  const dbPath = join(tempDir(), 'ledger.db')
  const backend = await openTestBackend(dbPath)
  return { backend, dbPath, db: () => openConnection(dbPath) }
}

type Applied = { vendorId: number; accounts: { id: number; unitId: string }[]; lots: number[]; plans: number[] }

describe('presets.apply', () => {
  it('makes the OpenAI API account with two purchases expiring one year after each, free credits first', async () => {
    const { backend, db } = await setup()
    const applied = value(
      await backend.dispatch('presets.apply', {
        presetId: 'openai-api',
        purchases: [
          { effectiveAt: '2026-02-28T12:00:00Z', amount: '50' },
          { effectiveAt: '2026-06-15T08:30:00Z', amount: '20.5' },
        ],
      }),
    ) as Applied
    expect(applied.lots).toHaveLength(2)
    const conn = db()
    const rows = conn
      .prepare('SELECT amount, cost_amount, expiry_kind, expiry_duration, source FROM lots ORDER BY id')
      .all()
    expect(rows).toEqual([
      { amount: 50_000_000, cost_amount: 50_000_000, expiry_kind: 'after', expiry_duration: 'P1Y', source: 'preset' },
      { amount: 20_500_000, cost_amount: 20_500_000, expiry_kind: 'after', expiry_duration: 'P1Y', source: 'preset' },
    ])
    const account = conn.prepare('SELECT drawdown, preset_id FROM accounts').get()
    expect(account).toEqual({ drawdown: 'free_first', preset_id: 'openai-api' })
    const facts = loadFacts(conn, applied.accounts[0]?.id ?? 0)
    if (facts === undefined) throw new Error('no facts')
    const result = replay(facts, { until: Date.UTC(2027, 1, 28, 12, 0, 1) })
    // The first purchase expired on 2027-02-28 12:00 UTC (one year after), the second is still whole.
    expect(result.balance.balance).toBe(20_500_000)
    expect(result.lots.find((lot) => lot.granted === 50_000_000)?.expired).toBe(50_000_000)
    conn.close()
  })

  it('is one undoable batch of kind preset', async () => {
    const { backend, db } = await setup()
    value(
      await backend.dispatch('presets.apply', {
        presetId: 'openai-api',
        purchases: [{ effectiveAt: '2026-06-01', amount: '10' }],
      }),
    )
    const conn = db()
    expect(conn.prepare('SELECT kind, method FROM batches').all()).toEqual([
      { kind: 'preset', method: 'presets.apply' },
    ])
    expect(
      conn.prepare("SELECT count(*) AS n FROM batch_changes WHERE tbl IN ('vendors', 'accounts', 'lots')").get(),
    ).toEqual({ n: 3 })
    conn.close()
  })

  it('names the missing input as a field and writes nothing', async () => {
    const { backend, db } = await setup()
    const result = await backend.dispatch('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2026-06-01' }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { amount: expect.any(String) } } })
    const unknown = await backend.dispatch('presets.apply', { presetId: 'nope' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { presetId: expect.any(String) } } })
    const wrongKind = await backend.dispatch('presets.apply', { presetId: 'chatgpt-plus', purchases: [] })
    expect(wrongKind).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { purchases: expect.any(String) } },
    })
    const conn = db()
    expect(conn.prepare('SELECT (SELECT count(*) FROM vendors) + (SELECT count(*) FROM accounts) AS n').get()).toEqual({
      n: 0,
    })
    conn.close()
  })

  it('applies a Kreator annual plan released monthly with its price split over twelve periods', async () => {
    const { backend, db } = await setup()
    const applied = value(
      await backend.dispatch('presets.apply', {
        presetId: 'kreator',
        plans: [{ template: 'annual', start: '2026-01-31T10:00:00Z', amountPerPeriod: '1000', price: '120' }],
      }),
    ) as Applied
    const conn = db()
    const facts = loadFacts(conn, applied.accounts[0]?.id ?? 0)
    if (facts === undefined) throw new Error('no facts')
    const result = replay(facts, { until: Date.UTC(2026, 2, 15) })
    // Jan 31 and Feb 28 releases happened; the Feb lot is live, the Jan one reset at its period end.
    const live = result.lots.filter((lot) => lot.status === 'active')
    expect(live).toHaveLength(1)
    expect(live[0]?.cost).toEqual({ amount: 10_000_000, currency: 'USD' })
    expect(result.balance.balance).toBe(1000)
    conn.close()
  })

  it('applies a subscription as a plan without credits and gives each allowance its own account', async () => {
    const { backend, db } = await setup()
    const applied = value(
      await backend.dispatch('presets.apply', { presetId: 'github-copilot', plan: 'pro', start: '2026-03-31' }),
    ) as Applied
    expect(applied.accounts).toHaveLength(2)
    const conn = db()
    const plans = conn.prepare('SELECT amount_per_period, cost_amount FROM programs ORDER BY id').all() as {
      amount_per_period: number
      cost_amount: number | null
    }[]
    expect(plans[0]).toEqual({ amount_per_period: 0, cost_amount: 10_000_000 })
    expect(plans[1]?.amount_per_period).toBeGreaterThan(0)
    // The plain subscription is not a ledger fact: the money account replays empty.
    const money = loadFacts(conn, applied.accounts[0]?.id ?? 0)
    expect(money?.programs).toEqual([])
    conn.close()
  })
})
