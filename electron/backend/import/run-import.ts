import { ApiFailure } from '@shared/api/result'
import type { ImportQuestion, ImportReport } from '@shared/api/types/imports'
import type { DateFormat } from '@shared/import/dates'
import { profileFromMapping, validateMapping, type UserMapping } from '@shared/import/mapping'
import { merchantRules } from '@shared/import/merchants'
import type { DecimalMark } from '@shared/import/numbers'
import { profileById } from '@shared/import/profiles/catalog'
import { isoInstant } from '@shared/time/iso-instant'
import { beginBatch, currentBatchId } from '../history/batches'
import type { ServiceContext } from '../services/context'
import { chargeWriter, creditNeededView, creditsByLine, type CreditNeeded } from './charge-writer'
import type { RegisteredFile } from './file-registry'
import { chooseTarget } from './import-target'
import { createTally } from './import-tally'
import { importStore } from './import-store'
import { questionOf } from './import-questions'
import { listMappings, mappingProfiles } from './mappings-service'
import { userRulesForImport } from './merchants-service'
import { parseWorkerFor, passInWorker } from './parse-pipeline'
import { rowPreparer, type PreparedSink } from './prepared-rows'
import { scanFile, type FilePass } from './scan-file'
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
  /** Credit amounts of statement purchases that do not say them, by line (see ImportReport.creditNeeded). */
  readonly credits?: Readonly<Record<string, string>> | undefined
}

class PreviewRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('preview: rolled back')
  }
}

