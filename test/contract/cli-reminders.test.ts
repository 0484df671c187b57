import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DueReport, ReminderInbox } from '@shared/api/types/reminders'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** `reminders due [--at ISO]` and `reminders log` as the built CLI runs them (issue 6 §7). */

interface Envelope<T> {
  readonly ok: boolean
  readonly data: T
}

const DAY_MS = 86_400_000

describe('credit-ledger (built out/main/cli.js): reminders', () => {
  let dir: string
  let db: string
  let expires: number
  const cli = (...args: string[]) => runCli(['--db', db, ...args])
  const json = async <T>(...args: string[]): Promise<T> => {
    const res = await cli(...args, '--json')
    expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
    return (JSON.parse(res.stdout) as Envelope<T>).data
  }

  beforeAll(async () => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-reminders-'))
    db = join(dir, 'ledger.db')
    // Bought 360 days ago: "1 year after purchase" is about 5 days away, so the 7-day reminder is due now.
    const bought = new Date(Math.floor((Date.now() - 360 * DAY_MS) / 60_000) * 60_000)
    expires = bought.getTime() + 365 * DAY_MS
    await json('preset', 'apply', 'openai-api', '--purchases', `50@${bought.toISOString()}`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('due: what would fire now and later, without recording anything', async () => {
    const now = await json<DueReport>('reminders', 'due')
    expect(now.due).toHaveLength(1)
    expect(now.due[0]).toMatchObject({ kind: 'expiry', key: expect.stringContaining(':7:') as unknown })
    expect(now.due[0]?.title).toContain('50.00 USD')
    // A day before the expiry the 1-day lead is due too: the more urgent one of the same lot is shown.
    const later = await json<DueReport>('reminders', 'due', '--at', new Date(expires - DAY_MS / 2).toISOString())
    expect(later.due.map((r) => r.key)).toEqual([expect.stringContaining(':1:')])
    const text = await cli('reminders', 'due')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Due at')
    // Nothing was claimed: the log is still empty and the same reminder is still due.
    expect((await json<ReminderInbox>('reminders', 'log')).items).toEqual([])
    expect((await json<DueReport>('reminders', 'due')).due).toHaveLength(1)
  })

  it('log: empty in words, and a bad --at is a field error naming the flag', async () => {
    expect((await cli('reminders', 'log')).stdout).toContain('No reminder has been shown yet.')
    const bad = await cli('reminders', 'due', '--at', 'tomorrow-ish', '--json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { at: expect.any(String) } },
    })
    const text = await cli('reminders', 'due', '--at', 'tomorrow-ish')
    expect(text.stderr).toContain('--at: Instant must be an ISO 8601 date or date-time')
  })
})
