import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** The fact commands of the built CLI (out/main/cli.js): plans, auto-recharge, lots, usage, rates, observations. */

interface Envelope<T> {
  readonly ok: boolean
  readonly data: T
  readonly error: { code: string; message: string; fields: Record<string, string> }
}

// Each test runs a dozen CLI processes (each starts the worker): give them room on a loaded machine.
describe('credit-ledger fact commands (built out/main/cli.js)', { timeout: 60_000 }, () => {
  let dir: string
  let db: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-facts-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  /** The `data` of a successful `--json` run, its envelope and exit code checked. */
  const json = async <T>(...args: string[]): Promise<T> => {
    const res = await cli(...args, '--json')
    expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
    const document = JSON.parse(res.stdout) as Envelope<T>
    expect(document.ok).toBe(true)
    return document.data
  }
  /** The error of a failed `--json` run (exit 1, one document on stdout). */
  const jsonError = async (...args: string[]) => {
    const res = await cli(...args, '--json')
    expect(res.code, args.join(' ')).toBe(1)
    const document = JSON.parse(res.stdout) as Envelope<unknown>
    expect(document.ok).toBe(false)
    return document.error
  }
  /** A fresh database with a vendor, a USD account (1, Los Angeles) and a credits account (2, Berlin). */
  const fresh = async () => {
    db = join(dir, `ledger-${String(++n)}.db`)
    expect((await cli('vendor', 'add', 'Acme')).code).toBe(0)
    const usd = ['--name', 'API', '--unit', 'USD', '--currency', 'USD', '--zone', 'America/Los_Angeles']
    expect((await cli('account', 'add', '--vendor', '1', ...usd)).code).toBe(0)
    const credits = ['--name', 'Plan', '--unit', 'credits', '--currency', 'EUR', '--zone', 'Europe/Berlin']
    expect((await cli('account', 'add', '--vendor', '1', ...credits)).code).toBe(0)
  }

  it('lists every fact command in help, with its options', async () => {
    const help = await runCli(['--help'])
    for (const name of [
      'plan add',
      'plan cancel',
      'recharge edit',
      'lot expire-at',
      'usage list',
      'rate add',
      'observe',
    ]) {
      expect(help.stdout).toContain(name)
    }
    for (const [command, option] of [
      ['plan add', '--rollover RULE'],
      ['plan edit', '--correction'],
      ['recharge add', '--confirm-within DUR'],
      ['lot add', '--expires-after DUR'],
      ['lot expire-at', 'ID EXPIRES'],
      ['usage list', '--cursor C'],
      ['rate add', '--fraction N/D'],
      ['observe list', '--account ID'],
      ['account edit', '--overdraft-plan ID'],
    ] as const) {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res.code, command).toBe(0)
      expect(res.stdout).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout).toContain(option)
    }
  })

  it('exits 2 on argument errors, with a USAGE document under --json', async () => {
    await fresh()
    for (const args of [
      ['lot', 'void', 'x'],
      ['lot', 'expire-at', '1'],
      ['lot', 'add', '--account', '1', '--amount', '1', '--expires', 'never', '--expires-after', 'P1Y'],
      ['lot', 'add', '--account', '1', '--amount', '1', '--priority', 'high'],
      ['lot', 'add', '--account', '1', '--amount', '1', '--currency', 'USD'],
      ['lot', 'add', '--account', '1', '--amount', '1', '--expires', 'period'],
      ['plan', 'add', '--account', '1', '--rollover', 'half'],
      ['plan', 'edit', '1'],
      ['plan', 'cancel', '1'],
      ['recharge', 'remove'],
      ['usage', 'list', '--limit', 'ten'],
      ['rate', 'add', '--fraction', '1:2'],
      ['account', 'edit', '1', '--overdraft-limit', '5'],
      ['observe', 'list', 'extra'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stdout).toBe('')
      expect(res.stderr).toContain('Usage: credit-ledger')
    }
    const usage = await cli('lot', 'void', 'x', '--json')
    expect(usage.code).toBe(2)
    expect(JSON.parse(usage.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } })
  })

  it('account add/edit: drawdown order and overdraft rule, in the JSON envelope', async () => {
    await fresh()
    const account = await json<{ id: number }>(
      ...['account', 'add', '--vendor', '1', '--name', 'Org', '--unit', 'USD', '--currency', 'USD', '--zone', 'UTC'],
      ...['--drawdown', 'free_first', '--overdraft', 'limit', '--overdraft-limit', '5.5'],
    )
    expect(account).toMatchObject({
      id: 3,
      drawdown: 'free_first',
      overdraft: { mode: 'limit', limit: { value: '5.50', minor: '5500000', unit: 'USD' }, billedWith: null },
    })
    const refused = await cli('account', 'edit', '3', '--overdraft', 'limit', '--overdraft-plan', '9')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('account edit: --overdraft-plan: Choose a plan of this account')
    const plan = await json<{ id: number }>(
      ...['plan', 'add', '--account', '3', '--name', 'Seats', '--kind', 'allowance', '--start', '2026-01-01T00:00Z'],
      ...['--amount', '100'],
    )
    const billed = await json('account', 'edit', '3', '--overdraft', 'unlimited', '--overdraft-plan', String(plan.id))
    expect(billed).toMatchObject({ overdraft: { mode: 'unlimited', billedWith: plan.id } })
    expect((await cli('account', 'edit', '3', '--drawdown', 'default')).stdout).toBe(
      'Changed account Acme / Org (id 3): USD, billed in USD, UTC; unlimited overdraft, overage billed with plan 1\n',
    )
    expect(await jsonError('account', 'add', '--vendor', '1', '--name', 'X', '--unit', 'USD')).toMatchObject({
      code: 'VALIDATION',
      fields: { currency: 'Currency is required' },
    })
  })

  it('plan add/list/edit/cancel: text and JSON, a correction needed once a plan runs', async () => {
    await fresh()
    const added = await cli(
      ...['plan', 'add', '--account', '2', '--name', 'Pro', '--kind', 'allowance', '--anchor', '2026-01-31T00:00'],
      ...[
        '--amount',
        '1000',
        '--price',
        '20',
        '--currency',
        'EUR',
        '--rollover',
        'capped:500',
        '--tag',
        'seat:a,team:b',
      ],
    )
    expect(added).toMatchObject({
      code: 0,
      stderr: '',
      stdout:
        'Added plan 1 “Pro” (allowance) on account 2: 1000 credits every P1M from 2026-01-30T23:00:00.000Z ' +
        '(Europe/Berlin), 20.00 EUR per period\n',
    })
    const [plan] = await json<Record<string, unknown>[]>('plan', 'list', '--account', '2')
    expect(plan).toMatchObject({
      anchorLocal: '2026-01-31T00:00:00.000',
      rollover: { mode: 'capped', cap: { value: '500' } },
      lot: { tags: ['seat:a', 'team:b'], expiry: { kind: 'period' } },
    })
    const table = await cli('plan', 'list')
    expect(table.stdout).toMatch(/^ID\s+ACCOUNT\s+NAME\s+KIND\s+AMOUNT\s+EVERY\s+FROM\s+ENDS\s+EXPIRES\s+PRICE\n/)
    expect(table.stdout).toContain('Pro   allowance  1000 credits  P1M')

    const refused = await cli('plan', 'edit', '1', '--amount', '1200')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('plan edit: --correction: Plan 1 has been running since')
    expect(await json('plan', 'edit', '1', '--amount', '1200', '--correction', '--keep-rolled')).toMatchObject({
      amountPerPeriod: { value: '1200' },
      rolledLostOnEnd: false,
    })
    expect(
      await jsonError(
        'plan',
        'add',
        '--account',
        '2',
        '--name',
        'X',
        '--kind',
        'daily',
        '--amount',
        '1.5',
        '--start',
        '2026-01-01',
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { amount: expect.stringContaining('decimal places') },
    })
    const cancelled = await cli('plan', 'cancel', '1', '--at', '2026-06-01T00:00Z')
    expect(cancelled.stdout).toBe(
      'Plan 1 “Pro” is cancelled at 2026-06-01T00:00:00.000Z: no period starts at or after it\n',
    )
    expect(await json('plan', 'cancel', '1', '--resume')).toMatchObject({ endsAt: null })
    expect(await jsonError('plan', 'cancel', '7', '--resume')).toMatchObject({
      code: 'NOT_FOUND',
      fields: { id: 'No plan with id 7' },
    })
  })

  it('recharge add/list/edit/remove', async () => {
    await fresh()
    const added = await cli(
      ...['recharge', 'add', '--account', '1', '--threshold', '5', '--amount', '20', '--max-count', '3'],
      ...['--from', '2026-01-01T00:00Z', '--unit-price', '1', '--currency', 'USD'],
    )
    expect(added.stdout).toBe(
      'Added auto-recharge rule 1 on account 1: at or below 5.00 USD, buy 20.00 USD (at most 3× a month), ' +
        'from 2026-01-01T00:00:00.000Z\n',
    )
    expect(await json('recharge', 'list', '--account', '1')).toMatchObject([
      {
        id: 1,
        threshold: { value: '5.00' },
        unitPrice: { price: { value: '1.00', unit: 'USD' } },
        confirmWithin: 'PT24H',
      },
    ])
    expect((await cli('recharge', 'list')).stdout).toMatch(/^ID\s+ACCOUNT\s+THRESHOLD\s+MODE\s+AMOUNT\s+MAX\/MONTH/)
    expect(
      await json('recharge', 'edit', '1', '--mode', 'target', '--max-count', 'none', '--until', '2026-12-31'),
    ).toMatchObject({
      mode: 'target',
      monthlyMaxCount: null,
      enabledUntil: '2026-12-31T00:00:00.000Z',
    })
    const bad = await cli('recharge', 'edit', '1', '--until', '2025-01-01T00:00Z')
    expect(bad).toMatchObject({ code: 1, stdout: '' })
    expect(bad.stderr).toContain('recharge edit: --until: Enabled until must be after enabled from')
    expect((await cli('recharge', 'remove', '1')).stdout).toBe('Removed auto-recharge rule 1\n')
    expect(await jsonError('recharge', 'remove', '1')).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lot add/list/void/retract/expire-at, with times without an offset read in the zone setting', async () => {
    await fresh()
    expect((await cli('settings', 'set', '--time-zone', 'Asia/Tokyo')).code).toBe(0)
    const lot = await json<{ id: number; effectiveAt: string; expiresAt: string }>(
      ...['lot', 'add', '--account', '1', '--amount', '41.20', '--cost', '41.20', '--currency', 'usd'],
      ...['--at', '2026-03-01T09:00', '--expires-after', 'P1Y', '--tag', 'model:gpt-4o'],
    )
    expect(lot).toMatchObject({
      effectiveAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2027-03-01T00:00:00.000Z',
      amount: { value: '41.20', minor: '41200000', unit: 'USD' },
      cost: { value: '41.20', unit: 'USD' },
      tags: ['model:gpt-4o'],
    })
    const promo = await cli(
      'lot',
      'add',
      '--account',
      '2',
      '--amount',
      '500',
      '--kind',
      'promo',
      '--at',
      '2026-03-01T00:00Z',
    )
    expect(promo.stdout).toBe(
      'Added lot 2 on account 2: 500 credits promo (promotional, cost 0.00 EUR), effective 2026-03-01T00:00:00.000Z, expires never\n',
    )
    expect((await cli('lot', 'void', '1', '--at', '2026-04-01T00:00Z', '--clawback')).stdout).toBe(
      'Voided lot 1 from 2026-04-01T00:00:00.000Z (clawback)\n',
    )
    expect((await cli('lot', 'expire-at', '1', '2026-12-01T00:00Z', '--at', '2026-04-02T00:00Z')).stdout).toBe(
      'Lot 1 now expires 2026-12-01T00:00:00.000Z (changed at 2026-04-02T00:00:00.000Z)\n',
    )
    expect((await cli('lot', 'retract', '2', '--note', 'typo')).stdout).toBe(
      'Retracted lot 2 (500 credits): it no longer counts\n',
    )
    expect(await jsonError('lot', 'retract', '2')).toMatchObject({
      code: 'CONFLICT',
      fields: { id: expect.stringContaining('retracted') },
    })
    expect(await jsonError('lot', 'void', '9')).toMatchObject({ code: 'NOT_FOUND', fields: { id: 'No lot with id 9' } })
    const missing = await cli('lot', 'add', '--account', '9', '--amount', '1')
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toContain('lot add: --account: No account with id 9')

    expect(await json<{ id: number }[]>('lot', 'list')).toMatchObject([
      { id: 1, events: [{ kind: 'void' }, { kind: 'expiry_change' }] },
    ])
    expect(await json<{ id: number }[]>('lot', 'list', '--all', '--account', '2')).toMatchObject([
      { id: 2, retracted: true },
    ])
    const table = await cli('lot', 'list', '--all')
    expect(table.stdout).toMatch(/^ID\s+ACCOUNT\s+KIND\s+AMOUNT\s+COST\s+EFFECTIVE\s+EXPIRES\s+PRI\s+STATE\n/)
    expect(table.stdout).toContain('voided 2026-04-01T00:00:00.000Z')
    expect(table.stdout).toContain('retracted')
  })

  it('usage add/list/remove, rate add/list, observe', async () => {
    await fresh()
    for (const [day, amount] of [
      ['01', '0.1'],
      ['02', '0.2'],
      ['03', '0.0000015'],
    ]) {
      expect(
        (await cli('usage', 'add', '--account', '1', '--amount', amount ?? '', '--at', `2026-01-${day ?? ''}T00:00Z`))
          .code,
      ).toBe(0)
    }
    const page = await json<{ items: { amount: { minor: string } }[]; total: number; nextCursor: string }>(
      ...['usage', 'list', '--account', '1', '--limit', '2'],
    )
    expect(page).toMatchObject({ total: 3, items: [{ amount: { minor: '2' } }, { amount: { minor: '200000' } }] })
    const rest = await cli('usage', 'list', '--account', '1', '--limit', '2', '--cursor', page.nextCursor)
    expect(rest.stdout).toMatch(
      /^ID\s+ACCOUNT\s+OCCURRED\s+AMOUNT\s+ACTION\s+TAGS\n\s+1\s+1\s+2026-01-01T00:00:00.000Z\s+0.10 USD/,
    )
    expect(rest.stdout).toContain('1 of 3 rows\n')

    expect(
      (await cli('rate', 'add', '--account', '2', '--key', 'image', '--from', '2026-01-01T00:00Z', '--amount', '25'))
        .stdout,
    ).toBe('Added rate 1 on account 2: image = 25 credits per 1 from 2026-01-01T00:00:00.000Z\n')
    expect(
      await json(
        'rate',
        'add',
        '--account',
        '1',
        '--key',
        'gpt-4o:input',
        '--from',
        '2026-01-01T00:00Z',
        '--fraction',
        '5/2',
      ),
    ).toMatchObject({
      amount: { minor: '5' },
      per: 2,
    })
    expect(await json('rate', 'list', '--key', 'image')).toMatchObject([
      { key: 'image', amount: { value: '25' }, per: 1 },
    ])
    const priced = await cli(
      'usage',
      'add',
      '--account',
      '2',
      '--action',
      'image',
      '--quantity',
      '3',
      '--at',
      '2026-02-01T00:00Z',
    )
    expect(priced.stdout).toBe(
      'Recorded usage 4 on account 2: 75 credits at 2026-02-01T00:00:00.000Z (3 × image at 25 credits per 1)\n',
    )
    expect(await jsonError('usage', 'add', '--account', '2', '--action', 'video', '--quantity', '1')).toMatchObject({
      code: 'VALIDATION',
      fields: { action: expect.stringContaining('no rate for "video"') },
    })
    expect((await cli('usage', 'remove', '4')).stdout).toBe('Removed usage 4\n')
    expect(await jsonError('usage', 'remove', '4')).toMatchObject({ code: 'NOT_FOUND' })

    const seen = await cli(
      'observe',
      '--account',
      '1',
      '--balance=-3.25',
      '--at',
      '2026-01-10T00:00Z',
      '--tolerance',
      '0.01',
    )
    expect(seen.stdout).toBe(
      'Recorded observed balance 1 on account 1: -3.25 USD at 2026-01-10T00:00:00.000Z (tolerance 0.01 USD)\n',
    )
    expect(await json('observe', 'list', '--account', '1')).toMatchObject([
      { balance: { value: '-3.25', minor: '-3250000' } },
    ])
    expect((await cli('observe', 'list', '--account', '2')).stdout).toBe('No observations.\n')
  })
})
