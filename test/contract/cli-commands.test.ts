import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, callApi, PINNED_NODE, ROOT, runCli, signIn, startServe } from '../e2e/serve-fixture'

describe('credit-ledger (built out/main/cli.js): usage, check, runtime guard', () => {
  let dir: string
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints usage on stdout for --help (exit 0) and on stderr for an unknown or missing command (exit 2)', async () => {
    const help = await runCli(['--help'])
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toContain('serve')
    expect(help.stdout).toContain('check')

    for (const args of [['frobnicate'], [], ['--db', 'x.db']]) {
      const bad = await runCli(args)
      expect(bad.code, args.join(' ')).toBe(2)
      expect(bad.stdout).toBe('')
      expect(bad.stderr).toContain('Usage: credit-ledger')
    }
  })

  it('has --help on every command, and rejects unknown options with exit 2', async () => {
    for (const command of ['serve', 'check']) {
      const help = await runCli([command, '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`Usage: credit-ledger ${command}`)
      expect(help.stdout).toContain('--db PATH')
    }
    expect((await runCli(['serve', '--help'])).stdout).toContain('--port N')
    const unknown = await runCli(['check', '--frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--frobnicate')
    expect((await runCli(['serve', '--port', '70000'])).code).toBe(2)
  })

  it('check: exit 1 without creating anything when there is no database', async () => {
    const dbPath = join(dir, 'nothing', 'x.db')
    const res = await runCli(['--db', dbPath, 'check'])
    expect(res).toMatchObject({ code: 1, stdout: '' })
    expect(res.stderr).toContain(`credit-ledger check: No database at ${dbPath}`)
    const json = await runCli(['--db', dbPath, 'check', '--json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(dbPath) as unknown, fields: {} },
    })
    expect(existsSync(dbPath)).toBe(false)
  })

  it('check: ok on a database serve created and wrote to; --json; --db after the command; env fallback', async () => {
    const dbPath = join(dir, 'served', 'x.db')
    const serve = await startServe({ dbPath })
    const cookie = await signIn(serve)
    await callApi(serve, cookie, 'vendors.add', { name: 'Anthropic' })
    expect(await serve.stop()).toBe(0)

    const text = await runCli(['--db', dbPath, 'check'])
    expect(text).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: .*x\.db \(schema version \d+\)\n$/) })
    const json = await runCli(['check', '--json', '--db', dbPath])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      data: { db: dbPath, schemaVersion: expect.any(Number) as unknown },
    })
    const fromEnv = await runCli(['check'], { env: { CREDIT_LEDGER_DB: dbPath } })
    expect(fromEnv).toMatchObject({ code: 0, stdout: expect.stringContaining(dbPath) })
  })

  it('check: reports a damaged file and exits 1', async () => {
    const dbPath = join(dir, 'damaged.db')
    writeFileSync(dbPath, 'this is not an SQLite database, just text that is long enough to be read'.repeat(100))
    const res = await runCli(['--db', dbPath, '--json', 'check'])
    expect(res.code).toBe(1)
    expect(JSON.parse(res.stdout)).toEqual({
      ok: false,
      error: { code: 'DB_CORRUPT', message: expect.stringContaining('integrity check') as unknown, fields: {} },
    })
    const text = await runCli(['--db', dbPath, 'check'])
    expect(text).toMatchObject({ code: 1, stdout: '' })
    expect(text.stderr).toContain(`problems: ${dbPath}`)
  })

  it('re-runs itself on the pinned Node when started on an old one, and refuses clearly when it cannot', () => {
    const oldNode = '/usr/bin/node'
    if (!existsSync(oldNode)) return
    const major = Number(execFileSync(oldNode, ['-p', 'process.versions.node.split(".")[0]']).toString().trim())
    if (major >= 22) return // nothing to prove on a machine whose system Node is new enough
    const cli = join(ROOT, 'out', 'main', 'cli.js')
    const version = execFileSync(oldNode, [cli, '--help'], { encoding: 'utf8' })
    expect(version).toContain('Usage: credit-ledger')

    let failure: { status: number | null; stderr: string } = { status: 0, stderr: '' }
    try {
      // The re-run guard is set, as if the pinned Node were too old as well: it must refuse, not loop or crash.
      execFileSync(oldNode, [cli, '--help'], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, CREDIT_LEDGER_RUNTIME_REEXEC: '1' },
      })
    } catch (error) {
      failure = error as { status: number | null; stderr: string }
    }
    expect(failure.status).toBe(1)
    expect(failure.stderr).toContain('Node >= 22')
    expect(failure.stderr).toContain('npm rebuild node')

    let check: { status: number | null; stderr: string } = { status: 0, stderr: '' }
    try {
      execFileSync(oldNode, [join(ROOT, 'test', 'tools', 'check-runtime.mjs')], { encoding: 'utf8', stdio: 'pipe' })
    } catch (error) {
      check = error as { status: number | null; stderr: string }
    }
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('too old')
  })

  it('package.json wires the launcher as the bin and `npm run cli`', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>
      scripts: Record<string, string>
    }
    expect(pkg.bin).toEqual({ 'credit-ledger': 'electron/cli/credit-ledger.mjs' })
    expect(pkg.scripts.cli).toBe('node electron/cli/credit-ledger.mjs')
    expect(readFileSync(join(ROOT, pkg.bin['credit-ledger'] ?? ''), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  it('the launcher builds a fresh clone first, then runs without building, and rebuilds when a source changes', () => {
    // A clone without out/: the sources and build config, with this checkout's node_modules.
    const clone = join(dir, 'clone')
    for (const path of ['electron', 'shared', 'renderer', 'package.json', 'electron.vite.config.ts', 'tsconfig.json']) {
      cpSync(join(ROOT, path), join(clone, path), { recursive: true })
    }
    mkdirSync(join(clone, 'test'))
    cpSync(join(ROOT, 'test', 'tsconfig.json'), join(clone, 'test', 'tsconfig.json'))
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir')
    // What `npm run cli -- --help` runs there.
    const launch = () =>
      spawnSync(PINNED_NODE, [join(clone, 'electron', 'cli', 'credit-ledger.mjs'), '--help'], {
        cwd: clone,
        encoding: 'utf8',
        timeout: 120_000,
      })

    const first = launch()
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain('building (electron-vite build)')
    expect(first.stdout).toMatch(/^Usage: credit-ledger /)
    expect(existsSync(join(clone, 'out', 'main', 'cli.js'))).toBe(true)

    const again = launch()
    expect(again).toMatchObject({ status: 0, stderr: '', stdout: first.stdout })

    // A source newer than the build (as after `git pull`): the next run rebuilds before running.
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(clone, 'electron', 'cli', 'help.ts'), later, later)
    const stale = launch()
    expect(stale.status, stale.stderr).toBe(0)
    expect(stale.stderr).toContain('building (electron-vite build)')
    expect(stale.stdout).toBe(first.stdout)
  }, 120_000)
})
