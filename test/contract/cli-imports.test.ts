import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportListItem, ImportReport } from '@shared/api/types/imports'
import { assertBuilt, runCli } from '../e2e/serve-fixture'

/** `import FILE`, `imports list` and `imports undo` as the built CLI runs them (issue 5 §8). */

interface Envelope<T> {
  readonly ok: boolean
  readonly data: T
  readonly error?: {
    code: string
    message: string
    fields: Record<string, string>
    details?: { question?: { kind: string; formats?: string[] }; report?: ImportReport }
  }
}

/** Relative to the repository root, which is runCli's working directory: FILE resolves against it. */
const OPENAI_COST = 'test/fixtures/import/profiles/openai-cost-2026.csv'
const OPENAI_HEADER =
  'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name'

describe('credit-ledger (built out/main/cli.js): import, imports list, imports undo', () => {
  let dir: string
  let n = 0
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-cli-imports-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir, name)
    writeFileSync(path, `${lines.join('\n')}\n`)
    return path
  }
  const on = (db: string) => ({
    cli: (...args: string[]) => runCli(['--db', db, ...args]),
    envelope: async <T>(...args: string[]) => {
      const res = await runCli(['--db', db, ...args, '--json'])
      return { code: res.code, stderr: res.stderr, doc: JSON.parse(res.stdout) as Envelope<T> }
    },
    json: async <T>(...args: string[]): Promise<T> => {
      const res = await runCli(['--db', db, ...args, '--json'])
      expect(res, args.join(' ')).toMatchObject({ code: 0, stderr: '' })
      return (JSON.parse(res.stdout) as Envelope<T>).data
    },
  })
  /** A fresh database with the OpenAI API preset: account 1, a $50 purchase on 2026-09-01. */
  const withOpenAi = async () => {
    const ledger = on(join(dir, `ledger-${String(++n)}.db`))
    await ledger.json('preset', 'apply', 'openai-api', '--purchases', '50@2026-09-01T00:00Z')
    const balance = async () =>
      (await ledger.json<{ accounts: { balance: { value: string } }[] }>('balance')).accounts[0]?.balance.value
    return { ...ledger, balance }
  }

  it('lists the commands in help, and exits 2 on usage errors before touching anything', async () => {
    const help = await runCli(['--help'])
    for (const name of ['import', 'imports list', 'imports undo']) expect(help.stdout).toContain(name)
    const own = await runCli(['import', '--help'])
    for (const flag of ['--format NAME', '--account ID', '--date-format FMT', '--decimal-mark', '--dry-run'])
      expect(own.stdout).toContain(flag)
    const { cli } = on(join(dir, 'usage.db'))
    for (const args of [
      ['import'],
      ['import', OPENAI_COST, '--format', 'excel'],
      ['import', OPENAI_COST, '--date-format', 'DD-MM'],
      ['import', OPENAI_COST, '--decimal-mark', ';'],
      ['import', OPENAI_COST, '--account', 'one'],
      ['imports', 'undo'],
      ['imports', 'undo', 'x'],
      ['imports', 'list', '--limit', '0'],
    ]) {
      const res = await cli(...args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr, args.join(' ')).toContain('Usage: credit-ledger')
    }
    expect((await cli('import', OPENAI_COST, '--format', 'excel')).stderr).toContain('openai-cost, openai-usage')
  })

  it('a dry run prints the preview with each rejected line and writes nothing', async () => {
    const { cli, json, balance } = await withOpenAi()
    const res = await cli('import', OPENAI_COST, '--dry-run')
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toContain('Dry run of openai-cost-2026.csv: nothing was written')
    expect(res.stdout).toContain('OpenAI cost export (openai-cost, version 2026)')
    expect(res.stdout).toContain('5 read: 3 new, 0 duplicate, 0 matched, 1 rejected, 1 skipped; 1 rounded')
    expect(res.stdout).toMatch(/OpenAI +1\.24061 +USD +3/)
    expect(res.stdout).toContain('line 6, amount_value: "n/a" is not a number')
    expect(await json<ImportListItem[]>('imports', 'list')).toEqual([])
    expect(await balance()).toBe('50.00')
  })

  it('commits as one batch, re-imports as all duplicates, undoes exactly', async () => {
    const { cli, json, envelope, balance } = await withOpenAi()
    const committed = await json<ImportReport>('import', OPENAI_COST)
    expect(committed).toMatchObject({
      format: { profile: 'openai-cost', version: '2026' },
      encoding: 'utf-8',
      account: { id: 1, unitId: 'USD' },
      counts: { read: 5, new: 3, duplicate: 0, rejected: 1, skipped: 1, rounded: 1 },
      totals: [{ vendor: 'OpenAI', amount: { value: '1.24061', unit: 'USD' }, rows: 3 }],
      from: '2026-09-28T00:00:00.000Z',
      to: '2026-09-29T00:00:00.000Z',
      rejected: [{ line: 6, column: 'amount_value', reason: '"n/a" is not a number' }],
      question: null,
    })
    const batch = committed.batchId ?? 0
    expect(batch).toBeGreaterThan(0)
    expect(await balance()).toBe('48.75939')

    const again = await cli('import', OPENAI_COST)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('0 new, 3 duplicate')
    expect(again.stdout).toContain(`this file was imported before (batch ${batch}`)
    expect(await balance()).toBe('48.75939')

    const list = await cli('imports', 'list')
    expect(list.stdout.split('\n')[0]).toMatch(/^BATCH +STATE +WHEN \(UTC\) +FORMAT +ACCOUNT +NEW +DUP/)
    expect(list.stdout).toMatch(
      new RegExp(`\\b${batch} +committed .* openai-cost +1 +3 +0 +0 +1 +openai-cost-2026\\.csv`),
    )

    expect((await cli('imports', 'undo', String(batch))).stdout).toBe(`Undid import batch ${batch}: 3 rows removed\n`)
    expect(await balance()).toBe('50.00')
    const items = await json<ImportListItem[]>('imports', 'list')
    expect(items.map((item) => [item.batchId, item.state, item.counts.new])).toEqual([
      [batch + 1, 'committed', 0],
      [batch, 'undone', 3],
    ])
    const twice = await envelope('imports', 'undo', String(batch))
    expect(twice).toMatchObject({ code: 1, doc: { ok: false, error: { code: 'CONFLICT' } } })
    const none = await envelope('imports', 'undo', '999')
    expect(none).toMatchObject({
      code: 1,
      doc: { ok: false, error: { code: 'NOT_FOUND', fields: { batchId: 'No such import' } } },
    })
  })

  it('prints the first 200 rejected lines, then how many more', async () => {
    const { cli } = await withOpenAi()
    const rows = Array.from(
      { length: 205 },
      (_, i) =>
        `1790553600,1790640000,2026-09-28T00:00:00+00:00,2026-09-29T00:00:00+00:00,bad${i},usd,"gpt-4o, input",p,o,Acme`,
    )
    const path = file('many-bad.csv', [OPENAI_HEADER, ...rows])
    const res = await cli('import', path, '--dry-run')
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toContain('Rejected lines (205):')
    expect(res.stdout).toContain(`line 2, amount_value: "bad0" has an unexpected character 'b'`)
    expect(res.stdout).toContain(`line 201, amount_value: "bad199" has an unexpected character 'b'`)
    expect(res.stdout).not.toContain('line 202,')
    expect(res.stdout).toContain('  … and 5 more')
  })

  it('a statement purchase in euros lists what it needs; --credit LINE=AMOUNT records the credits', async () => {
    const ledger = await withOpenAi()
    const path = file('dkb.csv', [
      '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";"Kundenreferenz"',
      '"15.10.26";"15.10.26";"Gebucht";"ANN EXAMPLE";"OPENAI *API";"";"Ausgang";"";"-9,31";"";"";""',
    ])
    const dry = await ledger.cli('import', path, '--dry-run')
    expect(dry.stdout).toContain('Purchases without their credit amount (1)')
    expect(dry.stdout).toContain('line 2, 2026-10-15: OPENAI *API, paid 9.31 EUR → account 1 (USD)')
    const bad = await ledger.cli('import', path, '--credit', 'two=10')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--credit is LINE=AMOUNT')
    const done = await ledger.json<ImportReport>('import', path, '--credit', '2=10')
    expect(done.creditNeeded).toEqual([])
    expect(await ledger.balance()).toBe('60.00')
  })

  it('answers failures and questions with the envelope, naming the flag that answers them', async () => {
    const empty = on(join(dir, `ledger-${String(++n)}.db`))
    const missing = await empty.envelope('import', 'no-such-file.csv')
    expect(missing).toMatchObject({
      code: 1,
      doc: { ok: false, error: { code: 'NOT_FOUND', fields: { file: expect.stringContaining('no-such-file.csv') } } },
    })
    expect((await empty.cli('import', 'no-such-file.csv')).stderr).toMatch(/^credit-ledger import: FILE: No such file/)

    const account = await empty.envelope('import', OPENAI_COST)
    expect(account).toMatchObject({
      code: 1,
      doc: {
        ok: false,
        error: { code: 'VALIDATION', fields: { accountId: expect.stringContaining('--account ID') } },
      },
    })
    expect(account.doc.error?.details?.question?.kind).toBe('account')
    expect((await empty.cli('import', OPENAI_COST, '--dry-run')).stderr).toContain('import: --account:')

    const unknown = await empty.envelope('import', file('other.csv', ['when,what,cost', '2026-01-01,x,1']))
    expect(unknown.doc.error).toMatchObject({
      code: 'VALIDATION',
      fields: { profileId: expect.stringContaining('--format NAME') },
    })

    const broken = file('broken.csv', [
      OPENAI_HEADER,
      '1790553600,1790640000,2026-09-28T00:00:00+00:00,2026-09-29T00:00:00+00:00,1.00,usd,"gpt-4o, input",p,o,Acme',
      '1790640000,1790726400,2026-09-29T00:00:00+00:00,2026-09-30T00:00:00+00:00,2.00,usd,"gpt-4o, input,p,o,Acme',
      '1790726400,1790812800,2026-09-30T00:00:00+00:00,2026-10-01T00:00:00+00:00,4.00,usd,"gpt-4o, input",p,o,Acme',
    ])
    const { cli, envelope, balance } = await withOpenAi()
    const dry = await envelope('import', broken, '--dry-run')
    expect(dry.code).toBe(1)
    expect(dry.doc.error).toMatchObject({ code: 'VALIDATION', fields: { acceptRowsBeforeFault: expect.any(String) } })
    expect(dry.doc.error?.details?.report?.counts.new).toBe(1)
    const refused = await cli('import', broken)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('import: --rows-before-fault: Line 4:')
    expect(await balance()).toBe('50.00')
    const partial = await cli('import', broken, '--rows-before-fault')
    expect(partial.code, partial.stderr).toBe(0)
    expect(partial.stdout).toContain('fault    line 4:')
    expect(await balance()).toBe('49.00')
  })

  it('asks for --date-format when a statement’s dates read both ways, and imports with it', async () => {
    const { cli, envelope, json } = on(join(dir, `ledger-${String(++n)}.db`))
    const path = file('amex.csv', [
      'Date,Description,Amount',
      '03/04/2026,OPENAI *CHATGPT SUBSCR,20.00',
      '04/05/2026,ANTHROPIC,5.00',
      '05/04/2026,AUTOPAY PAYMENT - THANK YOU,-25.00',
    ])
    const asked = await cli('import', path)
    expect(asked.code).toBe(1)
    expect(asked.stdout).toBe('')
    expect(asked.stderr).toContain('import: --date-format:')
    expect(asked.stderr).toContain('--date-format MM/DD/YYYY or --date-format DD/MM/YYYY')
    const envelopeAsked = await envelope('import', path)
    expect(envelopeAsked.doc.error?.details?.question).toMatchObject({
      kind: 'date_format',
      formats: ['MM/DD/YYYY', 'DD/MM/YYYY'],
    })
    expect(await json<ImportListItem[]>('imports', 'list')).toEqual([])

    const report = await json<ImportReport>('import', path, '--date-format', 'DD/MM/YYYY')
    expect(report).toMatchObject({
      format: { profile: 'amex', version: 'basic' },
      dateFormat: 'DD/MM/YYYY',
      counts: { new: 2, skipped: 1 },
      from: '2026-04-03T00:00:00.000Z',
      to: '2026-05-04T00:00:00.000Z',
    })
    expect(report.totals.map((total) => [total.vendor, total.amount.value])).toEqual([
      ['OpenAI', '20.00'],
      ['Anthropic', '5.00'],
    ])
  })
})
