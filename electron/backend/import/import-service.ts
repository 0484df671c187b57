import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ImportInput } from '@shared/api/methods/imports'
import { MAX_UPLOAD_BYTES } from '@shared/api/methods/imports'
import { ApiFailure } from '@shared/api/result'
import type { ImportListItem, ImportReport } from '@shared/api/types/imports'
import { isoInstant } from '@shared/time/iso-instant'
import type { ServiceContext } from '../services/context'
import type { FileRegistry, RegisteredFile } from './file-registry'
import { importStore } from './import-store'
import { runImport } from './run-import'
import { undoImport } from './undo-import'

/** The import use cases behind the contract (issue 5 §8). */

const fileOf = (lookup: (id: string) => RegisteredFile | undefined, fileId: string): RegisteredFile => {
  const file = lookup(fileId)
  if (file === undefined) {
    throw new ApiFailure({
      code: 'NOT_FOUND',
      message: 'That file is no longer available: choose it again',
      fields: { fileId: 'Choose or upload the file again' },
    })
  }
  return file
}

const request = (input: ImportInput) => ({
  profileId: input.profileId,
  accountId: input.accountId,
  dateFormat: input.dateFormat,
  decimalMark: input.decimalMark,
  acceptRowsBeforeFault: input.acceptRowsBeforeFault,
  mapping: input.mapping,
  credits: input.credits,
})

export const previewImport = (
  ctx: ServiceContext,
  lookup: (id: string) => RegisteredFile | undefined,
  input: ImportInput,
): ImportReport => runImport(ctx, fileOf(lookup, input.fileId), request(input), 'preview')

export const commitImport = (
  ctx: ServiceContext,
  lookup: (id: string) => RegisteredFile | undefined,
  input: ImportInput,
): ImportReport => runImport(ctx, fileOf(lookup, input.fileId), request(input), 'commit')

/** Bytes from a drag-and-drop or an upload, kept beside the database (never a path the caller names). */
export const uploadImport = (
  ctx: ServiceContext,
  files: FileRegistry,
  input: { readonly name: string; readonly contentBase64: string },
): { fileId: string; name: string; bytes: number } => {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new ApiFailure({
      code: 'VALIDATION',
      message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most an upload takes: open it from the desktop app or import it with the credit-ledger command`,
      fields: { contentBase64: `Larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
    })
  }
  const dir = join(dirname(ctx.dbPath), 'import-uploads')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${randomUUID()}.csv`)
  writeFileSync(path, bytes)
  return { fileId: files.register(path, input.name), name: input.name, bytes: bytes.length }
}

export const undoImportBatch = (ctx: ServiceContext, batchId: number): { batchId: number; removed: number } =>
  ctx.db.transaction(() => ({ batchId, ...undoImport(ctx.db, batchId, ctx.clock.now()) })).immediate()

export const listImports = (ctx: ServiceContext, limit = 50): ImportListItem[] => {
  const store = importStore(ctx.db)
  return store.list(limit).map((row) => ({
    batchId: row.batch_id,
    fileName: row.file_name,
    profile: row.profile,
    accountId: row.account_id,
    counts: {
      read: row.rows_read,
      new: row.rows_new,
      duplicate: row.rows_duplicate,
      matched: row.rows_matched,
      rejected: row.rows_rejected,
      skipped: row.rows_skipped,
      rounded: row.rows_rounded,
    },
    from: row.first_at === null ? null : isoInstant(row.first_at),
    to: row.last_at === null ? null : isoInstant(row.last_at),
    state: row.state,
    committedAt: isoInstant(row.committed_at),
    undoneAt: row.undone_at === null ? null : isoInstant(row.undone_at),
    rejected: store
      .rejections(row.batch_id, 200)
      .map((r) => ({ line: r.line, column: r.column_name, reason: r.reason })),
  }))
}
