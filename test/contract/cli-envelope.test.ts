import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/settings/schemas'
import { assertBuilt, CLI_FILE, PINNED_NODE, ROOT, runCli } from '../e2e/serve-fixture'

/**
 * Issue 4 §6 for the commands that exist: with --json, stdout carries exactly one JSON document —
 * {"ok":true,"data":…} or {"ok":false,"error":{"code","message","fields"}} — whatever happened; exit 0 ok,
 * 2 usage errors only (their envelope has code USAGE), 1 any other failure; instants are ISO 8601 with a Z.
 */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

type Envelope =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields: Record<string, string> } }

/** stdout must be one JSON document on one line, and nothing else. */
const envelope = (stdout: string): Envelope => {
  expect(stdout.endsWith('\n'), JSON.stringify(stdout)).toBe(true)
  expect(stdout.trimEnd().split('\n'), 'one line on stdout').toHaveLength(1)
  const document = JSON.parse(stdout) as Envelope
  if (document.ok) expect(Object.keys(document).sort()).toEqual(['data', 'ok'])
  else {
    expect(Object.keys(document).sort()).toEqual(['error', 'ok'])
    // details only when the backend gave some (an import's question, a newer database's versions).
    expect(
      Object.keys(document.error)
        .filter((key) => key !== 'details')
        .sort(),
    ).toEqual(['code', 'fields', 'message'])
    expect(document.error.message).not.toBe('')
  }
  return document
}

/** Every property named like an instant (`…At`) anywhere in `data` is ISO 8601 text in UTC. */
const instantsIn = (data: unknown, path = 'data'): [string, unknown][] => {
  if (Array.isArray(data)) return data.flatMap((item, index) => instantsIn(item, `${path}[${index}]`))
  if (typeof data !== 'object' || data === null) return []
  return Object.entries(data).flatMap(([key, value]) =>
    /At$/.test(key) ? [[`${path}.${key}`, value] as [string, unknown]] : instantsIn(value, `${path}.${key}`),
  )
}

/** Run `fn` over `items` with at most `width` at a time (CLI processes on a 2-core machine). */
const inBatches = async <T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>) => {
  for (let index = 0; index < items.length; index += width) await Promise.all(items.slice(index, index + width).map(fn))
}

