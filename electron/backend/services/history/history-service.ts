import type { BatchInfo } from '@shared/api/types/history'
import { listBatches, redoNext, undoLast } from '../../history/undo'
import { inTransaction, type ServiceContext } from '../context'

/**
 * Undo, redo and the batch list (issue 4 §4). Undo and redo are not batches themselves (the contract marks them
 * batch: false), so each opens its own write transaction here: every row of the batch moves back, or none does.
 */

export const DEFAULT_HISTORY_LIMIT = 50

export const listHistory = (ctx: ServiceContext, limit = DEFAULT_HISTORY_LIMIT): readonly BatchInfo[] =>
  listBatches(ctx.db, limit)

export const undo = (ctx: ServiceContext): BatchInfo => inTransaction(ctx, () => undoLast(ctx.db, ctx.clock.now()))

export const redo = (ctx: ServiceContext): BatchInfo => inTransaction(ctx, () => redoNext(ctx.db, ctx.clock.now()))
