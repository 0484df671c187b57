import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, callApi, ROOT, runCli, signIn, startServe } from '../e2e/serve-fixture'

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
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('No database')
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
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, db: dbPath, status: { state: 'ok' } })
    const fromEnv = await runCli(['check'], { env: { CREDIT_LEDGER_DB: dbPath } })
    expect(fromEnv).toMatchObject({ code: 0, stdout: expect.stringContaining(dbPath) })
  })

  it('check: reports a damaged file and exits 1', async () => {
    const dbPath = join(dir, 'damaged.db')
    writeFileSync(dbPath, 'this is not an SQLite database, just text that is long enough to be read'.repeat(100))
    const res = await runCli(['--db', dbPath, '--json', 'check'])
    expect(res.code).toBe(1)
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, db: dbPath })
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
})
