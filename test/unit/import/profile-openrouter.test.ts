import { describe, expect, it } from 'vitest'
import { mapFixture, utc } from './profile-fixtures'

describe('OpenRouter activity export, one row per request (vendor-csv.md §4.1)', () => {
  it('generation id as the row id, cost_total in USD credits, ms-precision UTC time', () => {
    const { fixture, records, problems } = mapFixture('openrouter-requests.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['openrouter-requests', '2026'])
    expect(records[0]).toEqual({
      kind: 'usage',
      line: 2,
      externalId: 'gen-1782618417-AbCdEfGhIjKlMnOpQrSt',
      at: utc('2026-06-28T03:46:57.713Z'),
      amount: '0.0123',
      currency: 'USD',
      billable: true,
      vendorHint: 'OpenRouter',
      accountHint: 'laptop',
      tags: ['model:anthropic/claude-sonnet-4.5', 'provider:Anthropic', 'key:laptop', 'app:Cline', 'variant:standard'],
    })
    expect(problems).toEqual([
      {
        line: 5,
        column: 'created_at',
        reason: '"2026-06-28 25:00:00.000" has a time of day that does not exist (YYYY-MM-DDTHH:MM:SS)',
      },
    ])
  })

  it('BYOK: the provider bill is not OpenRouter spend; a BYOK-only request is recorded as not billable', () => {
    const { records } = mapFixture('openrouter-requests.csv')
    expect(records[1]).toMatchObject({
      externalId: 'gen-1782618500-ZyXwVuTsRqPoNmLkJiHg',
      amount: '0',
      billable: false,
      tags: expect.arrayContaining(['byok:true']),
    })
    // a free-variant request cost nothing but was OpenRouter's: billable at 0
    expect(records[2]).toMatchObject({ amount: '0', billable: true, tags: expect.arrayContaining(['variant:free']) })
  })

  it('an older layout with fewer cost columns still maps, by name [layout inferred: which column it lacked is not documented]', () => {
    const { fixture, records } = mapFixture('openrouter-requests-2025-12.csv')
    expect(fixture.match.profile.id).toBe('openrouter-requests')
    expect(records).toEqual([
      expect.objectContaining({
        externalId: 'gen-1765000000-OlderOlderOlderOlder',
        amount: '0.25',
        at: utc('2025-12-06T05:46:40.120Z'),
        tags: expect.arrayContaining(['model:google/gemini-2.5-pro']),
      }),
    ])
  })
})

describe('OpenRouter activity page export, per day (vendor-csv.md §4.2)', () => {
  it('every field quoted; Usage is spend, BYOK Usage is not', () => {
    const { fixture, records, problems } = mapFixture('openrouter-daily.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['openrouter-daily', '2026'])
    expect(problems).toEqual([])
    expect(records.map((r) => [r.line, r.at, r.amount, r.kind === 'usage' && r.billable])).toEqual([
      [2, utc('2026-05-12T00:00:00Z'), '430.07', true],
      [3, utc('2026-05-12T00:00:00Z'), '0', false], // only BYOK traffic that day
      [4, utc('2026-05-13T00:00:00Z'), '1.2', true], // 0.8 of BYOK usage is not added
    ])
    expect(records[0]).toMatchObject({ externalId: null, tags: ['model:anthropic/claude-opus-4.7', 'requests:4115'] })
  })
})
