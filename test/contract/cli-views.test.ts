import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Balances, LotHistory, SpendReport, SubscriptionsReport, Timeline } from '@shared/api/types/views'
import { openConnection } from '../../electron/backend/db/connection'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/**
 * The view commands on the built CLI (out/main/cli.js): balance, buckets, timeline, expiring, forecast, history,
 * notices, report, report subscriptions. The ledger is written with SQL beside the CLI (as an import would), since
 * the views must not depend on the write-side commands; instants are fixed in the past or relative to the real now.
 */

const DAY = 86_400_000
const iso = (at: number) => new Date(at).toISOString()

describe('credit-ledger (built out/main/cli.js): views', () => {
  let dir: string
  let db: string
  const now = Date.now()
  const soon = now + 10 * DAY
  beforeAll(async () => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-views-'))
    db = join(dir, 'ledger.db')
    // The CLI creates the file and its schema; the facts go in with SQL.
    expect((await runCli(['--db', db, 'vendor', 'add', 'OpenAI'])).code).toBe(0)
    expect(
      (
        await runCli([
          '--db',
          db,
          'account',
          'add',
          '--vendor',
          '1',
          '--name',
          'API',
          '--unit',
          'USD',
          '--currency',
          'USD',
          '--zone',
          'UTC',
        ])
      ).code,
    ).toBe(0)
    expect(
      (
        await runCli([
          '--db',
          db,
          'account',
          'add',
          '--vendor',
          '1',
          '--name',
          'Plus',
          '--unit',
          'credits',
          '--currency',
          'USD',
          '--zone',
          'UTC',
        ])
      ).code,
    ).toBe(0)
    const sql = openConnection(db)
    try {
      const batch = Number(
        sql.prepare("INSERT INTO batches (kind, label, created_at, changed_at) VALUES ('import', 'test', 0, 0)").run()
          .lastInsertRowid,
      )
      const lot = sql.prepare(
        `INSERT INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at, expiry_kind,
         expires_at, priority, recorded_at, source, batch_id) VALUES (?, ?, 'paid', ?, ?, 'USD', ?, ?, ?, 50, 0, 'import', ?)`,
      )
      lot.run(1, 'purchase', 100_000_000, 100_000_000, Date.UTC(2026, 9, 1), 'never', null, batch)
      // the promo arrives after the usage, so it is whole now and drawn next (it expires soonest)
      lot.run(1, 'promo', 20_000_000, 0, Date.UTC(2026, 9, 5), 'at', soon, batch)
      const usage = sql.prepare(
        "INSERT INTO usage (account_id, occurred_at, amount, tags, recorded_at, source, batch_id) VALUES (?, ?, ?, ?, 0, 'import', ?)",
      )
      usage.run(1, Date.UTC(2026, 9, 2), 12_500_000, '["project:site"]', batch)
      usage.run(1, Date.UTC(2026, 9, 3), 17_500_000, '[]', batch)
      sql
        .prepare(
          `INSERT INTO programs (account_id, name, kind, anchor_local, anchor_zone, interval, amount_per_period, cost_basis,
           cost_amount, cost_currency, lot, rollover, rolled, rolled_lost_on_end, recorded_at, source, batch_id)
           VALUES (2, 'Plus', 'allowance', '2026-01-01T00:00:00.000', 'UTC', 'P1Y', 1000, 'per_period', 240000000, 'USD',
           '{"kind":"subscription","funding":"paid","priority":10,"tags":[],"expiry":"period"}', '{"mode":"none"}',
           '{"periods":1,"priority":20}', 0, 0, 'import', ?)`,
        )
        .run(batch)
    } finally {
      sql.close()
    }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  const json = async <T>(...args: string[]): Promise<T> => {
    const res = await cli(...args, '--json')
    expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
    const document = JSON.parse(res.stdout) as { ok: boolean; data: T }
    expect(document.ok).toBe(true)
    return document.data
  }

  it('lists the view commands, each with its own help', async () => {
    const help = await runCli(['--help'])
    for (const name of ['balance', 'buckets', 'timeline', 'expiring', 'forecast', 'history', 'notices', 'report']) {
      expect(help.stdout).toContain(`  ${name} `)
    }
    for (const [command, option] of [
      ['balance', '--at ISO'],
      ['buckets', '--account ID'],
      ['timeline', '--from ISO'],
      ['expiring', '--within DURATION'],
      ['forecast', '--horizon DURATION'],
      ['history', '--at ISO'],
      ['notices', '--to ISO'],
      ['report', '--by GROUP'],
      ['report subscriptions', '--at ISO'],
    ] as const) {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res.code, command).toBe(0)
      expect(res.stdout).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout).toContain(option)
    }
  })

  it('balance: an aligned table with decimal amounts and units, totals, and the --json envelope', async () => {
    const text = await cli('balance')
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toMatch(/ID\s+ACCOUNT\s+BALANCE\s+REMAINING\s+DEBT\s+VALUE\s+LOTS/)
    expect(text.stdout).toMatch(/1\s+OpenAI \/ API\s+90\.00 USD\s+90\.00 USD\s+0\.00 USD/)
    expect(text.stdout).toContain('Total in USD:')

    const data = await json<Balances>('balance', '--account', '1')
    expect(data.accounts[0]?.balance).toEqual({ value: '90.00', minor: '90000000', unit: 'USD' })
    expect(data.accounts[0]?.lots.map((lot) => [lot.id, lot.remaining.value])).toEqual([
      ['L1', '70.00'],
      ['L2', '20.00'],
    ])
    const past = await json<Balances>('balance', '--at', '2026-10-02T12:00:00Z', '--account', '1')
    expect(past.accounts[0]?.balance.value).toBe('87.50')
    const lots = await cli('balance', '--account', '1')
    expect(lots.stdout).toMatch(/LOT\s+KIND\s+STATUS\s+GRANTED/)
    expect(lots.stdout).toMatch(/L1\s+purchase\s+active\s+100\.00 USD\s+30\.00 USD/)
  })

  it('buckets, timeline, expiring, forecast and notices answer in text and JSON', async () => {
    const buckets = await cli('buckets', '--account', '1')
    expect(buckets.stdout).toContain('Drawn in this order:')
    // the promo expires soonest: it is drawn next
    expect(buckets.stdout).toMatch(/1\s+L2\s+promo\s+20\.00 USD.*next/)

    const timeline = await json<Timeline>('timeline', '--from', '2026-09-01T00:00:00Z', '--to', iso(now + 30 * DAY))
    expect(timeline.bars.map((bar) => bar.lotId)).toEqual(expect.arrayContaining(['L1', 'L2', 'P1#0']))
    expect(timeline.markers.some((marker) => marker.type === 'expiry' && marker.lotId === 'L2')).toBe(true)
    expect((await cli('timeline', '--from', '2026-09-01T00:00:00Z')).stdout).toMatch(/ACCOUNT\s+LOT\s+KIND\s+FROM\s+TO/)

    const expiring = await cli('expiring', '--within', 'P30D')
    expect(expiring.code).toBe(0)
    expect(expiring.stdout).toMatch(/L2\s+promo\s+20\.00 USD/)
    const forecast = await cli('forecast', '--account', '1')
    expect(forecast.stdout).toContain('OpenAI / API (id 1)')
    expect(forecast.stdout).toContain('Pace:')
    expect((await cli('notices')).stdout).toBe('No notices.\n')
  })

  it('history LOT: the lot, its history and the usage it paid', async () => {
    const history = await json<LotHistory>('history', 'L1')
    expect(history.lot.consumed.value).toBe('30.00')
    expect(history.paid.map((usage) => [usage.usageId, usage.amount.value, usage.tags])).toEqual([
      ['U1', '12.50', ['project:site']],
      ['U2', '17.50', []],
    ])
    const text = await cli('history', '1')
    expect(text.stdout).toContain('Lot L1 of OpenAI / API: purchase, active')
    expect(text.stdout).toMatch(/Usage paid: 2 part\(s\), 30\.00 USD/)
  })

  it('report: spend and usage grouped; report subscriptions: the cost per month', async () => {
    const months = await json<SpendReport>('report', '--by', 'month', '--from', '2026-01-01T00:00:00Z')
    expect(months.spend.rows.map((row) => [row.key, row.amounts.map((a) => a.value)])).toEqual([
      ['2026-01', ['240.00']],
      ['2026-10', ['100.00']],
    ])
    const projects = await cli('report', '--by', 'project')
    expect(projects.stdout).toMatch(/site\s+12\.50 USD\s+1/)
    expect(projects.stdout).toMatch(/\(no project\)\s+17\.50 USD\s+1/)
    const subscriptions = await json<SubscriptionsReport>('report', 'subscriptions')
    expect(subscriptions.plans.map((plan) => [plan.name, plan.perMonth?.value])).toEqual([['Plus', '20.00']])
    expect((await cli('report', 'subscriptions')).stdout).toMatch(
      /Plus \(P1\)\s+OpenAI \/ Plus\s+P1Y\s+240\.00 USD\s+20\.00 USD/,
    )
  })

  it('names the flag at fault: bad values exit 1, malformed command lines exit 2', async () => {
    const badWithin = await cli('expiring', '--within', '30 days')
    expect(badWithin).toMatchObject({ code: 1, stdout: '' })
    expect(badWithin.stderr).toContain('credit-ledger expiring: --within: Within must be an ISO 8601 duration')
    const badAt = await cli('balance', '--at', 'yesterday')
    expect(badAt.stderr).toContain('--at: At must be an ISO 8601 date or date-time')
    const missing = await cli('balance', '--account', '99', '--json')
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No account with id 99', fields: { accountId: 'No account with id 99' } },
    })
    expect((await cli('report', '--by', 'week')).stderr).toContain(
      '--by: By is month, year, vendor, account, project or tag',
    )
    expect((await cli('history', 'X1')).stderr).toContain('LOT: Lot must be a lot id such as L12, 12 or P3#5')
    expect((await cli('history', 'L99')).stderr).toContain('LOT: No lot L99')
    for (const args of [
      ['history'],
      ['balance', '--account', 'one'],
      ['balance', 'extra'],
      ['timeline', '--frm', 'x'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr).toContain('Usage: credit-ledger')
    }
  })
})
