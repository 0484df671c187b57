import type { z } from 'zod'
import type { newObservationInput } from '@shared/api/schemas/facts-usage'
import type { ObservationView } from '@shared/api/types/facts'
import { isoInstant } from '@shared/time/iso-instant'
import { observationRef } from '../../ledger/engine-ids'
import { observationsRepo, type StoredObservationRow } from '../../repositories/facts/observations-repo'
import { inTransaction, type ServiceContext } from '../context'
import { provenanceView, unitAmount } from './fact-views'
import {
  accountScopes,
  instantOrNow,
  notFound,
  parseAmount,
  provenance,
  requireAccount,
  scopeIn,
  type AccountScope,
} from './scope'

/** Balances a vendor's dashboard showed: the model is compared with them (a flagged difference), never edited. */

const observationView = (row: StoredObservationRow, scope: AccountScope): ObservationView => ({
  id: row.id,
  ref: observationRef(row.id),
  accountId: row.account_id,
  at: isoInstant(row.at),
  balance: unitAmount(row.balance, scope),
  tolerance: unitAmount(row.tolerance, scope),
  note: row.note,
  ...provenanceView(row),
})

export const addObservation = (
  ctx: ServiceContext,
  input: z.output<typeof newObservationInput>,
  source = 'manual',
): ObservationView =>
  inTransaction(ctx, () => {
    const scope = requireAccount(ctx, input.accountId)
    const repo = observationsRepo(ctx.db)
    const id = repo.insert(
      scope.id,
      {
        at: instantOrNow(ctx, input.at),
        // What the vendor showed is exact text: more decimals than the unit holds is a typo, not something to round.
        balance: parseAmount(input.balance, scope.scale, 'balance', 'Balance').value,
        tolerance:
          input.tolerance === undefined ? 0 : parseAmount(input.tolerance, scope.scale, 'tolerance', 'Tolerance').value,
        note: input.note ?? null,
      },
      provenance(ctx, source),
    )
    const row = repo.get(id)
    if (row === undefined) throw notFound('observation', id)
    return observationView(row, scope)
  })

export const listObservations = (ctx: ServiceContext, accountId: number | undefined): ObservationView[] => {
  if (accountId !== undefined) requireAccount(ctx, accountId)
  const scopes = accountScopes(ctx)
  return observationsRepo(ctx.db)
    .list(accountId)
    .map((row) => observationView(row, scopeIn(scopes, row.account_id)))
}