describe('credit-ledger --json: one envelope on stdout, exit codes 0 / 1 / 2', () => {
  let dir: string
  let db: string
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-envelope-'))
    db = join(dir, 'ledger', 'ledger.db')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const cli = (...args: string[]) => runCli(['--db', db, ...args])

  it('every existing command answers {"ok":true,"data":…} with instants as ISO 8601 and Z', async () => {
    const runs: [string[], (data: unknown) => void][] = [
      [['vendor', 'add', 'Anthropic'], (data) => expect(data).toMatchObject({ id: 1, name: 'Anthropic' })],
      [['vendor', 'add', 'OpenAI'], (data) => expect(data).toMatchObject({ id: 2 })],
      [['vendor', 'list'], (data) => expect(data).toHaveLength(2)],
      [['vendor', 'edit', '2', '--name', 'OpenAI Inc'], (data) => expect(data).toMatchObject({ name: 'OpenAI Inc' })],
      [['vendor', 'remove', '2'], (data) => expect(data).toEqual({ id: 2 })],
      [['unit', 'list'], (data) => expect(data).toContainEqual(expect.objectContaining({ id: 'USD', scale: 6 }))],
      [
        ['settings', 'get'],
        (data) => expect(data).toEqual({ ...DEFAULT_SETTINGS, homeCurrency: 'USD', timeZone: 'UTC', reminderHour: 9 }),
      ],
      [
        ['settings', 'set', '--time-zone', 'Europe/Berlin'],
        (data) => expect(data).toMatchObject({ timeZone: 'Europe/Berlin' }),
      ],
      [
        ['fx', 'add', 'EUR', 'USD', '1.0842', '--date', '2026-11-01'],
        (data) => expect(data).toMatchObject({ rate: '1.0842' }),
      ],
      [['fx', 'list'], (data) => expect(data).toEqual([expect.objectContaining({ rate: '1.0842' })])],
      [['backup'], (data) => expect(data).toMatchObject({ takenAt: expect.stringMatching(ISO_INSTANT) as unknown })],
      [['backup', 'list'], (data) => expect(data).toHaveLength(1)],
      [['check'], (data) => expect(data).toEqual({ db, schemaVersion: expect.any(Number) as unknown })],
    ]
    let instants = 0
    for (const [args, check] of runs) {
      // --json before or after the command words: both are the global flag.
      const res = args.length % 2 === 0 ? await cli('--json', ...args) : await cli(...args, '--json')
      expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
      const document = envelope(res.stdout)
      if (!document.ok) throw new Error(`${args.join(' ')}: ${document.error.message}`)
      check(document.data)
      for (const [path, value] of instantsIn(document.data)) {
        expect(value, `${args.join(' ')}: ${path}`).toMatch(ISO_INSTANT)
        instants++
      }
    }
    expect(instants).toBeGreaterThanOrEqual(4) // vendors' createdAt, backups' takenAt
  }, 120_000)

  it('failures: exit 1 and {"ok":false,"error":{code,message,fields}} on stdout, nothing on stderr', async () => {
    const fresh = join(dir, 'failures', 'ledger.db')
    const run = (...args: string[]) => runCli(['--db', fresh, ...args, '--json'])
    expect((await run('vendor', 'add', 'Anthropic')).code).toBe(0)
    const cases: [string[], string, Record<string, unknown>][] = [
      [
        ['vendor', 'add', ' ', '--website', 'http://x.example'],
        'VALIDATION',
        { name: expect.any(String), website: expect.any(String) },
      ],
      [['vendor', 'add', 'anthropic'], 'CONFLICT', { name: expect.stringContaining('already exists') }],
      [['vendor', 'remove', '42'], 'NOT_FOUND', {}],
      [['vendor', 'edit', '1'], 'VALIDATION', { name: 'Name is required' }],
      [['settings', 'set', '--reminder-hour', '24'], 'VALIDATION', { reminderHour: expect.any(String) }],
      [['fx', 'add', 'EUR', 'USD', '1,08', '--date', '2026-11-01'], 'VALIDATION', { rate: expect.any(String) }],
    ]
    for (const [args, code, fields] of cases) {
      const res = await run(...args)
      expect(res, args.join(' ')).toMatchObject({ code: 1, stderr: '' })
      expect(envelope(res.stdout), args.join(' ')).toEqual({
        ok: false,
        error: { code, message: expect.any(String) as unknown, fields },
      })
    }
  }, 120_000)

  it('a database it cannot use: DB_TOO_NEW / DB_CORRUPT / NOT_FOUND / INTERNAL envelopes, exit 1', async () => {
    const tooNew = join(dir, 'too-new.db')
    const raw = new Database(tooNew)
    raw.pragma('user_version = 999')
    raw.close()
    const damaged = join(dir, 'damaged.db')
    writeFileSync(damaged, 'not a database, only text that is long enough to be looked at'.repeat(100))
    const blocker = join(dir, 'a-file')
    writeFileSync(blocker, '')
    const cases: [string[], string][] = [
      [['--db', tooNew, 'vendor', 'list'], 'DB_TOO_NEW'],
      [['--db', tooNew, 'check'], 'DB_TOO_NEW'],
      [['--db', damaged, 'check'], 'DB_CORRUPT'],
      [['--db', join(dir, 'missing', 'x.db'), 'check'], 'NOT_FOUND'],
      // The database's folder cannot be created (a file is in the way): a failure of the run, not of the arguments.
      [['--db', join(blocker, 'x.db'), 'vendor', 'list'], 'INTERNAL'],
    ]
    await inBatches(cases, 2, async ([args, code]) => {
      const res = await runCli([...args, '--json'])
      expect(res.code, args.join(' ')).toBe(1)
      expect(envelope(res.stdout), args.join(' ')).toMatchObject({ ok: false, error: { code, fields: {} } })
    })
    // What the backend adds for a program to act on travels too: which versions, for a newer database.
    const newer = envelope((await runCli(['--db', tooNew, 'vendor', 'list', '--json'])).stdout)
    expect(newer).toMatchObject({ error: { details: { fileVersion: 999, codeVersion: expect.any(Number) } } })
  }, 120_000)

  it('usage errors: exit 2, the envelope with code USAGE on stdout, the usage on stderr', async () => {
    const cases: string[][] = [
      [],
      ['frobnicate'],
      ['vendor'],
      ['vendor', 'frob'],
      ['vendor', 'add'],
      ['vendor', 'add', 'A', 'B'],
      ['vendor', 'list', '--bogus'],
      ['vendor', 'remove', 'one'],
      ['vendor', 'edit', '-5', '--name', 'X'],
      ['fx', 'add', 'EUR'],
      ['settings', 'set'],
      ['backup', 'list', 'extra'],
      ['check', 'extra'],
      ['serve', '--port', '70000'],
    ]
    await inBatches(cases, 3, async (args) => {
      const res = await cli(...args, '--json')
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr, args.join(' ')).toContain('Usage: credit-ledger')
      expect(envelope(res.stdout), args.join(' ')).toEqual({
        ok: false,
        error: { code: 'USAGE', message: expect.any(String) as unknown, fields: {} },
      })
      // Without --json the same mistake leaves stdout empty.
      const plain = await cli(...args)
      expect(plain, args.join(' ')).toMatchObject({ code: 2, stdout: '' })
    })
  }, 120_000)

  it('--help works on every command and every group listed in the usage (exit 0, its usage on stdout)', async () => {
    const usage = await runCli(['--help'])
    expect(usage.code).toBe(0)
    const commands = [...usage.stdout.matchAll(/^ {2}([a-z][a-z-]*(?: [a-z][a-z-]*)?) {2,}\S/gm)].map((m) => m[1] ?? '')
    expect(commands).toEqual(expect.arrayContaining(['serve', 'check', 'vendor add', 'fx list', 'backup list']))
    await inBatches(commands, 4, async (command) => {
      const res = await runCli([...command.split(' '), '--help'])
      expect(res, command).toMatchObject({ code: 0, stderr: '' })
      expect(res.stdout, command).toContain(`Usage: credit-ledger ${command}`)
      expect(res.stdout, command).toContain('--json')
    })
    const groups = [...new Set(commands.filter((c) => c.includes(' ')).map((c) => c.split(' ')[0] ?? ''))]
    await inBatches(groups, 4, async (group) => {
      const res = await runCli([group, '--help'])
      expect(res, group).toMatchObject({ code: 0, stderr: '' })
      for (const command of commands.filter((c) => c.startsWith(`${group} `))) expect(res.stdout).toContain(command)
    })
  }, 180_000)

  it('serve --json: one envelope line with the URL once listening; a taken port is exit 1 with an envelope', async () => {
    const serveDb = join(dir, 'serve', 'ledger.db')
    const child = spawn(PINNED_NODE, [CLI_FILE, '--db', serveDb, 'serve', '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let stdout = ''
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('serve --json printed nothing in time')), 30_000)
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (stdout.includes('\n')) {
            clearTimeout(timer)
            resolve()
          }
        })
        void exited.then(() => reject(new Error('serve exited before listening')))
      })
      const document = envelope(stdout)
      expect(document).toEqual({
        ok: true,
        data: {
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/) as unknown,
          port: expect.any(Number),
        },
      })
      const port = (document as { data: { port: number } }).data.port

      const taken = await runCli(['--db', serveDb, 'serve', '--port', String(port), '--json'])
      expect(taken.code).toBe(1)
      expect(envelope(taken.stdout)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    } finally {
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
  }, 120_000)
})
