import { checkLocal, daysInMonth, type LocalDateTime } from './calendar'
import { toInstant } from './zoned'

/**
 * Instants as people type them (issue 4 §6): ISO 8601 with an offset ("2026-03-01T09:00:00Z", "…+01:00") is one
 * instant; without one ("2026-03-01T09:00", "2026-03-01") it is a wall-clock time read in the user's zone, which
 * the backend knows and the caller may not. So parsing and resolving are two steps.
 */
export type InstantText =
  { readonly kind: 'absolute'; readonly at: number } | { readonly kind: 'local'; readonly local: LocalDateTime }

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/

/** undefined for anything else, including impossible dates (Feb 30, 24:00) and an offset on a date alone. */
export const parseInstantText = (text: string): InstantText | undefined => {
  const match = PATTERN.exec(text.trim())
  if (match === null) return undefined
  const [, y, mo, d, h, mi, s, ms, offset] = match
  if (offset !== undefined && h === undefined) return undefined
  const local: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: Number((ms ?? '0').padEnd(3, '0')),
  }
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > daysInMonth(local.year, local.month)) {
    return undefined
  }
  if (local.hour > 23 || local.minute > 59 || local.second > 59) return undefined
  checkLocal(local)
  if (offset === undefined) return { kind: 'local', local }
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.replace(/[^0-9]/g, '')
  const offsetMs =
    offset === 'Z' || offset === 'z' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  return { kind: 'absolute', at: toInstant(local, 'UTC') - offsetMs }
}

/** The instant `text` means for someone in `zone` (DST gaps and overlaps resolved as zoned.ts does). */
export const resolveInstantText = (text: InstantText, zone: string): number =>
  text.kind === 'absolute' ? text.at : toInstant(text.local, zone)

/** Instants leave the backend as ISO 8601 in UTC with a Z. */
export const isoInstant = (at: number): string => new Date(at).toISOString()
