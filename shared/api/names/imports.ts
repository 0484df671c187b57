import type { importMethods } from '../methods/imports'

/** The names of ./methods/imports.ts as plain data, for the zod-free preload (see method-names.ts). */
export const IMPORT_METHOD_NAMES = [
  'imports.chooseFile',
  'imports.upload',
  'imports.preview',
  'imports.commit',
  'imports.undo',
  'imports.list',
  'imports.mappings',
  'imports.saveMapping',
  'imports.removeMapping',
  'merchants.list',
  'merchants.add',
  'merchants.remove',
] as const satisfies readonly (keyof typeof importMethods)[]
