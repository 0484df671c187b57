import { anthropicCost, anthropicTokens } from './anthropic'
import { copilotUsage } from './copilot'
import { cursorUsage } from './cursor'
import { dkb, ing, sparkasse } from './eu-statements'
import { openaiCost, openaiUsage } from './openai'
import { openrouterDaily, openrouterRequests } from './openrouter'
import { stripeInvoices } from './stripe'
import type { Profile } from './types'
import { amex, capitalOne, chase } from './us-statements'

/** Every format the app recognises by header (issue 5 §1). Order only breaks exact ties in detectProfile. */
export const PROFILES: readonly Profile[] = [
  openaiCost,
  openaiUsage,
  anthropicCost,
  anthropicTokens,
  openrouterRequests,
  openrouterDaily,
  cursorUsage,
  copilotUsage,
  stripeInvoices,
  chase,
  amex,
  capitalOne,
  dkb,
  sparkasse,
  ing,
]

const byId = new Map(PROFILES.map((profile) => [profile.id, profile]))

export const profileById = (id: string): Profile | undefined => byId.get(id)
