import { describe, expect, it } from 'vitest'
import { presetById } from '@shared/policies/catalog'
import {
  SHIPPED_MERCHANT_RULES,
  matchMerchant,
  matchesRecordedPurchase,
  merchantRules,
  type MerchantRule,
  type RecordedPurchase,
  userMerchantRuleSchema,
} from '@shared/import/merchants'
import { mapFixture } from './profile-fixtures'

const shipped = merchantRules([])

describe('matchMerchant: shipped rules on real-looking descriptors (vendor-csv.md §6.1)', () => {
  it.each<[string, string, 'subscription' | 'purchase', string]>([
    ['OPENAI *CHATGPT SUBSCR', 'OpenAI', 'subscription', 'chatgpt-plus'],
    ['OPENAI *CHATGPT SUBSCR OPENAI.COM CA', 'OpenAI', 'subscription', 'chatgpt-plus'],
    ['OPENAI*CHATGPT SUBSCR', 'OpenAI', 'subscription', 'chatgpt-plus'], // no space before the star
    ['OPENAI *API USAGE', 'OpenAI', 'purchase', 'openai-api'],
    ['OPENAI', 'OpenAI', 'purchase', 'openai-api'],
    ['OPENAI.COM', 'OpenAI', 'purchase', 'openai-api'],
    ['ANTHROPIC* CLAUDE SUB', 'Anthropic', 'subscription', 'claude-pro-max'],
    ['CLAUDE.AI SUBSCRIPTION    SAN FRANCISCO       CA', 'Anthropic', 'subscription', 'claude-pro-max'],
    ['ANTHROPIC, PBC', 'Anthropic', 'purchase', 'anthropic-api'],
    ['ANTHROPIC', 'Anthropic', 'purchase', 'anthropic-api'],
    ['MIDJOURNEY INC', 'Midjourney', 'subscription', 'midjourney'],
    ['CURSOR, AI POWERED IDE', 'Cursor', 'subscription', 'cursor'], // the comma that breaks naive CSV splitting
    ['CURSOR AI', 'Cursor', 'subscription', 'cursor'],
    ['CURSOR USAGE SEP', 'Cursor', 'subscription', 'cursor'],
    ['ANYSPHERE INC (CURSOR)', 'Cursor', 'subscription', 'cursor'],
    ['GITHUB COPILOT', 'GitHub', 'subscription', 'github-copilot'],
    ['GitHub, Inc. / GITHUB COPILOT PRO', 'GitHub', 'subscription', 'github-copilot'],
    ['OPENROUTER INC', 'OpenRouter', 'purchase', 'openrouter'],
    ['openrouter, inc', 'OpenRouter', 'purchase', 'openrouter'],
  ])('%j → %s %s (%s)', (descriptor, vendor, purpose, presetId) => {
    expect(matchMerchant(descriptor, shipped)).toMatchObject({ vendor, purpose, presetId, source: 'shipped' })
  })

  it.each([
    'PAYROLL',
    'Payment Thank You-Mobile',
    'OPENAIRE FESTIVAL',
    'PRECURSOR AIRLINES',
    'Vermieter GmbH / Miete März',
  ])('%j matches no vendor (words match whole, not inside other words)', (descriptor) => {
    expect(matchMerchant(descriptor, shipped)).toBeNull()
  })

  it('every shipped rule points at a preset that exists, of the right kind', () => {
    for (const rule of SHIPPED_MERCHANT_RULES) {
      const preset = presetById(rule.presetId ?? '')
      expect(preset?.vendor, rule.id).toBe(rule.vendor)
      expect(preset?.kind, rule.id).toBe(rule.purpose === 'subscription' ? 'subscription' : 'credit')
    }
  })

  it("the user's rules come first: a user can say an OpenAI charge is their API top-up", () => {
    const mine: MerchantRule = {
      id: 'u1',
      pattern: 'OPENAI *CHATGPT',
      vendor: 'OpenAI',
      purpose: 'purchase',
      presetId: 'openai-business-credits',
      source: 'user',
    }
    expect(matchMerchant('OPENAI *CHATGPT SUBSCR', merchantRules([mine]))).toBe(mine)
    expect(matchMerchant('OPENAI *API USAGE', merchantRules([mine]))?.id).toBe('openai-api')
  })

  it('applied to a bank statement fixture, only the AI-vendor lines are recognised', () => {
    const { records } = mapFixture('dkb.csv')
    const vendors = records.map((r) =>
      r.kind === 'charge' ? (matchMerchant(r.descriptor, shipped)?.vendor ?? null) : null,
    )
    expect(vendors).toEqual(['OpenAI', null, 'Anthropic'])
  })
})

describe('matchesRecordedPurchase: a statement charge already recorded from a receipt is linked, not added twice', () => {
  const receipt = (id: string, day: number, homeAmount: number, vendor = 'OpenAI'): RecordedPurchase => ({
    id,
    vendor,
    homeAmount,
    date: { year: 2026, month: 3, day },
  })
  const options = { fxTolerance: 0.03, days: 3 }
  // €9.31 on the card for a $10 top-up recorded at 9.20 EUR-equivalent from the receipt
  const charge = { vendor: 'OpenAI', homeAmount: 9_310_000, date: { year: 2026, month: 3, day: 14 } }

  it('same vendor, amount within the FX tolerance, date within ±3 days: linked', () => {
    expect(matchesRecordedPurchase(charge, [receipt('r1', 12, 9_200_000)], options)).toEqual({
      purchase: receipt('r1', 12, 9_200_000),
      dayDelta: 2,
      amountDelta: 110_000,
    })
  })

  it.each<[string, RecordedPurchase]>([
    ['another vendor', receipt('r2', 14, 9_310_000, 'Anthropic')],
    ['4 days apart', receipt('r3', 10, 9_310_000)],
    ['beyond the FX tolerance (3%)', receipt('r4', 14, 9_000_000)],
  ])('%s: not linked', (_, candidate) => {
    expect(matchesRecordedPurchase(charge, [candidate], options)).toBeNull()
  })

  it('across a month end, and the nearest date wins over the nearest amount', () => {
    const march31 = { ...charge, date: { year: 2026, month: 3, day: 31 } }
    const april2: RecordedPurchase = {
      id: 'a',
      vendor: 'openai',
      homeAmount: 9_200_000,
      date: { year: 2026, month: 4, day: 2 },
    }
    const march28: RecordedPurchase = {
      id: 'b',
      vendor: 'OpenAI',
      homeAmount: 9_310_000,
      date: { year: 2026, month: 3, day: 28 },
    }
    expect(matchesRecordedPurchase(march31, [march28, april2], options)?.purchase.id).toBe('a')
  })
})

describe('user rules are validated before they are saved', () => {
  it('a pattern of punctuation alone would match nothing: refused with a message', () => {
    const result = userMerchantRuleSchema.safeParse({ pattern: ' *** ', vendor: 'X', purpose: 'purchase' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('The pattern needs a letter or a digit')
    expect(
      userMerchantRuleSchema.parse({ pattern: ' PERPLEXITY ', vendor: 'Perplexity', purpose: 'subscription' }),
    ).toEqual({
      pattern: 'PERPLEXITY',
      vendor: 'Perplexity',
      purpose: 'subscription',
    })
  })
})
