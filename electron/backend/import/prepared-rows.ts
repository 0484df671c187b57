import { identityAssigner } from '@shared/import/row-identity'
import type { ChargeRecord, RowOutcome, RowProblem } from '@shared/import/types'
import { usageRowOf, type TargetAccount } from './usage-rows'

/**
 * The database-free half of an import pass: each row's outcome, with its row identity assigned and a usage record
 * turned into the values of its INSERT. It runs in the parse worker (parse-worker.ts) or, for small files and where
 * no worker script exists, in the backend's own thread; either way the backend sees the same calls in file order,
 * so both paths count, total, sample and reject alike.
 */

/** One call per row, in file order. Positional arguments: a million rows should not cost a million objects. */
export interface PreparedSink {
  /** A usage row ready to insert: flags bit 0 = its amount was rounded, bit 1 = billable. */
  readonly usage: (line: number, occurredAt: number, amount: number, flags: number, tags: string, key: string) => void
  readonly skip: () => void
  /** Refused by the profile, or by the target account (currency, amount). */
  readonly problem: (problem: RowProblem) => void
  /** Statement and invoice lines: rare, matched against the ledger by the backend (charge-writer.ts). */
  readonly charge: (record: ChargeRecord, key: string) => void
  /** A usage record with no account to go to (a charges profile): read, nothing else. */
  readonly unplaced: () => void
}

export const ROUNDED = 1
export const BILLABLE = 2

/**
 * Prepare a pass's outcomes into `sink`. Identities are assigned exactly where the backend used to assign them: to
 * every charge, and to every usage record that has an account (before its amount is checked, so a rejected row
 * still takes its occurrence index).
 */
export const rowPreparer = (account: TargetAccount | null, sink: PreparedSink): ((outcome: RowOutcome) => void) => {
  const identity = identityAssigner()
  return (outcome) => {
    if (outcome.kind === 'skip') sink.skip()
    else if (outcome.kind === 'problem') sink.problem(outcome.problem)
    else if (outcome.record.kind === 'charge') sink.charge(outcome.record, identity(outcome.record))
    else if (account === null) sink.unplaced()
    else {
      const record = outcome.record
      const key = identity(record)
      const mapped = usageRowOf(record, account)
      if (!mapped.ok) sink.problem(mapped.problem)
      else {
        const { row } = mapped
        const flags = (row.rounded ? ROUNDED : 0) | (row.billable === 1 ? BILLABLE : 0)
        sink.usage(record.line, row.occurredAt, row.amount, flags, row.tags, key)
      }
    }
  }
}

/** The sample text of a usage row (its model and project tags), from the tags as stored. */
export const usageSampleDetail = (tags: string): string =>
  (JSON.parse(tags) as string[]).filter((tag) => tag.startsWith('model:') || tag.startsWith('project:')).join(' ')
