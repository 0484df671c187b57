import { describe, expect, it } from 'vitest'
import { mapFixture, utc } from './profile-fixtures'

describe('Cursor usage export v1–v3 (vendor-csv.md §5.2)', () => {
  it('v1: Cost (not "Cost to you") in USD; the word Included keeps the row at 0 with a cost: tag', () => {
    const { fixture, records, problems } = mapFixture('cursor-v1.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['cursor-usage', 'v1'])
    expect(problems).toEqual([])
    expect(records).toEqual([
      {
        kind: 'usage',
        line: 2,
        at: utc('2025-09-02T10:15:00Z'),
        amount: '0.19',
        currency: 'USD',
        externalId: null,
        vendorHint: 'Cursor',
        accountHint: null,
        billable: true,
        tags: ['model:claude-4-sonnet'],
      },
      expect.objectContaining({ line: 3, amount: '0', tags: ['model:gpt-5', 'cost:included'] }),
    ])
  })

  it('v2: Kind and Max Mode as tags; "$1,234.56" and "1,234.56" exact; NaN kept at 0, an errored request not billable', () => {
    const { fixture, records, problems } = mapFixture('cursor-v2.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['cursor-usage', 'v2'])
    expect(problems).toEqual([])
    expect(
      records.map((r) => [r.line, r.at, r.amount, r.kind === 'usage' && r.billable, r.kind === 'usage' && r.tags]),
    ).toEqual([
      [2, utc('2025-11-13T18:36:05.846Z'), '0.19', true, ['model:auto', 'kind:included']],
      [
        3,
        utc('2025-11-13T19:00:00Z'),
        '1234.56',
        true,
        ['model:claude-4.5-opus-high-thinking', 'kind:on-demand', 'max_mode:true'],
      ],
      [4, utc('2025-11-13T19:30:00Z'), '0', false, ['model:gpt-5', 'kind:errored, no charge', 'cost:unknown']],
      [5, utc('2025-11-13T20:00:00Z'), '1234.56', true, ['model:gpt-5', 'kind:on-demand']],
    ])
  })

  it('v3 team export: agent and automation ids as tags, the member as the account', () => {
    const { fixture, records } = mapFixture('cursor-v3.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['cursor-usage', 'v3'])
    expect(records).toEqual([
      expect.objectContaining({
        amount: '0.50',
        accountHint: 'dev@example.com',
        tags: ['model:composer-1', 'kind:on-demand', 'agent:bc-1234', 'user:dev@example.com'],
      }),
      expect.objectContaining({ amount: '0.01', tags: expect.arrayContaining(['automation:auto-77']) }),
    ])
  })
})

describe('GitHub Copilot usage report (vendor-csv.md §5.1)', () => {
  it('premium requests (2025): the amount is the quantity in requests; what was charged rides along as net_usd', () => {
    const { fixture, records } = mapFixture('copilot-premium-2025.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual([
      'github-copilot-usage',
      'premium-requests-2025',
    ])
    expect(records).toEqual([
      {
        kind: 'usage',
        line: 2,
        at: utc('2025-10-03T00:00:00Z'),
        amount: '3.6',
        currency: null,
        externalId: null,
        vendorHint: 'GitHub',
        accountHint: 'acme',
        billable: true,
        tags: [
          'model:Claude Sonnet 4',
          'product:Copilot',
          'sku:copilot_premium_request',
          'unit:requests',
          'user:octocat',
          'org:acme',
          'net_usd:0',
        ],
      },
      expect.objectContaining({
        amount: '12',
        tags: expect.arrayContaining(['model:Auto: claude-sonnet-4', 'net_usd:0.48', 'cost_center:platform']),
      }),
    ])
  })

  it('AI credits (2026): Actions rows of the same report are skipped with their product named', () => {
    const { fixture, records, skips } = mapFixture('copilot-ai-credits-2026.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['github-copilot-usage', 'ai-credits-2026'])
    expect(
      records.map((r) => [r.line, r.amount, r.kind === 'usage' && r.tags.filter((t) => /^(sku|unit):/.test(t))]),
    ).toEqual([
      [2, '25.5', ['sku:copilot_ai_credit', 'unit:ai-credits']],
      [4, '4', ['sku:coding_agent_ai_credit', 'unit:ai-credits']],
    ])
    expect(skips).toEqual([{ line: 3, reason: 'not Copilot usage (product actions)' }])
  })

  it('the general billing usage report (docs field list): only Copilot rows', () => {
    const { fixture, records, skips } = mapFixture('copilot-billing-usage.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['github-copilot-usage', 'billing-usage'])
    expect(records.map((r) => [r.line, r.amount])).toEqual([[2, '7']])
    expect(skips).toEqual([{ line: 3, reason: 'not Copilot usage (product actions)' }])
  })

  it('the legacy premium report: Requests Used at its timestamp', () => {
    const { fixture, records } = mapFixture('copilot-legacy.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['github-copilot-usage', 'legacy-premium'])
    expect(records.map((r) => [r.at, r.amount, r.accountHint])).toEqual([
      [utc('2025-06-17T08:14:04Z'), '1', 'octocat'],
      [utc('2025-06-17T09:00:00Z'), '5', 'octocat'],
    ])
  })
})
