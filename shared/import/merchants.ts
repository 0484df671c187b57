/**
 * Merchant rules for statement lines (issue 5 §2, vendor-csv.md §6.1): a descriptor such as
 * "OPENAI *CHATGPT SUBSCR" names a vendor and says whether the charge pays a subscription or buys credits (a
 * purchase that creates a lot). Card networks truncate and pad descriptors (Amex appends the city), so rules are
 * contains-matches on whole words, with punctuation folded: "CURSOR, AI POWERED IDE" matches "CURSOR AI",
 * "OPENAI.COM" matches "OPENAI". The user's rules come first, then the shipped ones, most specific first.
 * The descriptors are examples from public test data, not a contract: users add their own.
 */
import { z } from 'zod'
import { daysFromCivil, type LocalDate } from '../time/calendar'

export type MerchantPurpose = 'subscription' | 'purchase'

export interface MerchantRule {
  readonly id: string
  /** Words to find in the descriptor, in order ("OPENAI *CHATGPT"); case and punctuation do not matter. */
  readonly pattern: string
  readonly vendor: string
  readonly purpose: MerchantPurpose
  /** The preset whose account the charge belongs to (its pack size and expiry rule apply to purchases). */
  readonly presetId?: string
  readonly source: 'shipped' | 'user'
}

const shipped = (id: string, pattern: string, vendor: string, purpose: MerchantPurpose, presetId: string) =>
  ({ id, pattern, vendor, purpose, presetId, source: 'shipped' }) as const satisfies MerchantRule

/** Shipped rules, most specific first: "OPENAI *CHATGPT" must be tried before "OPENAI". */
export const SHIPPED_MERCHANT_RULES: readonly MerchantRule[] = [
  shipped('openai-chatgpt', 'OPENAI *CHATGPT', 'OpenAI', 'subscription', 'chatgpt-plus'),
  shipped('chatgpt', 'CHATGPT', 'OpenAI', 'subscription', 'chatgpt-plus'),
  shipped('openai-api', 'OPENAI *API', 'OpenAI', 'purchase', 'openai-api'),
  shipped('openai', 'OPENAI', 'OpenAI', 'purchase', 'openai-api'),
  shipped('anthropic-claude-sub', 'ANTHROPIC* CLAUDE SUB', 'Anthropic', 'subscription', 'claude-pro-max'),
  shipped('claude-ai', 'CLAUDE.AI', 'Anthropic', 'subscription', 'claude-pro-max'),
  shipped('anthropic', 'ANTHROPIC', 'Anthropic', 'purchase', 'anthropic-api'),
  shipped('midjourney', 'MIDJOURNEY', 'Midjourney', 'subscription', 'midjourney'),
  // Cursor bills its plan and its on-demand usage; both are paid under the subscription, not credit purchases.
  shipped('cursor-ai', 'CURSOR AI', 'Cursor', 'subscription', 'cursor'),
  shipped('cursor-usage', 'CURSOR USAGE', 'Cursor', 'subscription', 'cursor'),
  shipped('cursor-com', 'CURSOR.COM', 'Cursor', 'subscription', 'cursor'),
  shipped('anysphere', 'ANYSPHERE', 'Cursor', 'subscription', 'cursor'),
  shipped('github-copilot', 'GITHUB COPILOT', 'GitHub', 'subscription', 'github-copilot'),
  shipped('github', 'GITHUB', 'GitHub', 'subscription', 'github-copilot'),
  shipped('openrouter', 'OPENROUTER', 'OpenRouter', 'purchase', 'openrouter'),
]

/** Upper case, every run of punctuation or spaces one space: the form descriptors and patterns are compared in. */
export const foldDescriptor = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** A rule as the user edits it (id and source are the app's). */
export const userMerchantRuleSchema = z.object({
  pattern: z
    .string()
    .trim()
    .min(1, 'Type the words to look for')
    .max(80, 'At most 80 characters')
    .refine((pattern) => foldDescriptor(pattern) !== '', 'The pattern needs a letter or a digit'),
  vendor: z.string().trim().min(1, 'Name the vendor').max(80, 'At most 80 characters'),
  purpose: z.enum(['subscription', 'purchase'], { error: 'A charge is a subscription payment or a purchase' }),
  presetId: z.string().trim().min(1).max(80).optional(),
})

/** The user's rules first (so they can override any shipped rule), then the shipped ones. */
export const merchantRules = (userRules: readonly MerchantRule[]): readonly MerchantRule[] => [
  ...userRules,
  ...SHIPPED_MERCHANT_RULES,
]

/** The first rule whose words appear, whole, in the descriptor; null when none does. */
export const matchMerchant = (descriptor: string, rules: readonly MerchantRule[]): MerchantRule | null => {
  const folded = ` ${foldDescriptor(descriptor)} `
  for (const rule of rules) {
    const pattern = foldDescriptor(rule.pattern)
    if (pattern !== '' && folded.includes(` ${pattern} `)) return rule
  }
  return null
}

/** A statement charge, converted by the caller to the home currency (minor units) and to a calendar date. */
export interface ChargeToLink {
  readonly vendor: string
  readonly homeAmount: number
  readonly date: LocalDate
}

/** A purchase already in the ledger (from an invoice or a receipt), in the same terms. */
export interface RecordedPurchase extends ChargeToLink {
  readonly id: string
}

export interface LinkOptions {
  /** Relative tolerance for FX differences: 0.03 accepts amounts within 3% of the recorded one. */
  readonly fxTolerance: number
  /** Days either side (issue 5 §2: 3). */
  readonly days: number
}

export interface PurchaseLink {
  readonly purchase: RecordedPurchase
  readonly dayDelta: number
  readonly amountDelta: number
}

/**
 * The recorded purchase a statement charge is the card side of, so it is linked and not added twice: same
 * vendor, home amount within the FX tolerance of the recorded one, date within ±days. Among several, the nearest
 * date wins, then the nearest amount, then the first given (the caller passes only purchases not yet linked).
 */
export const matchesRecordedPurchase = (
  charge: ChargeToLink,
  candidates: readonly RecordedPurchase[],
  options: LinkOptions,
): PurchaseLink | null => {
  const day = daysFromCivil(charge.date.year, charge.date.month, charge.date.day)
  const vendor = charge.vendor.toLowerCase()
  let best: PurchaseLink | null = null
  for (const purchase of candidates) {
    if (purchase.vendor.toLowerCase() !== vendor) continue
    const dayDelta = Math.abs(daysFromCivil(purchase.date.year, purchase.date.month, purchase.date.day) - day)
    const amountDelta = Math.abs(purchase.homeAmount - charge.homeAmount)
    if (dayDelta > options.days || amountDelta > Math.abs(purchase.homeAmount) * options.fxTolerance) continue
    if (best === null || dayDelta < best.dayDelta || (dayDelta === best.dayDelta && amountDelta < best.amountDelta)) {
      best = { purchase, dayDelta, amountDelta }
    }
  }
  return best
}
