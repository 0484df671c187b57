import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** undo, redo, undo list, export, restore, backup restore, preset list/show — as the built CLI runs them. */

interface Envelope<T> {
  readonly ok: boolean
  readonly data: T
  readonly error?: { code: string; message: string; fields: Record<string, string> }
}

describe('credit-ledger (built out/main/cli.js): history, export, restore, presets', () => {
  let dir: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-history-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  /** A fresh database in its own folder (so backups do not mix). */
  const fresh = () => join(dir, `ledger-${String(++n)}`, 'ledger.db')
  const on = (db: string) => ({
    cli: (...args: string[]) => runCli(['--db', db, ...args]),
    json: async <T>(...args: string[]): Promise<T> => {
      const res = await runCli(['--db', db, ...args, '--json'])
      expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
      return (JSON.parse(res.stdout) as Envelope<T>).data
    },
  })

  it('lists the commands with help, and exits 2 on usage errors', async () => {
    const help = await runCli(['--help'])
    for (const name of [
      'undo',
      'undo list',
      'redo',
      'export',
      'restore',
      'backup restore',
      'preset list',
      'preset show',
    ]) {
      expect(help.stdout).toContain(name)
    }
    for (const [command, option] of [
      ['export', '--entity NAME'],
      ['undo list', '--limit N'],
      ['backup restore', 'NAME'],
      ['preset show', 'ID'],
      ['restore', 'FILE'],
    ] as const) {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res.stdout, command).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout, command).toContain(option)
    }
    const { cli } = on(fresh())
    for (const args of [
      ['undo', 'extra'],
      ['undo', 'list', '--limit', 'x'],
      ['export', '--format', 'xml'],
      ['export', '--format', 'csv'],
      ['export', '--entity', 'lots'],
      ['restore'],
      ['backup', 'restore'],
      ['preset', 'show'],
      ['preset', 'list', 'x'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr).toContain('Usage: credit-ledger')
    }
  })

  it('undo, redo and undo list', async () => {
    const { cli, json } = on(fresh())
    expect((await cli('undo')).stderr).toContain('credit-ledger undo: There is nothing to undo')
    await json('vendor', 'add', 'OpenAI')
    await json('vendor', 'add', 'Anthropic')
    const list = await json<{ id: number; state: string; label: string; createdAt: string }[]>('undo', 'list')
    expect(list.map((batch) => [batch.id, batch.state, batch.label])).toEqual([
      [2, 'done', 'Add a vendor'],
      [1, 'done', 'Add a vendor'],
    ])
    expect(list[0]?.createdAt).toMatch(/Z$/)
    expect(await cli('undo')).toMatchObject({
      code: 0,
      stdout: 'Undid batch 2: Add a vendor (1 change); `credit-ledger redo` redoes it\n',
    })
    expect((await json<{ name: string }[]>('vendor', 'list')).map((vendor) => vendor.name)).toEqual(['OpenAI'])
    expect((await cli('undo', 'list')).stdout).toMatch(
      /^ID\s+STATE\s+KIND\s+WHEN \(UTC\)\s+CHANGES\s+WHAT\n\s*2\s+undone\s+manual/,
    )
    expect(await json('redo')).toMatchObject({ id: 2, state: 'done', changes: 1 })
    const none = await cli('redo', '--json')
    expect(none.code).toBe(1)
    expect(JSON.parse(none.stdout)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'There is nothing to redo.' },
    })
    expect(await json('undo', 'list', '--limit', '1')).toHaveLength(1)
  })

  it('export JSON to stdout and to a file, restore it into an empty database, refuse a non-empty one', async () => {
    const source = on(fresh())
    await source.json('vendor', 'add', '=OpenAI')
    await source.json(
      ...['account', 'add', '--vendor', '1', '--name', 'API', '--unit', 'USD', '--currency', 'USD', '--zone', 'UTC'],
    )
    const stdout = await source.cli('export')
    expect(stdout).toMatchObject({ code: 0, stderr: '' })
    const document = JSON.parse(stdout.stdout) as { format: string; tables: Record<string, unknown[]> }
    expect(document).toMatchObject({ format: 'credit-ledger-export', version: 2, schemaVersion: expect.any(Number) })
    expect(document.tables.vendors).toEqual([expect.objectContaining({ id: 1, name: '=OpenAI' })])
    expect((await source.json<{ format: string }>('export')).format).toBe('credit-ledger-export')

    const file = join(dir, `export-${String(n)}.json`)
    expect(await source.json('export', '--out', file)).toMatchObject({
      file,
      format: 'json',
      rows: { vendors: 1, accounts: 1, batches: 2 },
      bytes: expect.any(Number) as unknown,
    })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...document, exportedAt: expect.any(String) as unknown })

    const target = on(fresh())
    const restored = await target.cli('restore', file)
    expect(restored.code).toBe(0)
    expect(restored.stdout).toContain(`Restored 4 rows from ${file} as batch 3`)
    expect(await target.json('account', 'list')).toEqual(await source.json('account', 'list'))
    expect(await target.json('undo')).toMatchObject({
      kind: 'restore',
      label: expect.stringContaining('Restore') as unknown,
    })
    expect(await target.json('vendor', 'list')).toEqual([])

    const refused = await source.cli('restore', file, '--json')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const missing = await target.cli('restore', join(dir, 'nope.json'))
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toContain('credit-ledger restore: FILE: Cannot read')
  })

  it('export CSV: escaped cells, CRLF records, an --out file, an unknown entity named on --entity', async () => {
    const { cli, json } = on(fresh())
    await json('vendor', 'add', '=HYPERLINK("x"),1', '--website', 'https://example.com')
    const csv = await cli('export', '--format', 'csv', '--entity', 'vendors')
    expect(csv.code).toBe(0)
    expect(csv.stdout).toMatch(
      /^id,name,website,recorded_at,source\r\n1,"'=HYPERLINK\(""x""\),1",https:\/\/example\.com,\d{4}-.+Z,manual\r\n$/,
    )
    expect(await json('export', '--format', 'csv', '--entity', 'vendors')).toMatchObject({
      entity: 'vendors',
      rows: 1,
      fileName: 'credit-ledger-vendors.csv',
      text: csv.stdout,
    })
    const file = join(dir, `vendors-${String(n)}.csv`)
    expect(await cli('export', '--format', 'csv', '--entity', 'vendors', '--out', file)).toMatchObject({
      code: 0,
      stdout: `Exported 1 row of vendors to ${file}\n`,
    })
    expect(readFileSync(file, 'utf8')).toBe(csv.stdout)
    const bad = await cli('export', '--format', 'csv', '--entity', 'secrets')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('credit-ledger export: --entity: Entity is one of')
  })

  it('backup restore NAME brings a backup back and keeps the current database as a backup first', async () => {
    const { cli, json } = on(fresh())
    await json('vendor', 'add', 'Kept')
    await json('backup')
    await json('vendor', 'add', 'Later')
    const [backup] = await json<{ file: string }[]>('backup', 'list')
    const name = basename(backup?.file ?? '')
    const res = await cli('backup', 'restore', name)
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`Restored ${name}`)
    expect(res.stdout).toMatch(/kept as ledger-\d{8}T\d{9}Z-before-restore\.db/)
    expect((await json<{ name: string }[]>('vendor', 'list')).map((vendor) => vendor.name)).toEqual(['Kept'])
    expect(await json('backup', 'list')).toHaveLength(2)
    const unknown = await cli('backup', 'restore', '../ledger.db')
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('backup restore: NAME: No backup named ../ledger.db')
  })

  it('preset list and preset show ID', async () => {
    const { cli, json } = on(fresh())
    const presets = await json<{ id: string; kind: string }[]>('preset', 'list')
    expect(presets).toContainEqual(expect.objectContaining({ id: 'openrouter', kind: 'credit', vendor: 'OpenRouter' }))
    expect((await cli('preset', 'list')).stdout).toMatch(/^ID\s+KIND\s+VERSION\s+SOURCED\s+ASSUMED\s+VENDOR\s+NAME\n/)
    const shown = await cli('preset', 'show', 'openrouter')
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('OpenRouter credits (openrouter, credit preset, version 1)')
    expect(shown.stdout).toContain('lots.purchase.expiry = {"kind":"after","duration":"P365D"}')
    expect(shown.stdout).toContain('ASSUMED: the expiry zone is not stated')
    expect(await json('preset', 'show', 'openrouter')).toMatchObject({
      id: 'openrouter',
      rules: expect.any(Array) as unknown,
    })
    const unknown = await cli('preset', 'show', 'nope')
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('preset show: ID: No preset with id nope')
  })
})
