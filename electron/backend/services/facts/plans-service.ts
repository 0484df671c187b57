import type { z } from 'zod'
import type { cancelPlanInput, newPlanInput, updatePlanInput } from '@shared/api/schemas/facts-plans'
import type { PlanView } from '@shared/api/types/facts'
import { isoInstant } from '@shared/time/iso-instant'
import { programRef } from '../../ledger/engine-ids'
import { programColumns, programFactOf } from '../../ledger/fact-rows'
import { programsRepo, type ProgramColumns, type StoredProgramRow } from '../../repositories/facts/programs-repo'
import { inTransaction, type ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { applyTerms, defaultTerms, firstBoundary, planView, type PlanTerms } from './plan-terms'
import {
  accountScopes,
  conflict,
  invalid,
  notFound,
  provenance,
  requireAccount,
  scopeIn,
  type AccountScope,
} from './scope'

/**
 * Plans (programs). What editing means: a plan's periods are computed from its terms, so rewriting the terms
 * rewrites every period it ever released. Renaming is always fine; any other edit of a plan whose first period has
 * started is refused unless marked a correction (a data-entry mistake, fixed everywhere, undoable). A change of
 * terms from a date is a new plan that `replaces` the old one: the old one then ends where the new one starts, so
 * past periods keep their terms. Cancelling sets the end: no period starts at or after it.
 */

const requirePlan = (ctx: ServiceContext, id: number, field = 'id'): StoredProgramRow =>
  programsRepo(ctx.db).get(id) ?? raise(notFound('plan', id, field))

const raise = (failure: Error): never => {
  throw failure
}

const termsOf = (row: StoredProgramRow): PlanTerms => {
  const { id: _id, accountId: _account, createdSeq: _seq, ...terms } = programFactOf(row)
  return terms
}

const viewOf = (ctx: ServiceContext, id: number, scope: AccountScope): PlanView => planView(requirePlan(ctx, id), scope)

export const addPlan = (ctx: ServiceContext, input: z.output<typeof newPlanInput>, source = 'manual'): PlanView =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const replaced = input.replaces === undefined ? undefined : requirePlan(ctx, input.replaces, 'replaces')
    if (replaced !== undefined && replaced.account_id !== scope.id) {
      throw invalid('replaces', `Plan ${replaced.id} belongs to another account: a plan change stays in one account`)
    }
    const terms = applyTerms(ctx, defaultTerms(input, scope), input, scope)
    const plan: PlanTerms = {
      ...terms,
      endsAt: input.endsAt === undefined || input.endsAt === null ? null : resolveAt(ctx, input.endsAt),
      ...(replaced === undefined ? {} : { replaces: programRef(replaced.id) }),
    }
    const repo = programsRepo(ctx.db)
    const id = repo.insert(scope.id, programColumns(plan), provenance(ctx, source))
    if (replaced !== undefined) {
      // The old plan's last period is the one before the new plan's first: no overlap, no gap.
      const start = firstBoundary(plan)
      if (replaced.ends_at === null || replaced.ends_at > start) repo.setEndsAt(replaced.id, start)
    }
    return viewOf(ctx, id, scope)
  })

export const listPlans = (ctx: ServiceContext, accountId: number | undefined): PlanView[] => {
  if (accountId !== undefined) requireAccount(ctx, accountId)
  const scopes = accountScopes(ctx)
  return programsRepo(ctx.db)
    .list(accountId)
    .map((row) => planView(row, scopeIn(scopes, row.account_id)))
}

export const updatePlan = (ctx: ServiceContext, input: z.output<typeof updatePlanInput>): PlanView =>
  inTransaction(ctx, () => {
    const row = requirePlan(ctx, input.id)
    const scope = requireAccount(ctx, row.account_id)
    const { id, correction, ...patch } = input
    const current = termsOf(row)
    const next = applyTerms(ctx, current, patch, scope)
    const before = programColumns(current)
    const after = programColumns(next)
    // Everything but the name shapes the periods (ends_at is untouched here: that is plans.cancel).
    const changed = (Object.keys(after) as (keyof ProgramColumns)[]).filter(
      (column) => column !== 'name' && before[column] !== after[column],
    )
    const started = Math.min(firstBoundary(current), firstBoundary(next)) <= ctx.clock.now()
    if (changed.length > 0 && started && correction !== true) {
      throw conflict(
        'correction',
        `Plan ${id} has been running since ${isoInstant(firstBoundary(current))}: changing its terms rewrites every ` +
          'period, past ones included. To change plans from a date, add a new plan that replaces this one; to fix ' +
          'a data-entry mistake everywhere, mark the edit as a correction.',
      )
    }
    programsRepo(ctx.db).update(id, after)
    return viewOf(ctx, id, scope)
  })

export const cancelPlan = (ctx: ServiceContext, input: z.output<typeof cancelPlanInput>): PlanView =>
  inTransaction(ctx, () => {
    const row = requirePlan(ctx, input.id)
    const scope = requireAccount(ctx, row.account_id)
    programsRepo(ctx.db).setEndsAt(row.id, input.at === null ? null : resolveAt(ctx, input.at))
    return viewOf(ctx, row.id, scope)
  })
