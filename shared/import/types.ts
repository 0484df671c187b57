import type { LocalDate } from '../time/calendar'

/**
 * The import pipeline's shapes (DESIGN §6, issue 5): bytes → text (encoding.ts) → rows (csv tokenizing, dialect,
 * header search) → records (a format profile maps a row to a usage, charge or purchase record) → facts (the backend
 * commits records as one import batch). Pure data: every stage can be tested alone and run in the browser or Node.
 */

/** A row as the tokenizer gives it: its cells and the physical line (1-based) it starts on, for error messages. */
export interface RawRow {
  readonly line: number
  readonly cells: readonly string[]
}

/** Why a row (or the file) was refused, with the line and, when known, the column, as the user sees them. */
export interface RowProblem {
  readonly line: number
  /** The header name of the column at fault; null when the whole row (or the file) is at fault. */
  readonly column: string | null
  readonly reason: string
}

/**
 * When a record happened. Timestamped vendor exports are instants (UTC epoch ms); statements carry dates only,
 * which are local dates in the account's zone and are never shifted (issue 5 §7).
 */
export type When =
  { readonly kind: 'instant'; readonly at: number } | { readonly kind: 'date'; readonly date: LocalDate }

interface RecordBase {
  /** Physical line of the row the record came from. */
  readonly line: number
  /** The vendor's own id for the row (request id, generation id, invoice id) when the export has one. */
  readonly externalId: string | null
  readonly at: When
  /** The vendor the profile recognised (e.g. "OpenAI"), or a merchant rule's; null when unknown. */
  readonly vendorHint: string | null
  /** What in the file names the account (project, workspace, api key name), null when nothing does. */
  readonly accountHint: string | null
}

/** Consumption: an amount (money for cost exports, credits or tokens otherwise) drawn from the account's lots. */
export interface UsageRecord extends RecordBase {
  readonly kind: 'usage'
  /** Exact decimal text with '.' as the mark, sign-free (e.g. "0.000123456789"); may carry more digits than the unit. */
  readonly amount: string
  /** ISO 4217 code when the amount is money; null when it is in the account's own unit (credits, tokens). */
  readonly currency: string | null
  /** "key:value" tags such as model:gpt-4o, project:site, key:prod, line_item:output. */
  readonly tags: readonly string[]
  /** false: the vendor did not charge it (a failed request, BYOK traffic): recorded, never drawn. */
  readonly billable: boolean
}

/**
 * Money paid out (or refunded: a negative amount) — a card or bank statement line, a Stripe invoice. Merchant rules
 * decide whether it is a subscription payment or a purchase that creates a lot (issue 5 §2).
 */
export interface ChargeRecord extends RecordBase {
  readonly kind: 'charge'
  /** Exact decimal text, '.' as the mark; positive = paid, negative = refunded or credited. */
  readonly amount: string
  readonly currency: string
  /** The statement descriptor or invoice description ("OPENAI *CHATGPT SUBSCR"). */
  readonly descriptor: string
}

export type ImportRecord = UsageRecord | ChargeRecord

/** What a profile does with one row: a record, a problem, or nothing (an empty bucket row, a footer total). */
export type RowOutcome =
  | { readonly kind: 'record'; readonly record: ImportRecord }
  | { readonly kind: 'problem'; readonly problem: RowProblem }
  | { readonly kind: 'skip'; readonly reason: string }
