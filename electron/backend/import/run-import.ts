import { ApiFailure } from '@shared/api/result'
import type { ImportQuestion, ImportReport } from '@shared/api/types/imports'
import type { DateFormat } from '@shared/import/dates'
import { merchantRules } from '@shared/import/merchants'
import type { DecimalMark } from '@shared/import/numbers'
import { identityAssigner } from '@shared/import/row-identity'
import { isoInstant } from '@shared/time/iso-instant'
import { beginBatch, currentBatchId } from '../history/batches'
import type { ServiceContext } from '../services/context'
import { chargeWriter } from './charge-writer'
import type { RegisteredFile } from './file-registry'
import { chooseTarget } from './import-target'
import { createTally } from './import-tally'
import { importStore } from './import-store'
import { questionOf } from './import-questions'
import { mappingProfiles } from './mappings-service'
import { userRulesForImport } from './merchants-service'
import { scanFile } from './scan-file'
import { usageWriter } from './usage-writer'

/**
 * Preview and commit of one import (issue 5 §6) share one path: the rows are written inside a transaction, which a
 * preview rolls back and a commit keeps, so the preview's counts (new, duplicate — also within the file —, matched,
 * rejected) are exactly what the commit will do.
 */

export interface ImportRequest {
  readonly profileId?: string | undefined
  readonly accountId?: number | undefined
  readonly dateFormat?: DateFormat | undefined
  readonly decimalMark?: DecimalMark | undefined
  /** A structural fault at line N: import the valid rows before it (issue 5 §5); otherwise nothing is written. */
  readonly acceptRowsBeforeFault?: boolean | undefined
  /** A column mapping being tried (the wizard's, before it is saved): validated, then used for this file. */
  readonly mapping?: unknown
}

class PreviewRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('preview: rolled back')
  }
}

export const runImport = (
  ctx: ServiceContext,
  file: RegisteredFile,
  request: ImportRequest,
  mode: 'preview' | 'commit',
): ImportReport => {
  const now = ctx.clock.now()
  const { trying, saved } = mappingProfiles(ctx, request.mapping)
  const profileId = trying?.id ?? request.profileId
  const scan = scanFile(file.path, {
    extraProfiles: trying === null ? saved : [trying, ...saved],
    ...(profileId === undefined ? {} : { profileId }),
    ...(request.dateFormat === undefined ? {} : { dateFormat: request.dateFormat }),
    ...(request.decimalMark === undefined ? {} : { decimalMark: request.decimalMark }),
  })
  const earlier = importStore(ctx.db).sameFile(scan.sha256)
  const profile = scan.match?.profile ?? null
  const base: ImportReport = {
    file: { name: file.name, bytes: scan.bytes, sha256: scan.sha256 },
    format:
      scan.match === null || profile === null
        ? null
        : { profile: profile.id, name: profile.name, version: scan.match.version.id, kind: profile.kind },
    encoding: scan.encoding,
    delimiter: scan.delimiter,
    headerLine: scan.headerLine,
    dateFormat: scan.dateFormat,
    account: null,
    counts: { read: 0, new: 0, duplicate: 0, matched: 0, rejected: 0, skipped: 0, rounded: 0 },
    totals: [],
    from: null,
    to: null,
    samples: [],
    rejected: [],
    fault: scan.fault,
    question: null,
    alreadyImported:
      earlier === undefined ? null : { batchId: earlier.batch_id, committedAt: isoInstant(earlier.committed_at) },
    batchId: null,
  }
  const refuse = (question: ImportQuestion): ImportReport => {
    if (mode === 'commit') {
      throw new ApiFailure({ code: 'VALIDATION', message: question.message, details: { question } })
    }
    return { ...base, question }
  }
  if (scan.refusal !== null || scan.mapRows === undefined || profile === null) {
    return refuse(questionOf(scan.refusal ?? { kind: 'empty' }))
  }
  const mapRows = scan.mapRows
  const target = profile.kind === 'usage' ? chooseTarget(ctx.db, request.accountId, profile.vendor) : null
  if (target?.kind === 'ask') return refuse({ kind: 'account', message: target.message, candidates: target.candidates })
  const account = target?.kind === 'account' ? target.account : null
  const faultQuestion: ImportQuestion | null =
    scan.fault === null || request.acceptRowsBeforeFault === true
      ? null
      : {
          kind: 'fault',
          line: scan.fault.line,
          message: `Line ${scan.fault.line}: ${scan.fault.reason}. Nothing after it can be trusted: import the valid rows before it only, or fix the file.`,
        }
  if (faultQuestion !== null && mode === 'commit') return refuse(faultQuestion)

  const write = (batchId: number): ImportReport => {
    const tally = createTally()
    const identity = identityAssigner()
    const batch = { id: batchId, now }
    const toUsage = account === null ? null : usageWriter(ctx.db, account, batch, tally)
    const user = userRulesForImport(ctx)
    const toCharge = chargeWriter(ctx, merchantRules(user.rules), user.ignored, batch, tally)
    const skipped = mapRows((outcome) => {
      tally.read()
      if (outcome.kind === 'skip') tally.skipped()
      else if (outcome.kind === 'problem') tally.rejected(outcome.problem)
      else if (outcome.record.kind === 'usage') toUsage?.(outcome.record, identity(outcome.record), profile.vendor)
      else toCharge(outcome.record, identity(outcome.record))
    })
    tally.skipped(skipped)
    const counts = tally.counts()
    const range = tally.range()
    const store = importStore(ctx.db)
    store.insert({
      batch_id: batchId,
      file_name: file.name,
      file_sha256: scan.sha256,
      file_bytes: scan.bytes,
      profile: profile.id,
      profile_version: scan.match?.version.id ?? null,
      encoding: scan.encoding ?? 'unknown',
      delimiter: scan.delimiter,
      account_id: account?.id ?? null,
      rows_read: counts.read,
      rows_new: counts.new,
      rows_duplicate: counts.duplicate,
      rows_matched: counts.matched,
      rows_rejected: counts.rejected,
      rows_skipped: counts.skipped,
      rows_rounded: counts.rounded,
      first_at: range.from,
      last_at: range.to,
      fault_line: scan.fault?.line ?? null,
      committed_at: now,
    })
    for (const problem of tally.rejections()) store.rejection(batchId, problem.line, problem.column, problem.reason)
    ctx.db.prepare('UPDATE batches SET label = ? WHERE id = ?').run(`Import ${file.name}`, batchId)
    return {
      ...base,
      account: account === null ? null : { id: account.id, name: account.name, unitId: account.unitId },
      counts,
      totals: tally.totals(),
      from: range.from === null ? null : isoInstant(range.from),
      to: range.to === null ? null : isoInstant(range.to),
      samples: tally.samples(),
      rejected: tally.rejections(),
      question: faultQuestion,
      batchId: mode === 'commit' ? batchId : null,
    }
  }

  if (mode === 'commit') return write(currentBatchId(ctx.db))
  try {
    ctx.db
      .transaction(() => {
        const batchId = beginBatch(ctx.db, { kind: 'import', label: `Preview ${file.name}`, method: null }, now)
        throw new PreviewRollback(write(batchId))
      })
      .immediate()
  } catch (error) {
    if (error instanceof PreviewRollback) return error.report
    throw error
  }
  throw new Error('unreachable: a preview always rolls back')
}
