import type { z } from 'zod'

/**
 * One method of the contract: a zod schema for what the caller sends, and (as a phantom type) what it gets back.
 * `kind` tells transports and the CLI whether the method changes the ledger.
 */
/** What kind of undoable batch a mutation records (DESIGN §3, issue 4); false: it is not undoable (a backup). */
export type BatchKind = 'manual' | 'preset' | 'restore' | 'import'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: 'query' | 'mutation'
  /** Mutations only: the batch the change is recorded in; absent = 'manual'. */
  readonly batch?: BatchKind | false
  readonly input: I
  /** Never set at run time; carries the output type. */
  readonly output?: O
  readonly summary: string
}

/** `query<Vendor[]>()(schema, 'List vendors')` — curried so the output type is explicit and the input inferred. */
export const query =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({
    kind: 'query',
    input,
    summary,
  })

export const mutation =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string, batch: BatchKind | false = 'manual'): MethodSpec<I, O> => ({
    kind: 'mutation',
    batch,
    input,
    summary,
  })
