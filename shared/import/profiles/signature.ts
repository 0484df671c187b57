import type { ColumnIndex } from './columns'
import type { HeaderVersion } from './types'

/**
 * How well a header fits one known layout. A version fits when every required column is present (and, for a
 * closed version, nothing unknown is); among fitting versions the better one has more of its columns present,
 * then fewer of its columns missing, then fewer columns it does not know — so the 14-column Anthropic header
 * is the "late" layout, not the 7-column 2024 one it also contains.
 */
export interface VersionFit {
  readonly version: HeaderVersion
  /** Columns of the version the header has. */
  readonly matched: number
  /** Columns of the version the header lacks (optional ones: the required ones are all there). */
  readonly missing: number
  /** Header columns the version does not list. */
  readonly unknown: number
}

export const fitVersion = (version: HeaderVersion, columns: ColumnIndex): VersionFit | null => {
  const required = version.required ?? version.columns
  if (!required.every((name) => columns.has(name))) return null
  const matched = version.columns.filter((name) => columns.has(name)).length
  const listed = new Set(version.columns.flatMap((name) => columns.indicesOf(name)))
  const unknown = columns.header.filter((name, index) => name.trim() !== '' && !listed.has(index)).length
  if (version.closed === true && unknown > 0) return null
  return { version, matched, missing: version.columns.length - matched, unknown }
}

/** Negative when `a` is the better fit. */
export const compareFits = (a: VersionFit, b: VersionFit): number =>
  b.matched - a.matched || a.missing - b.missing || a.unknown - b.unknown

export const bestVersion = (versions: readonly HeaderVersion[], columns: ColumnIndex): VersionFit | null => {
  let best: VersionFit | null = null
  for (const version of versions) {
    const fit = fitVersion(version, columns)
    if (fit !== null && (best === null || compareFits(fit, best) < 0)) best = fit
  }
  return best
}
