import { describe, expect, it } from 'vitest'
import { mapFixture, utc } from './profile-fixtures'

describe('Anthropic Console cost export: every header version (vendor-csv.md §2.1)', () => {
  it('2024 (7 columns): dollars as written, 0.00 rows kept, an empty workspace names no account', () => {
    const { fixture, records, problems } = mapFixture('anthropic-cost-2024.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-cost', '2024'])
    expect(problems).toEqual([])
    expect(records[0]).toEqual({
      kind: 'usage',
      line: 2,
      at: utc('2024-12-07T00:00:00Z'),
      amount: '0.00',
      currency: 'USD',
      externalId: null,
      vendorHint: 'Anthropic',
      accountHint: null,
      billable: true,
      tags: ['model:Claude 3.5 Sonnet 2024-10-22', 'key:Stéphane', 'usage_type:message', 'token_type:input_no_cache'],
    })
    expect(records.map((r) => [r.line, r.amount, r.accountHint])).toEqual([
      [2, '0.00', null],
      [3, '1.27', null],
      [4, '0.4', 'Research, EU'], // quoted workspace with a comma
    ])
  })

  it('2025 (9 columns): the ≤ context window survives as UTF-8; Feb 29 of 2025 is refused with its line', () => {
    const { fixture, records, problems } = mapFixture('anthropic-cost-2025.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-cost', '2025'])
    expect(records.map((r) => r.kind === 'usage' && r.tags)).toEqual([
      [
        'model:Claude Sonnet 4',
        'workspace:Default',
        'key:prod-key',
        'usage_type:message',
        'token_type:input_no_cache',
        'context_window:≤ 200k',
        'cost_type:token',
      ],
      expect.arrayContaining(['context_window:> 200k', 'token_type:input_cache_write_5m']),
    ])
    expect(records.map((r) => r.amount)).toEqual(['2.15', '0.75'])
    expect(problems).toEqual([
      { line: 4, column: 'usage_date_utc', reason: '"2025-02-29" 2025 is not a leap year (YYYY-MM-DD)' },
    ])
  })

  it('2026 (12 columns): cost_usd, not list_price_usd, is the amount', () => {
    const { fixture, records } = mapFixture('anthropic-cost-2026.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-cost', '2026'])
    expect(records.map((r) => [r.amount, r.at, r.accountHint])).toEqual([
      ['0.03', utc('2026-03-14T00:00:00Z'), 'Claude Code'],
      ['1.20', utc('2026-03-14T00:00:00Z'), 'Claude Code'],
    ])
    expect(records[1]).toMatchObject({ tags: expect.arrayContaining(['inference_geo:us', 'speed:fast']) })
  })

  it('late 2026 (14 columns): the key id is a tag; a negative cost is refused, not flipped', () => {
    const { fixture, records, problems } = mapFixture('anthropic-cost-late.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-cost', 'late-2026'])
    expect(records).toEqual([
      expect.objectContaining({
        line: 2,
        amount: '12.34',
        at: utc('2026-06-01T00:00:00Z'),
        tags: expect.arrayContaining(['model:Claude Opus 4.7', 'key:ops', 'key_id:apikey_01ABC']),
      }),
    ])
    expect(problems).toEqual([{ line: 3, column: 'cost_usd', reason: '"-0.50" is negative; usage must not be' }])
  })
})

describe('Anthropic Console tokens export (vendor-csv.md §2.2)', () => {
  it('mid-2025 layout: every input kind plus output, empty cache columns as 0, the API model id', () => {
    const { fixture, records, problems } = mapFixture('anthropic-tokens-2025.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-tokens', '2025'])
    expect(problems).toEqual([])
    expect(records).toEqual([
      {
        kind: 'usage',
        line: 2,
        at: utc('2025-06-10T00:00:00Z'),
        amount: '11400', // 1500 + 200 + 0 + 9000 + 700
        currency: null,
        externalId: null,
        vendorHint: 'Anthropic',
        accountHint: 'Default',
        billable: true,
        tags: ['model:claude-sonnet-4-20250514', 'workspace:Default', 'key:prod-key', 'usage_type:standard'],
      },
      expect.objectContaining({ line: 3, amount: '15', tags: expect.arrayContaining(['web_searches:2']) }),
    ])
  })

  it('2026 layout: context window, geo and speed as tags; a fractional token count is refused', () => {
    const { fixture, records, problems } = mapFixture('anthropic-tokens-2026.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['anthropic-tokens', '2026'])
    expect(records).toEqual([
      expect.objectContaining({
        amount: '48920', // 120 + 3000 + 0 + 45000 + 800
        tags: [
          'model:claude-sonnet-4-5-20250929',
          'workspace:Claude Code',
          'key:claude_code_key_ann_ab12',
          'usage_type:standard',
          'context_window:≤ 200k',
          'inference_geo:global',
        ],
      }),
    ])
    expect(problems).toEqual([{ line: 3, column: 'usage_output_tokens', reason: '"1.5" is not a whole number' }])
  })
})
