import type { importMethods } from '@shared/api/methods/imports'
import { commitImport, listImports, previewImport, undoImportBatch, uploadImport } from '../import/import-service'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/imports.ts. */
export const importHandlers = {
  'imports.upload': (input, ctx) => uploadImport(ctx.services(), ctx.files, input),
  'imports.preview': (input, ctx) => previewImport(ctx.services(), ctx.files.get, input),
  'imports.commit': (input, ctx) => commitImport(ctx.services(), ctx.files.get, input),
  'imports.undo': (input, ctx) => undoImportBatch(ctx.services(), input.batchId),
  'imports.list': (input, ctx) => listImports(ctx.services(), input?.limit),
} as const satisfies Pick<Handlers, keyof typeof importMethods>
