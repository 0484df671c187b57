import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** Instants leave the CLI as ISO 8601 in UTC with a Z (issue 4 §6). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('credit-ledger (built out/main/cli.js): vendors, accounts, units, backups', () => {
  let dir: string
  let db: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-catalog-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  /** A fresh database (in its own folder, so backups do not mix) per test. */
  const fresh = () => (db = join(dir, `ledger-${String(++n)}`, 'ledger.db'))
  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  /** The `data` of a successful `--json` run (its envelope checked on the way). */
  const json = async <T>(...args: string[]): Promise<T> => {
    const res = await cli(...args, '--json')
    expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
    const document = JSON.parse(res.stdout) as { ok: boolean; data: T }
    expect(document.ok).toBe(true)
    return document.data
  }

  it('lists the commands in usage, with help for each group and each command', async () => {
    const help = await runCli(['--help'])
    for (const name of ['vendor add', 'vendor edit', 'account add', 'account list', 'unit list', 'backup list']) {
      expect(help.stdout).toContain(name)
    }
    expect((await runCli(['vendor', '--help'])).stdout).toMatch(/vendor add[\s\S]*vendor list[\s\S]*vendor remove/)
    for (const [command, option] of [
      ['vendor add', '--website URL'],
      ['vendor edit', '--name NAME'],
      ['account add', '--zone ZONE'],
      ['account list', '--vendor ID'],
      ['account edit', '--currency CUR'],
      ['unit list', '--db PATH'],
      ['backup', '--db PATH'],
      ['backup list', '--json'],
    ] as const) {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res.code, command).toBe(0)
      expect(res.stdout).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout).toContain(option)
    }
  })

  it('exits 2 with usage for wrong word counts, a non-numeric id, no changes or an unknown subcommand', async () => {
    fresh()
    for (const args of [
      ['vendor'],
      ['vendor', 'add'],
      ['vendor', 'add', 'A', 'B'],
      ['vendor', 'list', 'extra'],
      ['vendor', 'edit', '--name', 'X'],
      ['vendor', 'remove'],
      ['vendor', 'remove', '1', '2'],
      ['vendor', 'remove', 'one'],
      ['account', 'add', 'extra'],
      ['account', 'list', '--vendor', 'x'],
      ['account', 'edit', '1'],
      ['account', 'remove'],
      ['unit', 'list', 'USD'],
      ['unit', 'frob'],
      ['backup', 'frob'],
      ['backup', 'list', 'extra'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stdout).toBe('')
      expect(res.stderr).toContain('Usage: credit-ledger')
    }
  })

  it('round trip: add a vendor and an account, list, edit, refuse removing a vendor with accounts, remove', async () => {
    fresh()
    const added = await cli('vendor', 'add', 'Anthropic', '--website', 'https://anthropic.com')
    expect(added).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Added vendor Anthropic (id 1) https://anthropic.com\n',
    })
    const openai = await json<{ id: number; name: string; website: string | null }>('vendor', 'add', 'OpenAI')
    expect(openai).toMatchObject({ id: 2, name: 'OpenAI', website: null })

    const account = await json<{ id: number }>(
      'account',
      'add',
      '--vendor',
      '1',
      '--name',
      'Main',
      '--unit',
      'USD',
      '--currency',
      'usd',
      '--zone',
      'America/Los_Angeles',
    )
    expect(account).toMatchObject({ id: 1, vendorId: 1, vendorName: 'Anthropic', name: 'Main', currency: 'USD' })

    const vendors = await json<{ createdAt: string }[]>('vendor', 'list')
    expect(vendors).toMatchObject([
      { id: 1, name: 'Anthropic', website: 'https://anthropic.com', accountCount: 1, createdAt: ISO_INSTANT },
      { id: 2, name: 'OpenAI', website: null, accountCount: 0, createdAt: ISO_INSTANT },
    ])
    expect(Math.abs(Date.parse(vendors[0]?.createdAt ?? '') - Date.now())).toBeLessThan(60_000)
    expect(await json('account', 'list')).toMatchObject([
      { id: 1, vendorId: 1, name: 'Main', unitId: 'USD', currency: 'USD', timeZone: 'America/Los_Angeles' },
    ])
    expect(await json('account', 'list', '--vendor', '2')).toEqual([])
    expect((await cli('vendor', 'list')).stdout).toBe(
      [
        'ID  NAME       ACCOUNTS  WEBSITE',
        ' 1  Anthropic         1  https://anthropic.com',
        ' 2  OpenAI            0',
        '',
      ].join('\n'),
    )
    expect((await cli('account', 'list')).stdout).toBe(
      [
        'ID  VENDOR     NAME  UNIT  CURRENCY  ZONE',
        ' 1  Anthropic  Main  USD   USD       America/Los_Angeles',
        '',
      ].join('\n'),
    )

    expect(await json('vendor', 'edit', '1', '--name', 'Anthropic PBC')).toMatchObject({ id: 1, name: 'Anthropic PBC' })
    expect(await json('account', 'edit', '1', '--name', 'Org', '--zone', 'UTC', '--currency', 'eur')).toMatchObject({
      id: 1,
      vendorName: 'Anthropic PBC',
      name: 'Org',
      unitId: 'USD',
      currency: 'EUR',
      timeZone: 'UTC',
    })

    const refused = await cli('vendor', 'remove', '1')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('credit-ledger vendor remove: Anthropic PBC still has 1 account')
    expect(await json('vendor', 'list')).toHaveLength(2)

    expect(await cli('account', 'remove', '1')).toMatchObject({ code: 0, stdout: 'Removed account 1\n' })
    expect(await json('vendor', 'remove', '1')).toEqual({ id: 1 })
    expect(await json('vendor', 'list')).toMatchObject([{ id: 2, name: 'OpenAI' }])
    expect((await cli('account', 'list')).stdout).toBe('No accounts.\n')
    const gone = await cli('vendor', 'remove', '1')
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('No vendor with id 1')
  })

  it('bad input → field messages on stderr named as typed, exit 1, nothing written', async () => {
    fresh()
    const vendor = await cli('vendor', 'add', '  ', '--website', 'http://example.com')
    expect(vendor.code).toBe(1)
    expect(vendor.stdout).toBe('')
    expect(vendor.stderr).toContain('vendor add: NAME: Name is required')
    expect(vendor.stderr).toContain('--website: Website must start with https://')
    expect(await json('vendor', 'list')).toEqual([])

    expect((await cli('vendor', 'add', 'Anthropic')).code).toBe(0)
    expect((await cli('vendor', 'add', 'Anthropic')).stderr).toContain(
      'NAME: A vendor named “Anthropic” already exists',
    )
    expect((await cli('vendor', 'edit', '1')).stderr).toContain('--name: Name is required')

    const account = await cli(
      'account',
      'add',
      '--vendor',
      '1',
      '--name',
      '',
      '--unit',
      'USD',
      '--currency',
      'EURO',
      '--zone',
      'Mars/Olympus',
    )
    expect(account.code).toBe(1)
    expect(account.stdout).toBe('')
    expect(account.stderr).toContain('--name: Name is required')
    expect(account.stderr).toContain('--currency: Currency is a 3-letter ISO 4217 code')
    expect(account.stderr).toContain('--zone: Unknown time zone')
    const missing = await cli('account', 'add', '--vendor', '1')
    expect(missing.code).toBe(1)
    for (const message of ['--unit: Unit is required', '--currency: Currency is required', '--zone: Time zone is']) {
      expect(missing.stderr).toContain(message)
    }
    const unknownUnit = await cli(
      ...['account', 'add', '--vendor', '1', '--name', 'Main', '--unit', 'zorkmids', '--currency', 'USD'],
      ...['--zone', 'UTC'],
    )
    expect(unknownUnit).toMatchObject({ code: 1, stderr: expect.stringContaining('--unit: Unknown unit') })
    expect((await cli('account', 'edit', '7', '--zone', 'UTC')).stderr).toContain('No account with id 7')
    expect(await json('account', 'list')).toEqual([])
  })

  it('unit list: the built-in units in a table and in --json', async () => {
    fresh()
    const units = await json<{ id: string; kind: string; scale: number; builtIn: boolean }[]>('unit', 'list')
    expect(units).toContainEqual(expect.objectContaining({ id: 'USD', kind: 'money', scale: 6, builtIn: true }))
    const text = await cli('unit', 'list')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^ID\s+KIND\s+SCALE\s+BUILT-IN\s+LABEL\n/)
    expect(text.stdout).toMatch(/\nUSD\s+money\s+6\s+yes\s+US dollar\n/)
  })

  it('backup: takes a backup that backup list shows, in text and --json', async () => {
    fresh()
    expect((await cli('vendor', 'add', 'Anthropic')).code).toBe(0)
    expect((await cli('backup', 'list')).stdout).toBe('No backups.\n')

    const text = await cli('backup')
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toMatch(/^Backed up to .*backups.*\.db \(\d+(\.\d)? (B|KiB|MiB)\)\n$/)
    const taken = await json<{ file: string; takenAt: string; bytes: number }>('backup')
    expect(existsSync(taken.file)).toBe(true)
    expect(taken.bytes).toBeGreaterThan(0)
    expect(taken.takenAt).toMatch(ISO_INSTANT)
    expect(Math.abs(Date.parse(taken.takenAt) - Date.now())).toBeLessThan(60_000)

    const list = await json<{ file: string; takenAt: string; bytes: number }[]>('backup', 'list')
    expect(list[0]).toEqual(taken)
    expect(list.map((backup) => backup.file)).toContain(taken.file)
    const table = await cli('backup', 'list')
    expect(table.stdout).toMatch(/^TAKEN \(UTC\)\s+SIZE\s+FILE\n/)
    expect(table.stdout).toContain(taken.file)
    expect(table.stdout).toContain(taken.takenAt)
  })
})
