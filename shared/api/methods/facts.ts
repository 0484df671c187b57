import { mutation, query, type MethodSpec } from '../define'
import { byFactId, optionalAccountFilter } from '../schemas/facts-common'
import { changeExpiryInput, lotFilter, newLotInput, retractLotInput, voidLotInput } from '../schemas/facts-lots'
import { cancelPlanInput, newPlanInput, updatePlanInput } from '../schemas/facts-plans'
import { newRechargeInput, updateRechargeInput } from '../schemas/facts-recharge'
import { newObservationInput, newRateInput, newUsageInput, rateFilter, usageFilter } from '../schemas/facts-usage'
import type {
  LotView,
  ObservationView,
  PlanView,
  RateView,
  RechargeRuleView,
  UsageAdded,
  UsagePage,
} from '../types/facts'

type Removed = { readonly id: number }

/** Recording facts: plans (programs), auto-recharge rules, lots and their events, usage, observations, rates (issue 4). */
export const factMethods = {
  'plans.add': mutation<PlanView>()(newPlanInput, 'Add a plan (allowance, add-on, annual release, daily, commitment)'),
  'plans.list': query<readonly PlanView[]>()(optionalAccountFilter, 'Plans, by account then start'),
  'plans.update': mutation<PlanView>()(
    updatePlanInput,
    'Rename a plan, or correct its terms (every period; needs correction once a period started)',
  ),
  'plans.cancel': mutation<PlanView>()(cancelPlanInput, 'Cancel a plan: no period starts at or after the instant'),

  'recharge.add': mutation<RechargeRuleView>()(newRechargeInput, 'Add an auto-recharge rule'),
  'recharge.list': query<readonly RechargeRuleView[]>()(optionalAccountFilter, 'Auto-recharge rules, by account'),
  'recharge.update': mutation<RechargeRuleView>()(updateRechargeInput, 'Change an auto-recharge rule'),
  'recharge.remove': mutation<Removed>()(byFactId, 'Delete an auto-recharge rule'),

  'lots.add': mutation<LotView>()(newLotInput, 'Record a lot: a purchase, a grant, a promotion'),
  'lots.list': query<readonly LotView[]>()(lotFilter, 'Stored lots with their events, by account then effective time'),
  'lots.void': mutation<LotView>()(voidLotInput, 'Void a lot from an instant (a refund or cancellation)'),
  'lots.retract': mutation<LotView>()(retractLotInput, 'Retract a lot entered by mistake: replay as if it never was'),
  'lots.changeExpiry': mutation<LotView>()(changeExpiryInput, 'Move a lot’s expiry (the vendor extended or cut it)'),

  'usage.add': mutation<UsageAdded>()(newUsageInput, 'Record usage: an amount, or an action priced by the rate table'),
  'usage.list': query<UsagePage>()(usageFilter, 'Usage, newest first, a page at a time, with the total count'),
  'usage.remove': mutation<Removed>()(byFactId, 'Delete a usage row'),

  'observations.add': mutation<ObservationView>()(
    newObservationInput,
    'Record a balance the vendor’s dashboard showed',
  ),
  'observations.list': query<readonly ObservationView[]>()(
    optionalAccountFilter,
    'Observed balances, by account, time',
  ),

  'rates.add': mutation<RateView>()(newRateInput, 'Add a rate (an action’s price in the account unit) from an instant'),
  'rates.list': query<readonly RateView[]>()(rateFilter, 'Rates, by account, key, then effective time'),
} as const satisfies Record<string, MethodSpec>
