import { describe, expect, it } from 'vitest'
import { modelOfLineItem } from '@shared/import/profiles/openai'
import { mapFixture, utc } from './profile-fixtures'

describe('OpenAI cost export (vendor-csv.md §1.1)', () => {
  it('the 17-column export: exact cost text, the UTC bucket start, model/project/key tags, the project as account', () => {
    const { fixture, records, problems, skips } = mapFixture('openai-cost-2026.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['openai-cost', '2026'])
    expect(records).toEqual([
      {
        kind: 'usage',
        line: 2,
        at: utc('2026-09-28T00:00:00Z'),
        amount: '0.8958740000000000',
        currency: 'USD',
        externalId: null,
        vendorHint: 'OpenAI',
        accountHint: 'Website',
        billable: true,
        tags: [
          'model:gpt-5-2025-08-07',
          'line_item:gpt-5-2025-08-07, output',
          'project:proj_site',
          'key:key_123',
          'user:user-abc',
          'org:org-1',
        ],
      },
      expect.objectContaining({
        line: 3,
        amount: '0.003835980000000000000000000000',
        tags: expect.arrayContaining(['model:gpt-5.6-sol', 'line_item:priority | gpt-5.6-sol, output, long context']),
      }),
      expect.objectContaining({
        line: 5,
        // start_time wins over the naive start_time_iso; both say the same UTC midnight
        at: utc('2026-09-29T00:00:00Z'),
        amount: '0.34090000000000000',
        tags: ['line_item:web search tool calls', 'project:proj_site', 'org:org-1'],
      }),
    ])
    expect(skips).toEqual([{ line: 4, reason: 'empty bucket' }])
    expect(problems).toEqual([{ line: 6, column: 'amount_value', reason: '"n/a" is not a number' }])
  })

  it('the older 10-column export (2025-10) maps the same way', () => {
    const { fixture, records, skips } = mapFixture('openai-cost-2025-10.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['openai-cost', '2025-10'])
    expect(records.map((r) => [r.line, r.amount, r.at, r.accountHint])).toEqual([
      [2, '0.0125000000', utc('2025-10-05T00:00:00Z'), 'proj_abc'],
      [3, '1.5', utc('2025-10-05T00:00:00Z'), 'proj_abc'],
    ])
    expect(records[1]).toMatchObject({
      tags: ['model:whisper-1', 'line_item:whisper-1, audio', 'project:proj_abc', 'org:org-1'],
    })
    expect(skips).toEqual([{ line: 4, reason: 'empty bucket' }])
  })

  it.each<[string, string | null]>([
    ['gpt-4o-mini-2024-07-18, cached input', 'gpt-4o-mini-2024-07-18'],
    ['priority | gpt-5.6-sol, output, long context', 'gpt-5.6-sol'],
    ['gpt-4o audio, input', 'gpt-4o audio'],
    ['ft-gpt-4o-2024-08-06, input', 'ft-gpt-4o-2024-08-06'],
    ['web search tool calls', null],
    ['Vector storage', null],
  ])('line item %j names model %j', (lineItem, model) => {
    expect(modelOfLineItem(lineItem)).toBe(model)
  })
})

describe('OpenAI usage (activity) export (vendor-csv.md §1.2)', () => {
  it('tokens (input + output) with no currency; float-looking counts and FALSE/TRUE read as the sample writes them', () => {
    const { fixture, records, problems, skips } = mapFixture('openai-usage.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['openai-usage', '2025'])
    expect(records).toEqual([
      {
        kind: 'usage',
        line: 2,
        at: utc('2025-10-05T00:00:00Z'),
        amount: '67300',
        currency: null,
        externalId: null,
        vendorHint: 'OpenAI',
        accountHint: 'proj_abc',
        billable: true,
        tags: ['model:gpt-5-mini-2025-08-07', 'project:proj_abc', 'key:key_123', 'service_tier:default', 'requests:10'],
      },
      expect.objectContaining({
        line: 3,
        amount: '1500',
        tags: expect.arrayContaining(['batch:true', 'service_tier:flex', 'requests:3']),
      }),
    ])
    expect(skips).toEqual([{ line: 4, reason: 'empty bucket' }])
    expect(problems).toEqual([{ line: 5, column: 'input_tokens', reason: '"12.5" is not a whole number' }])
  })
})
