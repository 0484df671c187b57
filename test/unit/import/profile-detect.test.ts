import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROFILES } from '@shared/import/profiles/catalog'
import { columnIndex } from '@shared/import/profiles/columns'
import { dateColumnOf, dateFormatsOf, detectProfile } from '@shared/import/profiles/detect'

const numRuns = Number(process.env.FC_RUNS ?? 100)

const allVersions = PROFILES.flatMap((profile) =>
  profile.versions.map((version) => [profile.id, version.id, version.columns] as const),
)

describe('detectProfile: every known header version keeps working', () => {
  it.each(allVersions)('%s / %s: its documented header is recognised as itself', (profileId, versionId, columns) => {
    const match = detectProfile(columns)
    expect([match?.profile.id, match?.version.id]).toEqual([profileId, versionId])
    expect(match?.unknown).toBe(0)
    // the profile can find its date column in every layout
    if (match !== null) expect(dateColumnOf(match)).toBeDefined()
  })

  it('column order does not matter, nor extra columns a vendor adds later (open layouts)', () => {
    const open = allVersions.filter(
      ([profileId, versionId]) => !(profileId === 'amex' && /basic|member/.test(versionId)),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...open),
        fc.array(fc.constantFrom('note', 'Extra Column', 'region_v2'), { maxLength: 2 }),
        fc.nat(),
        ([profileId, versionId, columns], extra, seed) => {
          const shuffled = [...columns, ...new Set(extra)]
            .map((name, index) => ({ name, key: (index * 7919 + seed) % 104729 }))
            .sort((a, b) => a.key - b.key)
            .map(({ name }) => name)
          const match = detectProfile(shuffled)
          expect([match?.profile.id, match?.version.id], shuffled.join(',')).toEqual([profileId, versionId])
        },
      ),
      { numRuns },
    )
  })

  it('names match without BOM, case or spacing differences', () => {
    const match = detectProfile([
      '\uFEFFBuchungsdatum',
      ' wertstellung ',
      'STATUS',
      'Zahlungspflichtige*r',
      'Zahlungsempfänger*in',
      'Betrag (€)',
    ])
    expect(match?.profile.id).toBe('dkb')
  })

  it('preamble lines and unrelated CSVs match nothing', () => {
    for (const line of [
      ['Girokonto', 'DE02120300000000202051'],
      ['Kontostand vom 31.03.2026:', '1.234,56 €'],
      [''],
      ['Umsatzanzeige', 'Datei erstellt am: 01.04.2026 10:00'],
      ['name', 'email', 'signup_date'],
    ]) {
      expect(detectProfile(line), line.join(';')).toBeNull()
    }
  })

  it('a generic "Date,Description,Amount,Balance" bank CSV is not taken for Amex (closed layout)', () => {
    expect(detectProfile(['Date', 'Description', 'Amount', 'Balance'])).toBeNull()
    expect(detectProfile(['Date', 'Description', 'Amount'])?.profile.id).toBe('amex')
  })

  it('a header missing a newer column falls back to the older layout it still fits', () => {
    const withoutCostType = [
      'usage_date_utc',
      'model',
      'workspace',
      'api_key',
      'usage_type',
      'context_window',
      'token_type',
      'cost_usd',
    ]
    const match = detectProfile(withoutCostType)
    expect([match?.profile.id, match?.version.id, match?.unknown]).toEqual(['anthropic-cost', '2024', 1])
  })

  it('the cost export is not taken for the usage export, though both share the four time columns', () => {
    const usage = PROFILES.find((p) => p.id === 'openai-usage')?.versions[0]?.columns ?? []
    expect(detectProfile([...usage, 'amount_value'])?.profile.id).toBe('openai-usage')
    expect(
      detectProfile([
        'start_time',
        'end_time',
        'start_time_iso',
        'end_time_iso',
        'amount_value',
        'amount_currency',
        'line_item',
      ])?.profile.id,
    ).toBe('openai-cost')
  })

  it('says which date formats the caller must choose between', () => {
    const basic = detectProfile(['Date', 'Description', 'Amount'])
    const uk = detectProfile(
      PROFILES.find((p) => p.id === 'amex')?.versions.find((v) => v.id === 'extended-uk')?.columns ?? [],
    )
    const dkb = detectProfile(['Buchungsdatum', 'Status', 'Zahlungspflichtige*r', 'Zahlungsempfänger*in', 'Betrag (€)'])
    expect(basic && dateFormatsOf(basic)).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY'])
    expect(uk && dateFormatsOf(uk)).toEqual(['DD/MM/YYYY'])
    expect(dkb && dateFormatsOf(dkb)).toEqual(['DD.MM.YY', 'DD.MM.YYYY'])
  })

  it('ING keeps both "Währung" columns apart', () => {
    const columns = columnIndex(['Buchung', 'Valuta', 'Saldo', 'Währung', 'Betrag', 'Währung'])
    expect(columns.indicesOf('währung')).toEqual([3, 5])
    expect(columns.indexOf('Betrag')).toBe(4)
  })
})
