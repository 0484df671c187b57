import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportReport, SavedMappingView } from '@shared/api/types/imports'
import { openTestBackend, tempDir, value } from './helpers'

/** A CSV no format knows (issue 5 §3), and the user's merchant rules (§2). */

const TEAM_TOOL = ['Tag;Betrag;Projekt', '03.09.2026;1,50;site', '04.09.2026;2,25;blog', ''].join('\n')

const mapping = {
  name: 'Team tool',
  kind: 'usage',
  header: ['Tag', 'Betrag', 'Projekt'],
  columns: { date: 'Tag', amount: 'Betrag', tags: [{ key: 'project', column: 'Projekt' }] },
  vendor: 'OpenAI',
  dateFormat: 'DD.MM.YYYY',
  decimalMark: ',',
  sign: 'positive-is-spend',
  fixedCurrency: 'USD',
}

const setup = async () => {
  const backend = await openTestBackend(join(tempDir(), 'ledger.db'))
  value(
    await backend.dispatch('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2026-09-01', amount: '50' }],
    }),
  )
  return backend
}

describe('column mappings and merchant rules', () => {
  it('asks for a mapping, tries one, saves it and recognises the header next time', async () => {
    const backend = await setup()
    const path = join(tempDir(), 'team.csv')
    writeFileSync(path, TEAM_TOOL)
    const fileId = backend.registerFile(path)
    const unknown = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(unknown.question).toMatchObject({ kind: 'unknown_format', header: ['Tag', 'Betrag', 'Projekt'] })

    const bad = await backend.dispatch('imports.preview', {
      fileId,
      mapping: { ...mapping, columns: { date: 'Datum' } },
    })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'mapping.columns.date': expect.any(String) } },
    })

    const tried = value(await backend.dispatch('imports.preview', { fileId, mapping })) as ImportReport
    expect(tried.counts).toMatchObject({ new: 2, rejected: 0 })
    expect(tried.totals[0]?.amount.value).toBe('3.75')

    const saved = value(await backend.dispatch('imports.saveMapping', { mapping })) as SavedMappingView
    const again = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(again.format?.profile).toBe(saved.profileId)
    expect(again.counts.new).toBe(2)
    value(await backend.dispatch('imports.removeMapping', { id: saved.id }))
    expect((value(await backend.dispatch('imports.preview', { fileId })) as ImportReport).question?.kind).toBe(
      'unknown_format',
    )
  })

  it('lets a user rule ignore a line a shipped rule would take', async () => {
    const backend = await setup()
    const path = join(tempDir(), 'card.csv')
    writeFileSync(
      path,
      [
        'Transaction Date,Post Date,Description,Category,Type,Amount,Memo',
        '09/02/2026,09/03/2026,OPENAI *API,Shopping,Sale,-50.00,',
        '',
      ].join('\n'),
    )
    const fileId = backend.registerFile(path)
    expect((value(await backend.dispatch('imports.preview', { fileId })) as ImportReport).counts.matched).toBe(1)
    value(await backend.dispatch('merchants.add', { pattern: 'openai *api', vendorId: 1, purpose: 'ignore' }))
    const ignored = value(await backend.dispatch('imports.preview', { fileId })) as ImportReport
    expect(ignored.counts).toMatchObject({ matched: 0, new: 0, skipped: 1 })
    const duplicate = await backend.dispatch('merchants.add', {
      pattern: 'OPENAI *API',
      vendorId: 1,
      purpose: 'purchase',
    })
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
