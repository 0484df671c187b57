import type { Source } from './types'

/**
 * The sources the presets rest on. Nothing here was checked against the live vendor pages (the presets were
 * written offline): seeds are captured public pages, research notes are the project's own reading of public
 * pages (their `url` is the page the note cites). Undated seed pages carry the day they were captured.
 */
const CAPTURED = '2026-11-22'

const seed = (name: string, title: string, url: string | null = null, published?: string): Source => ({
  url,
  file: `seeds/${name}.txt`,
  date: published ?? CAPTURED,
  dated: published === undefined ? 'captured' : 'published',
  title,
})

/** research/peers.md dates its snapshots "Aug 2026". */
const peers = (section: string, url: string | null): Source => ({
  url,
  file: `research/peers.md ${section}`,
  date: '2026-08',
  dated: 'snapshot',
  title: 'Peer research: subscription trackers, AI usage/credit trackers',
})

/** research/vendor-csv.md gives no reading date; its newest cited export is from Sep 2026. */
const vendorCsv = (section: string, url: string | null): Source => ({
  url,
  file: `research/vendor-csv.md ${section}`,
  date: CAPTURED,
  dated: 'captured',
  title: 'Vendor CSV exports an individual might import',
})

export const SEEDS = {
  checklist: seed(
    '000_739b252582add697',
    'Do AI Tool Credits Roll Over? Checklist for Resets, Top-Ups, API Credits, and Team Plans',
  ),
  kreator: seed('001_5e7ce3be45fcf67d', 'How Kreator spends your credits?'),
  schematic: seed('002_6bc6672b387be808', 'AI credits: what they are and how they work (Schematic)'),
  expiryNrr: seed(
    '003_8d08aa671aadfc7f',
    'Do AI Credits Need Expiration Dates? Pricing Rules That Protect NRR',
    'https://blog.tuguidragos.com/do-ai-credits-need-expiration-dates-pricing-rules-that-protect-nrr/',
    '2026-05-26',
  ),
  openaiBalance: seed('004_2f6fd47fc562b5b8', 'Does OpenAI API Balance Expire? (BiyaPay blog)'),
} as const

export const RESEARCH = {
  openaiPrepaid: peers('§8', 'https://help.openai.com/en/articles/8264778-what-is-prepaid-billing'),
  openaiFifo: peers('§8', 'https://community.openai.com/t/are-openai-credits-expiring/511215'),
  anthropicPay: peers('§8', 'https://support.anthropic.com/en/articles/8977456-how-do-i-pay-for-my-api-usage'),
  openrouterTerms: peers(
    '§8',
    'https://conductatlas.com/platform/openrouter/openrouter-terms-of-service/credit-expiration/',
  ),
  openrouterCredits: peers('§3.6', 'https://openrouter.ai/docs/api/api-reference/credits/get-credits.md'),
  presetsIdea: peers('§8', null),
  copilotRequests: peers('§6', 'https://docs.github.com/ja/copilot/concepts/billing/copilot-requests'),
  chatgptLimits: peers(
    '§6',
    'https://help.openai.com/en/articles/9824962-openai-o3-o4-mini-and-o3-mini-usage-limits-on-chatgpt-and-the-api',
  ),
  midjourneyReset: peers('§6', 'https://unhackai.com/check-midjourney-fast-time-remaining/'),
  claudeWindows: peers('§6', null),
  claudeExtraUsage: peers(
    '§3.5',
    'https://dev.to/martin_511ea87a455763cb29/i-built-a-free-extension-to-track-claudes-usage-limits-before-you-hit-them-4h74',
  ),
  openaiCsv: vendorCsv('§1.1', 'https://help.openai.com/en/articles/10478918-api-usage-dashboard'),
  anthropicCsv: vendorCsv('§2.1', null),
  openrouterCsv: vendorCsv('§4.1', null),
  openrouterActivity: vendorCsv('§4.2', null),
  copilotCsv: vendorCsv('§5.1', 'https://docs.github.com/en/billing/reference/billing-reports'),
  cursorCsv: vendorCsv('§5.2', null),
  ledgerRollover: {
    url: null,
    file: 'research/ledger-semantics.md §9.7',
    date: '2026-08',
    dated: 'snapshot',
    title: 'Credit-ledger semantics in billing engines',
  },
} as const satisfies Record<string, Source>
