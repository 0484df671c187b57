import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'

/**
 * Files a host chose for import (issue 5 §8): the Electron dialog in main, an upload in serve, the CLI's argument.
 * The host registers the path OUTSIDE the contract (Backend.registerFile) and hands the renderer an opaque id, so
 * an untrusted caller can import only what a host chose, and never names a path itself.
 */
export interface RegisteredFile {
  readonly path: string
  /** What the user sees (the file's own name), stored with the import. */
  readonly name: string
}

export interface FileRegistry {
  readonly register: (path: string, name?: string) => string
  readonly get: (id: string) => RegisteredFile | undefined
}

export const createFileRegistry = (): FileRegistry => {
  const files = new Map<string, RegisteredFile>()
  return {
    register: (path, name) => {
      const id = randomUUID()
      files.set(id, { path, name: name ?? basename(path) })
      return id
    },
    get: (id) => files.get(id),
  }
}
