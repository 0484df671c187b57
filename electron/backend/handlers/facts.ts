import type { factMethods } from '@shared/api/methods/facts'
import { addLot, changeLotExpiry, listLots, retractLot, voidLot } from '../services/facts/lots-service'
import { addObservation, listObservations } from '../services/facts/observations-service'
import { addPlan, cancelPlan, listPlans, updatePlan } from '../services/facts/plans-service'
import { addRate, listRates } from '../services/facts/rates-service'
import { addRecharge, listRecharges, removeRecharge, updateRecharge } from '../services/facts/recharge-service'
import { addUsage, listUsage, removeUsage } from '../services/facts/usage-service'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/facts.ts. */
export const factHandlers = {
  'plans.add': (input, ctx) => addPlan(ctx.services(), input),
  'plans.list': (input, ctx) => listPlans(ctx.services(), input?.accountId),
  'plans.update': (input, ctx) => updatePlan(ctx.services(), input),
  'plans.cancel': (input, ctx) => cancelPlan(ctx.services(), input),

  'recharge.add': (input, ctx) => addRecharge(ctx.services(), input),
  'recharge.list': (input, ctx) => listRecharges(ctx.services(), input?.accountId),
  'recharge.update': (input, ctx) => updateRecharge(ctx.services(), input),
  'recharge.remove': (input, ctx) => removeRecharge(ctx.services(), input.id),

  'lots.add': (input, ctx) => addLot(ctx.services(), input),
  'lots.list': (input, ctx) => listLots(ctx.services(), input),
  'lots.void': (input, ctx) => voidLot(ctx.services(), input),
  'lots.retract': (input, ctx) => retractLot(ctx.services(), input),
  'lots.changeExpiry': (input, ctx) => changeLotExpiry(ctx.services(), input),

  'usage.add': (input, ctx) => addUsage(ctx.services(), input),
  'usage.list': (input, ctx) => listUsage(ctx.services(), input),
  'usage.remove': (input, ctx) => removeUsage(ctx.services(), input.id),

  'observations.add': (input, ctx) => addObservation(ctx.services(), input),
  'observations.list': (input, ctx) => listObservations(ctx.services(), input?.accountId),

  'rates.add': (input, ctx) => addRate(ctx.services(), input),
  'rates.list': (input, ctx) => listRates(ctx.services(), input),
} as const satisfies Pick<Handlers, keyof typeof factMethods>
