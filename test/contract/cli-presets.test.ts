import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

describe('credit-ledger preset apply (built CLI)', () => {
  let dir: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-presets-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const fresh = () => join(dir, `ledger-${String(++n)}.db`)

  it('applies OpenAI API with two purchases whose lots expire one year after each', async () => {
    const db = fresh()
    const res = await runCli([
      '--db',
      db,
      'preset',
      'apply',
      'openai-api',
      '--purchases',
      '50@2026-02-01T10:00Z;20.5@2026-06-15T08:30Z=20.50',
      '--json',
    ])
    expect(res).toMatchObject({ code: 0, stderr: '' })
    const applied = JSON.parse(res.stdout) as { ok: true; data: { lots: number[]; accounts: { id: number }[] } }
    expect(applied.data.lots).toHaveLength(2)
    const lots = JSON.parse((await runCli(['--db', db, 'lot', 'list', '--json'])).stdout) as {
      data: { amount: { value: string }; expiresAt: string | null }[]
    }
    expect(lots.data.map((lot) => [lot.amount.value, lot.expiresAt])).toEqual([
      ['50.00', '2027-02-01T10:00:00.000Z'],
      ['20.50', '2027-06-15T08:30:00.000Z'],
    ])
    const human = await runCli(['--db', db, 'undo'])
    expect(human.code).toBe(0)
    const after = JSON.parse((await runCli(['--db', db, 'lot', 'list', '--json'])).stdout) as { data: unknown[] }
    expect(after.data).toEqual([])
  })

  it('applies a subscription plan with its start date and says what to confirm', async () => {
    const db = fresh()
    const res = await runCli(['--db', db, 'preset', 'apply', 'chatgpt-plus', '--plan', 'plus', '--start', '2026-01-31'])
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/Applied preset chatgpt-plus/)
    expect(res.stdout).toMatch(/Please confirm/)
  })

  it('takes the whole input from a JSON file and names a bad purchase by its flag path', async () => {
    const db = fresh()
    const file = join(dir, 'input.json')
    writeFileSync(
      file,
      JSON.stringify({ plans: [{ template: 'monthly', start: '2026-03-01', amountPerPeriod: '500' }] }),
    )
    const ok = await runCli(['--db', db, 'preset', 'apply', 'kreator', '--input', file, '--json'])
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, data: { plans: [1] } })
    const bad = await runCli(['--db', fresh(), 'preset', 'apply', 'openai-api', '--purchases', '50'])
    expect(bad.code).toBe(2)
    const missing = await runCli([
      '--db',
      fresh(),
      'preset',
      'apply',
      'openai-api',
      '--purchases',
      '@2026-01-01',
      '--json',
    ])
    expect(missing.code).toBe(2)
    const invalid = await runCli(['--db', fresh(), 'preset', 'apply', 'openai-api', '--purchases', '5x@2026-01-01'])
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toMatch(/purchases\.0\.amount/)
  })
})
