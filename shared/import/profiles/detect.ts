import type { DateFormat } from '../dates'
import { PROFILES } from './catalog'
import { columnIndex, type ColumnIndex } from './columns'
import { bestVersion, compareFits, type VersionFit } from './signature'
import type { HeaderVersion, Profile } from './types'

export interface ProfileMatch {
  readonly profile: Profile
  readonly version: HeaderVersion
  readonly columns: ColumnIndex
  /** How many of the version's columns the header has. */
  readonly matched: number
  /** Header columns the profile does not know (extra columns are tolerated; the preview may list them). */
  readonly unknown: number
}

/**
 * The profile and layout a header belongs to, or null. Columns are matched by name (any order, extra columns
 * tolerated); of all layouts whose required columns are present, the one with the most of its columns present
 * wins, then the one missing fewest, then the one with fewest unknown columns, then PROFILES order. Cheap enough to
 * call on every preamble line while searching for the header row: preamble lines match nothing.
 */
export const detectProfile = (
  header: readonly string[],
  profiles: readonly Profile[] = PROFILES,
): ProfileMatch | null => {
  const columns = columnIndex(header)
  let best: { profile: Profile; fit: VersionFit } | null = null
  for (const profile of profiles) {
    const fit = bestVersion(profile.versions, columns)
    if (fit !== null && (best === null || compareFits(fit, best.fit) < 0)) best = { profile, fit }
  }
  if (best === null) return null
  const { profile, fit } = best
  return { profile, version: fit.version, columns, matched: fit.matched, unknown: fit.unknown }
}

/** The date formats to try on the match's date column: more than one means run detectDateFormat (and maybe ask). */
export const dateFormatsOf = (match: ProfileMatch): readonly DateFormat[] =>
  match.version.dateFormats ?? match.profile.dates.formats

/** The column holding the row's date in this header (the profile's first date column the header has). */
export const dateColumnOf = (match: ProfileMatch): string | undefined =>
  match.profile.dates.columns.find((name) => match.columns.has(name))
