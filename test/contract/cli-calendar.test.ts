import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarExport, CalendarFeedCreated, CalendarFeedView } from '@shared/api/types/calendar'
import { readIcs } from '../backend/calendar-ics-reader'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** `calendar export` and `calendar feeds list|create|revoke` as the built CLI runs them (issue 6 §8). */

interface Envelope<T> {
  readonly ok: boolean
  readonly data: T
  readonly error?: { code: string; message: string; fields: Record<string, string> }
}

const DAY_MS = 86_400_000

/** DTSTAMP is the moment of the export: two runs differ there and nowhere else. */
const withoutStamp = (ics: string) => ics.replace(/^DTSTAMP:.*\r\n/gm, '')

describe('credit-ledger (built out/main/cli.js): calendar', () => {
  let dir: string
  let db: string
  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  const json = async <T>(...args: string[]): Promise<T> => {
    const res = await cli(...args, '--json')
    expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
    return (JSON.parse(res.stdout) as Envelope<T>).data
  }

  beforeAll(async () => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-calendar-'))
    db = join(dir, 'ledger.db')
    // A purchase a day ago expires a year later: in the future whatever today is.
    const bought = new Date(Math.floor((Date.now() - DAY_MS) / 60_000) * 60_000).toISOString()
    await json('preset', 'apply', 'openai-api', '--purchases', `50@${bought}`)
    await json('preset', 'apply', 'chatgpt-plus', '--plan', 'plus', '--start', bought, '--price', '20')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('export: the .ics on stdout, in the envelope with --json, or to a file (the same document)', async () => {
    const plain = await cli('calendar', 'export')
    expect(plain).toMatchObject({ code: 0, stderr: '' })
    expect(plain.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(plain.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const doc = readIcs(plain.stdout)
    // The expiry a year on, and the monthly renewals of the next year (12, or 11 when the 13th falls past it).
    const kinds = doc.events.map((event) => event.props.UID?.split('-')[0])
    expect(kinds.filter((kind) => kind === 'expiry')).toHaveLength(1)
    expect(kinds.filter((kind) => kind === 'renewal').length).toBeGreaterThanOrEqual(11)

    const enveloped = await json<CalendarExport>('calendar', 'export')
    expect(enveloped.events).toBe(doc.events.length)
    expect(withoutStamp(enveloped.ics)).toBe(withoutStamp(plain.stdout))

    const out = join(dir, 'ledger.ics')
    const written = await cli('calendar', 'export', '--out', out)
    expect(written).toMatchObject({ code: 0, stdout: `Exported ${doc.events.length} events to ${out}\n` })
    const file = readFileSync(out, 'utf8')
    expect(withoutStamp(file)).toBe(withoutStamp(plain.stdout))
    expect(await json('calendar', 'export', '--out', out)).toEqual({
      file: out,
      bytes: Buffer.byteLength(file),
      events: doc.events.length,
    })
  })

  it('export --account: one account; a missing one or a bad id is named', async () => {
    const only = readIcs((await json<CalendarExport>('calendar', 'export', '--account', '1')).ics)
    expect(only.events.map((event) => event.props.UID)).toEqual([
      expect.stringMatching(/^expiry-L1-\d+@credit-ledger$/),
    ])

    const missing = await cli('calendar', 'export', '--account', '99')
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toContain('credit-ledger calendar export: --account: No account with id 99')
    expect((await cli('calendar', 'export', '--account', 'one')).code).toBe(2)

    const unwritable = await cli('calendar', 'export', '--out', join(dir, 'no', 'such', 'dir', 'x.ics'))
    expect(unwritable.code).toBe(1)
    expect(unwritable.stderr).toContain('credit-ledger calendar export: --out: Cannot write')
  })

  it('feeds: create shows the token once, list never does, revoke turns it off', async () => {
    const created = await json<CalendarFeedCreated>('calendar', 'feeds', 'create', '--label', 'Phone')
    expect(created).toMatchObject({ label: 'Phone', path: `/calendar.ics?feed=${created.token}` })
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const human = await cli('calendar', 'feeds', 'list')
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/ID\s+STATE\s+CREATED \(UTC\)\s+LAST FETCHED \(UTC\)\s+LABEL/)
    expect(human.stdout).toMatch(new RegExp(`${created.id}\\s+active\\s+\\S+\\s+never\\s+Phone`))
    expect(human.stdout).not.toContain(created.token)

    const revoked = await json<CalendarFeedView>('calendar', 'feeds', 'revoke', String(created.id))
    expect(revoked).toMatchObject({ id: created.id, revokedAt: expect.any(String) as unknown })
    const listed = await json<CalendarFeedView[]>('calendar', 'feeds', 'list')
    expect(listed.find((feed) => feed.id === created.id)?.revokedAt).toBe(revoked.revokedAt)
    expect(JSON.stringify(listed)).not.toContain(created.token)

    const unknown = await cli('calendar', 'feeds', 'revoke', '99', '--json')
    expect(unknown.code).toBe(1)
    expect(JSON.parse(unknown.stdout)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { id: expect.any(String) } },
    })
  })

  it('feeds: a missing or unknown action, a missing label and stray words are usage errors', async () => {
    for (const args of [
      ['calendar', 'feeds'],
      ['calendar', 'feeds', 'frobnicate'],
      ['calendar', 'feeds', 'create'],
      ['calendar', 'feeds', 'list', 'extra'],
      ['calendar', 'feeds', 'revoke'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr).toContain('Usage: credit-ledger calendar feeds')
    }
    const help = await cli('calendar', 'feeds', '--help')
    expect(help).toMatchObject({ code: 0 })
    expect(help.stdout).toContain('Usage: credit-ledger calendar feeds list | create --label LABEL | revoke ID')
  })
})
