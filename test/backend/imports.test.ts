import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ImportListItem, ImportReport } from '@shared/api/types/imports'
import type { SpendReport } from '@shared/api/types/reports'
import { openConnection } from '../../electron/backend/db/connection'
import { openTestBackend, tempDir, value } from './helpers'

/** Imports through the contract (issue 5 §6): preview writes nothing, commit is one batch, re-import adds nothing. */

const FIXTURES = join(__dirname, '..', 'fixtures', 'import', 'profiles')

const setup = async () => {
  const backend = await openTestBackend(join(tempDir(), 'ledger.db'))
  value(
    await backend.dispatch('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2026-09-01T00:00:00Z', amount: '50' }],
    }),
  )
  const balance = async () =>
    (
      value(await backend.dispatch('ledger.balances', { accountId: 1 })) as {
        accounts: { balance: { value: string } }[]
      }
    ).accounts[0]?.balance.value
  return { backend, balance }
}

describe('imports', () => {
  it('previews an OpenAI cost export exactly, commits it as one batch, adds nothing the second time, undoes it', async () => {
    const { backend, balance } = await setup()
    const fileId = backend.registerFile(join(FIXTURES, 'openai-cost-2026.csv'))
    const preview = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(preview.format?.profile).toBe('openai-cost')
    expect(preview.account?.id).toBe(1)
    expect(preview.counts).toMatchObject({ read: 5, new: 3, duplicate: 0, rejected: 1, skipped: 1 })
    expect(preview.rejected).toEqual([{ line: 6, column: 'amount_value', reason: '"n/a" is not a number' }])
    // 0.895874 + 0.003836 (0.00383598 rounded half-even at 6 decimals) + 0.3409
    expect(preview.totals).toEqual([
      { vendor: 'OpenAI', amount: { value: '1.24061', minor: '1240610', unit: 'USD' }, rows: 3 },
    ])
    expect(preview.counts.rounded).toBe(1)
    expect(preview.batchId).toBeNull()
    expect(await balance()).toBe('50.00')

    const committed = value(await backend.dispatch('imports.commit', { fileId })) as ImportReport
    expect(committed.counts.new).toBe(3)
    expect(committed.batchId).toEqual(expect.any(Number))
    expect(await balance()).toBe('48.75939')

    const again = value(await backend.dispatch('imports.commit', { fileId })) as ImportReport
    expect(again.counts).toMatchObject({ new: 0, duplicate: 3, rejected: 1 })
    expect(again.alreadyImported?.batchId).toBe(committed.batchId)
    expect(await balance()).toBe('48.75939')

    value(await backend.dispatch('imports.undo', { batchId: committed.batchId }))
    expect(await balance()).toBe('50.00')
    const history = value(await backend.dispatch('imports.list', {})) as ImportListItem[]
    expect(history.map((item) => [item.fileName, item.state, item.counts.new])).toEqual([
      ['openai-cost-2026.csv', 'committed', 0],
      ['openai-cost-2026.csv', 'undone', 3],
    ])
  })

  it('refuses a file with an unterminated quote unless the rows before it are wanted, and names the line', async () => {
    const { backend, balance } = await setup()
    const path = join(tempDir(), 'broken.csv')
    writeFileSync(
      path,
      [
        'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name',
        '1790553600,1790640000,2026-09-28T00:00:00+00:00,2026-09-29T00:00:00+00:00,1.00,usd,"gpt-4o, input",p,o,Acme',
        '1790640000,1790726400,2026-09-29T00:00:00+00:00,2026-09-30T00:00:00+00:00,2.00,usd,"gpt-4o, input,p,o,Acme',
        '1790726400,1790812800,2026-09-30T00:00:00+00:00,2026-10-01T00:00:00+00:00,4.00,usd,"gpt-4o, input",p,o,Acme',
        '',
      ].join('\n'),
    )
    const fileId = backend.registerFile(path)
    const refused = await backend.dispatch('imports.commit', { fileId })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/opened on line 3/) },
    })
    expect(await balance()).toBe('50.00')
    const partial = value(
      await backend.dispatch('imports.commit', { fileId, acceptRowsBeforeFault: true }),
    ) as ImportReport
    expect(partial.counts.new).toBe(1)
    expect(partial.fault?.line).toBe(4)
    expect(await balance()).toBe('49.00')
  })

  it('links a card charge to the purchase already recorded and skips other merchants', async () => {
    const { backend } = await setup()
    const path = join(tempDir(), 'card.csv')
    writeFileSync(
      path,
      [
        'Transaction Date,Post Date,Description,Category,Type,Amount,Memo',
        '09/02/2026,09/03/2026,OPENAI *API,Shopping,Sale,-50.00,',
        '09/05/2026,09/06/2026,OPENAI *CHATGPT SUBSCR,Shopping,Sale,-20.00,',
        '09/07/2026,09/08/2026,COFFEE SHOP,Food,Sale,-4.50,',
        '',
      ].join('\n'),
    )
    const report = value(
      await backend.dispatch('imports.commit', { fileId: backend.registerFile(path) }),
    ) as ImportReport
    expect(report.format?.profile).toBe('chase')
    expect(report.counts).toMatchObject({ matched: 1, new: 1, skipped: 1 })
    expect(report.totals).toEqual([
      { vendor: 'OpenAI', amount: { value: '20.00', minor: '20000000', unit: 'USD' }, rows: 1 },
    ])
  })

  it('asks for the account when the vendor has none, and for a file id it never registered', async () => {
    const backend = await openTestBackend(join(tempDir(), 'ledger.db'))
    const fileId = backend.registerFile(join(FIXTURES, 'openai-cost-2026.csv'))
    const preview = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(preview.question).toMatchObject({ kind: 'account' })
    const unknown = await backend.dispatch('imports.preview', { fileId: '00000000-0000-0000-0000-000000000000' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { fileId: expect.any(String) } } })
  })

  it('a purchase in another currency asks how much credit it bought, and becomes a lot once told', async () => {
    const { backend, balance } = await setup()
    const path = join(tempDir(), 'dkb.csv')
    writeFileSync(
      path,
      [
        '"Girokonto";"DE02120300000000202051"',
        '""',
        '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";"Kundenreferenz"',
        '"15.10.26";"15.10.26";"Gebucht";"ANN EXAMPLE";"OPENAI *API";"OPENAI.COM";"Ausgang";"";"-9,31";"";"";""',
        '',
      ].join('\n'),
    )
    const fileId = backend.registerFile(path)
    const asked = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(asked.creditNeeded).toEqual([
      {
        line: 4,
        date: '2026-10-15',
        descriptor: 'OPENAI *API / OPENAI.COM',
        paid: { value: '9.31', minor: '9310000', unit: 'EUR' },
        account: { id: 1, unitId: 'USD' },
      },
    ])
    const bad = value(await backend.dispatch('imports.preview', { fileId, credits: { '4': 'ten' } })) as ImportReport
    expect(bad.rejected).toEqual([{ line: 4, column: null, reason: expect.stringContaining('credit amount ten') }])
    const told = value(await backend.dispatch('imports.commit', { fileId, credits: { '4': '10' } })) as ImportReport
    expect(told.creditNeeded).toEqual([])
    expect(told.samples[0]?.detail).toMatch(/^purchase → lot L2/)
    expect(await balance()).toBe('60.00')
    const lots = value(await backend.dispatch('lots.list', { accountId: 1 })) as {
      id: number
      cost: { value: string; unit: string } | null
      expiresAt: string | null
    }[]
    expect(lots.find((lot) => lot.id === 2)).toMatchObject({
      cost: { value: '9.31', unit: 'EUR' },
      expiresAt: '2027-10-15T00:00:00.000Z',
    })
    // The same statement again adds nothing, not even a second lot.
    const again = value(await backend.dispatch('imports.commit', { fileId, credits: { '4': '10' } })) as ImportReport
    expect(again.counts).toMatchObject({ new: 0, duplicate: 1 })
    expect(await balance()).toBe('60.00')
  })

  it('spend counts a statement line nothing else accounts for (a subscription without a plan), once', async () => {
    const { backend } = await setup()
    const spend = async () =>
      (value(await backend.dispatch('reports.spend', { by: 'vendor' })) as SpendReport).spend.totals.map(
        (total) => `${total.value} ${total.unit}`,
      )
    // The preset's $50 purchase is the only payment so far.
    expect(await spend()).toEqual(['50.00 USD'])
    const fileId = backend.registerFile(join(FIXTURES, 'dkb.csv'))
    value(await backend.dispatch('imports.commit', { fileId }))
    // + the ChatGPT subscription paid in euros (18.61; no plan is recorded for it). The refund from Anthropic has no
    // account of its own here, so it cannot be attributed and stays out.
    expect(await spend()).toEqual(['18.61 EUR', '50.00 USD'])
  })

  it('turns an unreceipted credit purchase on a card into a lot with the vendor’s expiry, once', async () => {
    const { backend, balance } = await setup()
    const path = join(tempDir(), 'card.csv')
    writeFileSync(
      path,
      [
        'Transaction Date,Post Date,Description,Category,Type,Amount,Memo',
        '10/15/2026,10/16/2026,OPENAI *API,Shopping,Sale,-20.00,',
        '',
      ].join('\n'),
    )
    const fileId = backend.registerFile(path)
    const report = value(await backend.dispatch('imports.commit', { fileId })) as ImportReport
    expect(report.counts).toMatchObject({ new: 1, matched: 0 })
    expect(report.samples[0]?.detail).toMatch(/^purchase → lot L2/)
    expect(await balance()).toBe('70.00')
    const lots = value(await backend.dispatch('lots.list', { accountId: 1 })) as {
      id: number
      expiresAt: string | null
    }[]
    expect(lots.find((lot) => lot.id === 2)?.expiresAt).toBe('2027-10-15T00:00:00.000Z')
    const again = value(await backend.dispatch('imports.commit', { fileId })) as ImportReport
    expect(again.counts).toMatchObject({ new: 0, duplicate: 1 })
    expect(await balance()).toBe('70.00')
  })

  it('links a subscription payment to the plan it pays', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const backend = await openTestBackend(dbPath)
    value(await backend.dispatch('presets.apply', { presetId: 'chatgpt-plus', plan: 'plus', start: '2026-08-05' }))
    const path = join(tempDir(), 'card.csv')
    writeFileSync(
      path,
      [
        'Transaction Date,Post Date,Description,Category,Type,Amount,Memo',
        '09/05/2026,09/06/2026,OPENAI *CHATGPT SUBSCR,Shopping,Sale,-20.00,',
        '',
      ].join('\n'),
    )
    value(await backend.dispatch('imports.commit', { fileId: backend.registerFile(path) }))
    const db = openConnection(dbPath)
    expect(db.prepare('SELECT purpose, program_id, paid_on, amount FROM payments').all()).toEqual([
      { purpose: 'subscription', program_id: 1, paid_on: '2026-09-05', amount: 20_000_000 },
    ])
    db.close()
  })
})