/** The mapping pass met a byte that is not UTF-8 after rows were written: they are rolled back and it runs again. */
class RestartPass extends Error {
  constructor() {
    super('import pass: restart with the detected encoding')
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
  const profile = scan.match?.profile ?? null
  const reportOf = (pass: FilePass): ImportReport => {
    const earlier = importStore(ctx.db).sameFile(pass.sha256)
    return {
      file: { name: file.name, bytes: pass.bytes, sha256: pass.sha256 },
      format:
        scan.match === null || profile === null
          ? null
          : { profile: profile.id, name: profile.name, version: scan.match.version.id, kind: profile.kind },
      encoding: pass.encoding,
      delimiter: pass.delimiter,
      headerLine: scan.headerLine,
      dateFormat: scan.dateFormat,
      account: null,
      counts: { read: 0, new: 0, duplicate: 0, matched: 0, rejected: 0, skipped: 0, rounded: 0 },
      totals: [],
      from: null,
      to: null,
      samples: [],
      rejected: [],
      fault: pass.fault,
      question: null,
      alreadyImported:
        earlier === undefined ? null : { batchId: earlier.batch_id, committedAt: isoInstant(earlier.committed_at) },
      creditNeeded: [],
      batchId: null,
    }
  }
  const refuse = (question: ImportQuestion, pass: FilePass): ImportReport => {
    if (mode === 'commit') {
      throw new ApiFailure({ code: 'VALIDATION', message: question.message, details: { question } })
    }
    return { ...reportOf(pass), question }
  }
  if (scan.refusal !== null || scan.mapRows === undefined || profile === null) {
    // A refused file was read whole (no profile, or its dates were all looked at).
    const pass = scan.pass ?? scan.mapRows?.(() => undefined)
    if (pass === undefined) throw new Error('unreachable: a refused scan has read the file')
    return refuse(questionOf(scan.refusal ?? { kind: 'empty' }), pass)
  }
  const { mapRows, passElsewhere } = scan
  const target = profile.kind === 'usage' ? chooseTarget(ctx.db, request.accountId, profile.vendor) : null
  if (target?.kind === 'ask') {
    const question: ImportQuestion = { kind: 'account', message: target.message, candidates: target.candidates }
    return refuse(question, scan.pass ?? mapRows(() => undefined))
  }
  const account = target?.kind === 'account' ? target.account : null
  const faultQuestion = (pass: FilePass): ImportQuestion | null =>
    pass.fault === null || request.acceptRowsBeforeFault === true
      ? null
      : {
          kind: 'fault',
          line: pass.fault.line,
          message: `Line ${pass.fault.line}: ${pass.fault.reason}. Nothing after it can be trusted: import the valid rows before it only, or fix the file.`,
        }

  // A big file is read, parsed and mapped in the parse worker while this thread inserts (parse-pipeline.ts); the
  // same preparation runs here otherwise. Either way `sink` below sees the same rows in the same order.
  const workerFile = parseWorkerFor(file.path)
  const mapping = workerFile === null ? undefined : mappingFor(ctx, profile.id, trying, request.mapping)
  const passRows = (sink: PreparedSink): FilePass =>
    workerFile === null || mapping === undefined || passElsewhere === undefined
      ? mapRows(rowPreparer(account, sink))
      : passElsewhere((encoding) =>
          passInWorker(
            workerFile,
            {
              path: file.path,
              profileId: profile.id,
              mapping,
              encoding,
              decimalMark: request.decimalMark,
              dateFormat: scan.dateFormat ?? undefined,
              account,
            },
            sink,
          ),
        )

  /** One mapping pass, its rows written in a savepoint (rolled back when the pass must restart). */
  const attempt = (batchId: number): ImportReport =>
    ctx.db.transaction((): ImportReport => {
      const tally = createTally()
      const batch = { id: batchId, now }
      const toUsage = account === null ? null : usageWriter(ctx.db, account, profile.vendor, batch, tally)
      const user = userRulesForImport(ctx)
      const answers = { credits: creditsByLine(request.credits), needed: [] as CreditNeeded[] }
      const toCharge = chargeWriter(ctx, merchantRules(user.rules), user.ignored, batch, tally, answers)
      const pass = passRows({
        usage: (line, occurredAt, amount, flags, tags, key) => {
          tally.read()
          toUsage?.write(line, occurredAt, amount, flags, tags, key)
        },
        skip: () => {
          tally.read()
          tally.skipped()
        },
        problem: (problem) => {
          tally.read()
          tally.rejected(problem)
        },
        charge: (record, key) => {
          tally.read()
          toCharge(record, key)
        },
        unplaced: () => tally.read(),
      })
      if (pass.restartAs !== null) throw new RestartPass()
      // A structural fault the user has not accepted: the commit writes nothing (this throw rolls it back).
      const question = faultQuestion(pass)
      if (question !== null && mode === 'commit') refuse(question, pass)
      tally.skipped(pass.skipped)
      const report = record(batchId, pass, tally, toUsage?.ids() ?? { first: null, last: null }, question)
      return { ...report, creditNeeded: answers.needed.map(creditNeededView) }
    })()

  const record = (
    batchId: number,
    pass: FilePass,
    tally: ReturnType<typeof createTally>,
    usageIds: { readonly first: number | null; readonly last: number | null },
    question: ImportQuestion | null,
  ): ImportReport => {
    const counts = tally.counts()
    const range = tally.range()
    const store = importStore(ctx.db)
    const base = reportOf(pass)
    store.insert({
      batch_id: batchId,
      file_name: file.name,
      file_sha256: pass.sha256,
      file_bytes: pass.bytes,
      profile: profile.id,
      profile_version: scan.match?.version.id ?? null,
      encoding: pass.encoding ?? 'unknown',
      delimiter: pass.delimiter,
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
      fault_line: pass.fault?.line ?? null,
      committed_at: now,
      usage_first_id: usageIds.first,
      usage_last_id: usageIds.last,
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
      question,
      batchId: mode === 'commit' ? batchId : null,
    }
  }

  const write = (batchId: number): ImportReport => {
    try {
      return attempt(batchId)
    } catch (error) {
      if (!(error instanceof RestartPass)) throw error
      return attempt(batchId)
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

/**
 * What the parse worker needs to rebuild the file's profile: null for a shipped one, the user mapping (the one being
 * tried first, as the scan tried it) for a mapping's; undefined when it cannot be found (the rows are then mapped
 * in this thread, as before).
 */
const mappingFor = (
  ctx: ServiceContext,
  profileId: string,
  trying: { readonly id: string } | null,
  tried: unknown,
): UserMapping | null | undefined => {
  if (profileById(profileId) !== undefined) return null
  const candidates: UserMapping[] = []
  if (trying !== null) {
    const checked = validateMapping(tried)
    if (checked.ok) candidates.push(checked.mapping)
  }
  for (const saved of listMappings(ctx)) candidates.push(saved.mapping)
  return candidates.find((candidate) => profileFromMapping(candidate).id === profileId)
}
