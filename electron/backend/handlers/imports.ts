import type { importMethods } from '@shared/api/methods/imports'
import { ApiFailure } from '@shared/api/result'
import { commitImport, listImports, previewImport, undoImportBatch, uploadImport } from '../import/import-service'
import { listMappings, removeMapping, saveMapping } from '../import/mappings-service'
import { addMerchantRule, listMerchantRules, removeMerchantRule } from '../import/merchants-service'
import type { Handlers } from './types'

/** Handlers of @shared/api/methods/imports.ts. */
export const importHandlers = {
  // The dialog runs in Electron main, which answers this method itself (electron/main/import-dialog.ts); a host
  // without one (serve in a browser) reaches the backend, which says to upload instead.
  'imports.chooseFile': () => {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: 'There is no file dialog here: drop the file on the window or upload it',
    })
  },
  'imports.upload': (input, ctx) => uploadImport(ctx.services(), ctx.files, input),
  'imports.preview': (input, ctx) => previewImport(ctx.services(), ctx.files.get, input),
  'imports.commit': (input, ctx) => commitImport(ctx.services(), ctx.files.get, input),
  'imports.undo': (input, ctx) => undoImportBatch(ctx.services(), input.batchId),
  'imports.list': (input, ctx) => listImports(ctx.services(), input?.limit),
  'imports.mappings': (_input, ctx) => listMappings(ctx.services()),
  'imports.saveMapping': (input, ctx) => saveMapping(ctx.services(), input.mapping),
  'imports.removeMapping': (input, ctx) => removeMapping(ctx.services(), input.id),
  'merchants.list': (_input, ctx) => listMerchantRules(ctx.services()),
  'merchants.add': (input, ctx) => addMerchantRule(ctx.services(), input),
  'merchants.remove': (input, ctx) => removeMerchantRule(ctx.services(), input.id),
} as const satisfies Pick<Handlers, keyof typeof importMethods>
