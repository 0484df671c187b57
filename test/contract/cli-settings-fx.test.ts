import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/settings/schemas'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

describe('credit-ledger (built out/main/cli.js): settings and fx', () => {
  let dir: string
  let db: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-fx-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  /** A fresh database per test, so the tests do not depend on each other's order. */
  const fresh = () => (db = join(dir, `ledger-${String(++n)}.db`))
  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  /** The `data` of a `--json` answer, after checking it is the success envelope. */
  const data = (stdout: string): unknown => {
    const document = JSON.parse(stdout) as { ok: boolean; data: unknown }
    expect(document.ok).toBe(true)
    return document.data
  }

  it('lists the two-word commands in usage, with help for each group and each command', async () => {
    const help = await runCli(['--help'])
    for (const name of ['settings get', 'settings set', 'fx add', 'fx list']) expect(help.stdout).toContain(name)
    expect((await runCli(['fx', '--help'])).stdout).toMatch(/fx add[\s\S]*fx list/)
    for (const [command, option] of [
      ['settings get', '--db PATH'],
      ['settings set', '--reminder-hour H'],
      ['fx add', '--date YYYY-MM-DD'],
      ['fx list', '--base CODE'],
    ] as const) {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res.code, command).toBe(0)
      expect(res.stdout).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout).toContain(option)
    }
  })

  it('exits 2 with usage for a group without a subcommand, an unknown subcommand, stray words or no options', async () => {
    fresh()
    for (const args of [
      ['settings'],
      ['fx', 'frob'],
      ['settings', 'get', 'extra'],
      ['fx', 'add', 'EUR'],
      ['settings', 'set'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stdout).toBe('')
      expect(res.stderr).toContain('Usage: credit-ledger')
    }
  })

  it('settings: defaults, then a change, in text and --json', async () => {
    fresh()
    const text = await cli('settings', 'get')
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toMatch(
      /^Home currency\s+USD\nTime zone\s+UTC\nReminder hour\s+9 \(09:00\)\nQuiet hours\s+none\n/,
    )
    expect(text.stdout).toContain(
      'Reminders       expiry 30d, 7d, 1d before; renewal 3d; trial 3d, 1d; usage 75%, 85%, 90%, 100%',
    )
    expect(text.stdout).toMatch(/Tray icon\s+on\nStart at login\s+off\nClosing window\s+ask once\n$/)

    const set = await cli(
      'settings',
      'set',
      '--home-currency',
      'eur',
      '--time-zone',
      'Europe/Berlin',
      '--reminder-hour',
      '8',
      '--json',
    )
    expect(set.code).toBe(0)
    expect(data(set.stdout)).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'EUR',
      timeZone: 'Europe/Berlin',
      reminderHour: 8,
    })
    const partial = await cli('--json', 'settings', 'set', '--reminder-hour', '23')
    expect(data(partial.stdout)).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'EUR',
      timeZone: 'Europe/Berlin',
      reminderHour: 23,
    })
  })

  it('settings set: quiet hours, tray, start at login and close-to-tray, and their field errors', async () => {
    fresh()
    const set = await cli(
      '--json',
      'settings',
      'set',
      '--quiet-hours',
      '22:00-7:00',
      '--tray',
      'off',
      '--start-at-login',
      'on',
      '--close-to-tray',
      'tray',
    )
    expect(data(set.stdout)).toMatchObject({
      quietHours: { start: '22:00', end: '07:00' },
      trayIcon: false,
      startAtLogin: true,
      closeToTray: 'tray',
    })
    expect((await cli('settings', 'get')).stdout).toContain('Quiet hours     22:00–07:00')
    expect(data((await cli('--json', 'settings', 'set', '--quiet-hours', 'off')).stdout)).toMatchObject({
      quietHours: null,
    })
    const bad = await cli('settings', 'set', '--quiet-hours', '25:00-07:00', '--tray', 'maybe')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--quiet-hours: Quiet hours start must be a time from 00:00 to 23:59')
    expect(bad.stderr).toContain('--tray: Tray icon is true or false')
  })

  it('settings set: bad values → one message per option on stderr, exit 1, nothing written', async () => {
    fresh()
    const bad = await cli(
      'settings',
      'set',
      '--home-currency',
      'EURO',
      '--time-zone',
      'Mars/Olympus',
      '--reminder-hour',
      'eight',
    )
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('--home-currency: Currency is a 3-letter ISO 4217 code')
    expect(bad.stderr).toContain('--time-zone: Unknown time zone')
    expect(bad.stderr).toContain('--reminder-hour: Reminder hour must be a whole number from 0 to 23')
    expect((await cli('settings', 'set', '--reminder-hour', '24')).stderr).toContain('from 0 to 23')
    expect(data((await cli('settings', 'get', '--json')).stdout)).toEqual({
      ...DEFAULT_SETTINGS,
      homeCurrency: 'USD',
      timeZone: 'UTC',
      reminderHour: 9,
    })
  })

  it('fx add and fx list: exact rates, newest first, filtered, in text and --json', async () => {
    fresh()
    const added = await cli('fx', 'add', 'eur', 'usd', '1.084200', '--date', '2026-11-01')
    expect(added).toMatchObject({ code: 0, stderr: '', stdout: 'Added 2026-11-01  1 EUR = 1.0842 USD (id 1)\n' })
    const json = await cli('fx', 'add', 'EUR', 'USD', '1.09', '--date', '2026-12-01', '--json')
    expect(data(json.stdout)).toEqual({
      id: 2,
      base: 'EUR',
      quote: 'USD',
      rate: '1.09',
      effectiveDate: '2026-12-01',
    })
    expect((await cli('fx', 'add', 'USD', 'JPY', '151.25', '--date', '2026-11-15')).code).toBe(0)

    const list = await cli('fx', 'list')
    expect(list.stdout).toBe(
      ['2026-12-01  1 EUR = 1.09 USD', '2026-11-15  1 USD = 151.25 JPY', '2026-11-01  1 EUR = 1.0842 USD', ''].join(
        '\n',
      ),
    )
    const base = data((await cli('fx', 'list', '--base', 'usd', '--json')).stdout) as { quote: string }[]
    expect(base.map((rate) => rate.quote)).toEqual(['JPY'])
    const quote = data((await cli('--json', 'fx', 'list', '--quote', 'USD')).stdout) as unknown[]
    expect(quote).toHaveLength(2)
    expect((await cli('fx', 'list', '--base', 'GBP')).stdout).toBe('No exchange rates.\n')
  })

  it('fx add: bad input and duplicates → field messages on stderr named as typed, exit 1, nothing written', async () => {
    fresh()
    const bad = await cli('fx', 'add', 'EU', 'USD', '1,08', '--date', '2026-02-30')
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('BASE: Currency is a 3-letter ISO 4217 code')
    expect(bad.stderr).toContain('RATE: Rate "1,08" has a comma')
    expect(bad.stderr).toContain('--date: Date is not a real calendar date')
    expect((await cli('fx', 'add', 'EUR', 'USD', '0', '--date', '2026-11-01')).stderr).toContain(
      'RATE: Rate must be greater than 0',
    )
    expect((await cli('fx', 'add', 'EUR', 'USD', '1.08')).stderr).toContain('--date: Date is required')
    expect((await cli('fx', 'list', '--base', 'euro')).stderr).toContain('--base: Currency is a 3-letter')

    expect((await cli('fx', 'add', 'EUR', 'USD', '1.08', '--date', '2026-11-01')).code).toBe(0)
    const again = await cli('fx', 'add', 'EUR', 'USD', '1.10', '--date', '2026-11-01')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('--date: A EUR→USD rate for 2026-11-01 already exists (1.08)')
    expect(data((await cli('fx', 'list', '--json')).stdout)).toHaveLength(1)
  })
})
