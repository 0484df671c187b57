import type { DateFormat } from '@shared/import/dates'
import type { TextEncoding } from '@shared/import/encoding'
import { profileFromMapping, type UserMapping } from '@shared/import/mapping'
import type { DecimalMark } from '@shared/import/numbers'
import type { FilePass } from './scan-file'
import { scanFile } from './scan-file'
import { rowPreparer, type PreparedSink } from './prepared-rows'
import type { RowsChunk } from './row-chunks'
import type { TargetAccount } from './usage-rows'

/**
 * What the parse worker is asked to do, and what it answers (parse-pipeline.ts runs it). The job carries plain data
 * only: the profile by id (a user mapping as its validated JSON, rebuilt there), the settings the backend's scan
 * settled, and the target account's unit, scale and zone for turning usage records into rows.
 */
export interface ParseJob {
  readonly path: string
  readonly profileId: string
  /** The user mapping behind `profileId`, when it is one. */
  readonly mapping: UserMapping | null
  readonly encoding: TextEncoding | undefined
  readonly decimalMark: DecimalMark | undefined
  readonly dateFormat: DateFormat | undefined
  readonly account: TargetAccount | null
  /** Rows per chunk, and how many chunks may wait unconsumed before the worker waits too. */
  readonly chunkRows: number
  readonly maxQueued: number
}

export type ParseMessage =
  RowsChunk | { readonly kind: 'end'; readonly pass: FilePass } | { readonly kind: 'failed'; readonly message: string }

/** Int32 slots of the shared flow-control buffer (parse-worker.ts repeats them: its entry imports nothing). */
export const PRODUCED = 0
export const CONSUMED = 1
/** Set by the backend when it no longer wants rows (it failed, or it is done): the worker stops reading. */
export const STOP = 2
export const STATE_SLOTS = 3

/**
 * Scan the file again with the backend's settings (the head only: the format is known, the dates settled) and run
 * the mapping pass into `sink`.
 */
export const runParseJob = (job: ParseJob, sink: PreparedSink): FilePass => {
  const scan = scanFile(job.path, {
    profileId: job.profileId,
    extraProfiles: job.mapping === null ? [] : [profileFromMapping(job.mapping)],
    ...(job.encoding === undefined ? {} : { encoding: job.encoding }),
    ...(job.decimalMark === undefined ? {} : { decimalMark: job.decimalMark }),
    ...(job.dateFormat === undefined ? {} : { dateFormat: job.dateFormat }),
  })
  if (scan.mapRows === undefined || scan.match?.profile.id !== job.profileId) {
    throw new Error('The file changed while it was being imported: import it again')
  }
  return scan.mapRows(rowPreparer(job.account, sink))
}
