import type { Cost, RolledLots } from '../ledger/model'
import { parseDuration, type Duration } from '../time/duration'
import { assumed } from './rules'
import type { PresetRule, UnitSuggestion } from './types'

/** Small constructors shared by the vendor files: units, money, durations, and the assumptions many presets make. */

export const USD: UnitSuggestion = { kind: 'money', id: 'USD', scale: 6, label: 'US dollars' }

export const creditUnit = (id: string, label: string, scale = 0): UnitSuggestion => ({
  kind: 'credit',
  id,
  scale,
  label,
})

/** US cents → a Cost in micro-dollars (the money scale), exactly. */
export const usdCents = (cents: number): Cost => ({ amount: cents * 10_000, currency: 'USD' })

/** An ISO 8601 duration literal; throws on a typo so a broken preset fails at load, in every test. */
export const iso = (text: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`bad duration literal ${text}`)
  return parsed
}

export const P1M = iso('P1M')
export const P1Y = iso('P1Y')

/** For programs without rollover the rolled-lot settings are never used; they still need a value. */
export const unusedRolled = (): PresetRule<RolledLots> =>
  assumed({ periods: null, priority: 5 }, 'nothing rolls over, so these settings are never used')

export const unusedRolledLost = (): PresetRule<boolean> =>
  assumed(true, 'nothing rolls over, so there is no bank to lose')

export const cancelAssumed = (): PresetRule<'keep_current_period'> =>
  assumed('keep_current_period', 'the sources do not say; most plans stay usable until the period ends')

export const utcAssumed = (why: string): PresetRule<string> => assumed('UTC', why)

export const usdAssumed = (): PresetRule<string> =>
  assumed('USD', 'the sources give no billing currency; change it to the one on your invoices')

export const amountToEnter = (what: string): PresetRule<number | null> =>
  assumed(null, `the sources give no ${what}; enter yours`)

export const priceToEnter = (what: string): PresetRule<Cost | null> =>
  assumed(null, `the sources give no price for ${what}; enter it from your receipt`)

/** A subscription price the sources do not give: a recalled US list price, flagged for the user to confirm. */
export const recalledPrice = (cents: number, plan: string): PresetRule<Cost | null> =>
  assumed(usdCents(cents), `${plan}: price not in the sources (a recalled US list price, may be outdated); confirm`)

export const monthlyBillingAssumed = (): PresetRule<Duration> =>
  assumed(P1M, 'monthly billing assumed; set P1Y if you pay yearly')

export const includedInPlan = (): PresetRule<Cost | null> => assumed(null, 'included in the plan price')

export const renewsAssumed = (): PresetRule<{ readonly anchor: 'billing_date'; readonly autoRenews: boolean }> =>
  assumed(
    { anchor: 'billing_date', autoRenews: true },
    'not in the sources: renews on the billing date until cancelled',
  )

export const cancellationAssumed = (): PresetRule<{
  readonly access: 'until_period_end' | 'immediate'
  readonly refund: null
}> =>
  assumed({ access: 'until_period_end', refund: null }, 'not in the sources: access usually lasts to the period end')
