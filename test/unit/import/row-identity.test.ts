import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anthropicCost } from '@shared/import/profiles/anthropic'
import { columnIndex } from '@shared/import/profiles/columns'
import { contentHash, fnv1a64, identityAssigner, identityText, rowIdentities } from '@shared/import/row-identity'
import type { ChargeRecord, ImportRecord, UsageRecord } from '@shared/import/types'
import { mapFixture } from './profile-fixtures'

const numRuns = Number(process.env.FC_RUNS ?? 100)

const charge = (day: number, amount: string, descriptor: string, line = 1): ChargeRecord => ({
  kind: 'charge',
  line,
  externalId: null,
  at: { kind: 'date', date: { year: 2026, month: 3, day } },
  vendorHint: null,
  accountHint: null,
  amount,
  currency: 'USD',
  descriptor,
})

describe('fnv1a64', () => {
  it.each<[string, string]>([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
    ['Zahlungsempfänger*in €', '4732f30f0b641b57'], // multi-byte UTF-8
    ['≤ 200k 😀', '510f9ebc6bec2638'], // astral plane
  ])('%j → %s (reference vectors, computed with Python big integers)', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash)
  })
})

describe('row identity', () => {
  it('a real double charge on a statement is kept twice (#0, #1), and re-importing the file gives the same keys', () => {
    const first = rowIdentities(mapFixture('chase-card.csv').records)
    const again = rowIdentities(mapFixture('chase-card.csv').records)
    expect(first).toEqual(again)
    expect(new Set(first).size).toBe(first.length)
    const [, second, third] = first
    expect(second?.replace(/#\d+$/, '')).toBe(third?.replace(/#\d+$/, ''))
    expect([second?.slice(-2), third?.slice(-2)]).toEqual(['#0', '#1'])
  })

  it("the vendor's own id is the key, without an index: the same generation twice is one row", () => {
    const records = mapFixture('openrouter-requests.csv').records
    const keys = rowIdentities([...records, ...records])
    expect(keys[0]).toBe('id:gen-1782618417-AbCdEfGhIjKlMnOpQrSt')
    expect(keys.slice(records.length)).toEqual(keys.slice(0, records.length))
  })

  it('the same cost spelled with other trailing zeros, or with other hints, is the same row', () => {
    const a: UsageRecord = {
      kind: 'usage',
      line: 2,
      externalId: null,
      at: { kind: 'instant', at: Date.UTC(2026, 8, 28) },
      vendorHint: 'OpenAI',
      accountHint: 'Website',
      amount: '0.8958740000000000',
      currency: 'USD',
      tags: ['model:gpt-5', 'project:proj_site'],
      billable: true,
    }
    const b: UsageRecord = {
      ...a,
      line: 40,
      amount: '0.895874',
      accountHint: 'proj_site',
      vendorHint: null,
      tags: ['project:proj_site', 'model:gpt-5'],
    }
    expect(rowIdentities([a])).toEqual(rowIdentities([b]))
    expect(rowIdentities([{ ...a, amount: '0.895875' }])).not.toEqual(rowIdentities([a]))
    expect(rowIdentities([{ ...a, tags: ['model:gpt-5-mini', 'project:proj_site'] }])).not.toEqual(rowIdentities([a]))
    expect(rowIdentities([{ ...a, billable: false }])).not.toEqual(rowIdentities([a]))
  })

  it('an old-layout export overlapping a new-layout one dedupes: tags only newer layouts write are not identity', () => {
    const old = anthropicCost.map(
      { line: 2, cells: ['2025-07-01', 'Claude Sonnet 4', 'Default', 'prod-key', 'message', 'output', '2.15'] },
      columnIndex(['usage_date_utc', 'model', 'workspace', 'api_key', 'usage_type', 'token_type', 'cost_usd']),
    )
    const late = anthropicCost.map(
      {
        line: 9,
        cells: [
          '2025-07-01',
          'Claude Sonnet 4',
          'Default',
          'prod-key',
          'message',
          '≤ 200k',
          'output',
          '2.150',
          '2.15',
          'token',
          'global',
          '',
          'apikey_01',
          'active',
        ],
      },
      columnIndex(anthropicCost.versions.find((v) => v.id === 'late-2026')?.columns ?? []),
    )
    if (old.kind !== 'record' || late.kind !== 'record') throw new Error('both rows should map')
    expect(rowIdentities([late.record])).toEqual(rowIdentities([old.record]))
  })

  it('statement dates and descriptors: case and spacing do not matter, the day does', () => {
    expect(rowIdentities([charge(14, '20.00', 'OPENAI *CHATGPT  SUBSCR')])).toEqual(
      rowIdentities([charge(14, '20', 'openai *chatgpt subscr')]),
    )
    expect(rowIdentities([charge(15, '20.00', 'OPENAI *CHATGPT SUBSCR')])).not.toEqual(
      rowIdentities([charge(14, '20.00', 'OPENAI *CHATGPT SUBSCR')]),
    )
  })

  // Statement lines from a small pool, so identical lines are frequent.
  const line = fc
    .record({
      day: fc.integer({ min: 1, max: 6 }),
      amount: fc.constantFrom('20.00', '5.00', '9.99'),
      who: fc.constantFrom('OPENAI', 'ANTHROPIC'),
    })
    .map(({ day, amount, who }) => charge(day, amount, who))
  const content = (record: ImportRecord): string => JSON.stringify({ ...record, line: 0 })

  it('identical rows get #0, #1… in file order, and shuffling unrelated rows keeps every key', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (records, order) => {
        const keys = rowIdentities(records)
        expect(new Set(keys).size, 'every row of a file has its own key').toBe(records.length)
        // occurrence index = how many identical rows came before
        records.forEach((record, i) => {
          const before = records.slice(0, i).filter((other) => content(other) === content(record)).length
          expect(keys[i]).toMatch(new RegExp(`#${before}$`))
        })
        // Any shuffle: identical rows cannot be told apart, so the j-th copy of a line after the shuffle is the j-th
        // copy before it, and must get the same key. Every other row keeps its key whatever moved around it.
        const shuffled = records
          .map((record, i) => ({ record, key: order[i] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ record }) => record)
        const shuffledKeys = rowIdentities(shuffled)
        const copies = new Map<string, number[]>()
        records.forEach((record, i) => copies.set(content(record), [...(copies.get(content(record)) ?? []), i]))
        shuffled.forEach((record, j) => {
          const original = copies.get(content(record))?.shift()
          expect(shuffledKeys[j]).toBe(original === undefined ? 'missing' : keys[original])
        })
      }),
      { numRuns },
    )
  })

  it('an export overlapping an earlier one (cut on day boundaries) yields the same keys for the shared days', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (records, cut) => {
        const byDay = (record: ChargeRecord) => (record.at.kind === 'date' ? record.at.date.day : 0)
        const full = rowIdentities(records)
        const later = records.filter((record) => byDay(record) >= cut)
        const laterKeys = rowIdentities(later)
        const expected = records
          .map((record, i) => [record, full[i]] as const)
          .filter(([record]) => byDay(record) >= cut)
        expect(laterKeys).toEqual(expected.map(([, key]) => key))
      }),
      { numRuns },
    )
  })

  it('the hash fed field by field equals the hash of the readable identity text, for every fixture record', () => {
    for (const name of ['anthropic-cost-2025.csv', 'dkb.csv', 'openai-cost-2026.csv', 'amex-extended-us.csv']) {
      for (const record of mapFixture(name).records) {
        expect(contentHash(record), `${name} line ${record.line}`).toBe(fnv1a64(identityText(record)))
      }
    }
    expect(identityText(charge(14, '20.50', ' openai  *chatgpt ')).split('\u001f')).toEqual([
      'charge',
      'd2026-03-14',
      '20.5',
      'USD',
      'OPENAI *CHATGPT',
    ])
  })

  it('the streaming assigner gives what the whole-file helper gives', () => {
    const records = mapFixture('chase-card.csv').records
    const next = identityAssigner()
    expect(records.map((record) => next(record))).toEqual(rowIdentities(records))
  })
})
