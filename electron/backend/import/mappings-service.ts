import { ApiFailure } from '@shared/api/result'
import { headerFingerprint, profileFromMapping, validateMapping, type UserMapping } from '@shared/import/mapping'
import type { Profile } from '@shared/import/profiles/types'
import { isoInstant } from '@shared/time/iso-instant'
import type { ServiceContext } from '../services/context'

/**
 * Saved column mappings for CSVs no profile knows (issue 5 §3): one per header (its fingerprint), reused when the
 * same header shows up again; stored as the validated mapping JSON (import_profiles, migration 0004).
 */

export interface SavedMapping {
  readonly id: number
  readonly name: string
  readonly profileId: string
  readonly mapping: UserMapping
  readonly savedAt: string
}

interface Row {
  id: number
  name: string
  mapping: string
  recorded_at: number
}

const invalidMapping = (fields: Readonly<Record<string, string>>, prefix: string): ApiFailure =>
  new ApiFailure({
    code: 'VALIDATION',
    message: 'The column mapping is not complete',
    fields: Object.fromEntries(Object.entries(fields).map(([path, message]) => [`${prefix}.${path}`, message])),
  })

/** Every saved mapping; one whose stored JSON no longer validates (a newer app wrote it) is left out, not fatal. */
export const listMappings = (ctx: ServiceContext): SavedMapping[] =>
  (
    ctx.db
      .prepare('SELECT id, name, mapping, recorded_at FROM import_profiles ORDER BY name COLLATE NOCASE')
      .all() as Row[]
  ).flatMap((row) => {
    const checked = validateMapping(JSON.parse(row.mapping) as unknown)
    if (!checked.ok) return []
    const mapping = checked.mapping
    return [
      {
        id: row.id,
        name: row.name,
        profileId: profileFromMapping(mapping).id,
        mapping,
        savedAt: isoInstant(row.recorded_at),
      },
    ]
  })

/** The mapping being tried (validated; its field errors under "mapping.") and the saved ones, as profiles. */
export const mappingProfiles = (ctx: ServiceContext, trying: unknown): { trying: Profile | null; saved: Profile[] } => {
  const saved = listMappings(ctx).map((entry) => profileFromMapping(entry.mapping))
  if (trying === undefined) return { trying: null, saved }
  const checked = validateMapping(trying)
  if (!checked.ok) throw invalidMapping(checked.fields, 'mapping')
  return { trying: profileFromMapping(checked.mapping), saved }
}

/** Save (or replace, for the same header) a mapping under its name. */
export const saveMapping = (ctx: ServiceContext, input: unknown): SavedMapping => {
  const checked = validateMapping(input)
  if (!checked.ok) throw invalidMapping(checked.fields, 'mapping')
  const mapping = checked.mapping
  const fingerprint = headerFingerprint(mapping.header)
  const clash = ctx.db
    .prepare('SELECT id FROM import_profiles WHERE name = ? COLLATE NOCASE AND header_fingerprint <> ?')
    .get(mapping.name, fingerprint)
  if (clash !== undefined) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: `A mapping named “${mapping.name}” exists for another header`,
      fields: { 'mapping.name': 'Choose another name' },
    })
  }
  ctx.db
    .prepare(
      `INSERT INTO import_profiles (name, header_fingerprint, mapping, recorded_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (header_fingerprint) DO UPDATE SET name = excluded.name, mapping = excluded.mapping`,
    )
    .run(mapping.name, fingerprint, JSON.stringify(mapping), ctx.clock.now())
  const saved = listMappings(ctx).find((entry) => headerFingerprint(entry.mapping.header) === fingerprint)
  if (saved === undefined) throw new Error('a saved mapping could not be read back')
  return saved
}

export const removeMapping = (ctx: ServiceContext, id: number): { id: number } => {
  const removed = ctx.db.prepare('DELETE FROM import_profiles WHERE id = ?').run(id)
  if (removed.changes === 0) {
    throw new ApiFailure({ code: 'NOT_FOUND', message: `No saved mapping ${id}`, fields: { id: 'No such mapping' } })
  }
  return { id }
}
