/** Every API method answers with a Result: expected failures are values, never thrown (Electron only forwards `message`). */

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'BUSY',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  readonly code: ErrorCode
  readonly message: string
  /** Field path (dot-joined, e.g. "name" or "lines.3.amount") → message a form can show next to that field. */
  readonly fields?: Readonly<Record<string, string>>
  /** Machine-readable extras, e.g. the latest backup offered on DB_CORRUPT. */
  readonly details?: Readonly<Record<string, unknown>>
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (
  code: ErrorCode,
  message: string,
  extra: {
    fields?: Record<string, string>
    details?: Record<string, unknown>
  } = {},
): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message, ...extra },
})

/** A thrown ApiFailure is turned into its Result by the dispatcher; services use it to abort a transaction. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
