import { join } from 'node:path'

/**
 * Where the built bundles sit relative to the main bundle (out/main/index.js). `mainDir` is the entry's
 * `import.meta.dirname`, passed in from index.ts: a shared chunk would report out/main/chunks instead.
 */
export const preloadFile = (mainDir: string): string => join(mainDir, '..', 'preload', 'index.cjs')
export const rendererIndexFile = (mainDir: string): string => join(mainDir, '..', 'renderer', 'index.html')

/**
 * A worker thread cannot start from inside app.asar, and better-sqlite3's native addon cannot load from it either,
 * so electron-builder unpacks out/main/** (asarUnpack); when packaged, point at the unpacked copy.
 */
export const workerFile = (mainDir: string, isPackaged: boolean): string => {
  const file = join(mainDir, 'worker.js')
  return isPackaged ? toUnpackedPath(file) : file
}

/** `/x/resources/app.asar/out/main/worker.js` → `/x/resources/app.asar.unpacked/out/main/worker.js` (either separator). */
export const toUnpackedPath = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
