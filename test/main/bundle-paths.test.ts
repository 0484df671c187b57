import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { preloadFile, rendererIndexFile, toUnpackedPath, workerFile } from '../../electron/main/bundle-paths'

describe('bundle paths', () => {
  it('finds the preload and renderer next to out/main', () => {
    const mainDir = join('/app', 'out', 'main')
    expect(preloadFile(mainDir)).toBe(join('/app', 'out', 'preload', 'index.cjs'))
    expect(rendererIndexFile(mainDir)).toBe(join('/app', 'out', 'renderer', 'index.html'))
  })

  it.each([
    [
      '/opt/Credit Ledger/resources/app.asar/out/main/worker.js',
      '/opt/Credit Ledger/resources/app.asar.unpacked/out/main/worker.js',
    ],
    [
      'C:\\Program Files\\Credit Ledger\\resources\\app.asar\\out\\main\\worker.js',
      'C:\\Program Files\\Credit Ledger\\resources\\app.asar.unpacked\\out\\main\\worker.js',
    ],
    ['/home/me/credit-ledger/out/main/worker.js', '/home/me/credit-ledger/out/main/worker.js'],
    ['/x/app.asar.unpacked/out/main/worker.js', '/x/app.asar.unpacked/out/main/worker.js'],
    ['/x/my-app.asar-notes/out/main/worker.js', '/x/my-app.asar-notes/out/main/worker.js'],
  ])('%s → %s', (path, expected) => {
    expect(toUnpackedPath(path)).toBe(expected)
  })

  it('uses the unpacked worker only when packaged', () => {
    const resources = join('/opt', 'Credit Ledger', 'resources')
    const mainDir = join(resources, 'app.asar', 'out', 'main')
    expect(workerFile(mainDir, true)).toBe(join(resources, 'app.asar.unpacked', 'out', 'main', 'worker.js'))
    expect(workerFile(mainDir, false)).toBe(join(resources, 'app.asar', 'out', 'main', 'worker.js'))
  })
})
