#!/usr/bin/env node
// The `credit-ledger` bin. Plain ESM so it runs before any build exists: it checks the runtime, rebuilds
// out/ when the sources are newer (so `npm run cli` never runs stale code), then hands over to out/main/cli.js.
// stdout belongs to the command (JSON, the Serving line); everything this launcher says goes to stderr.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureRuntime } from './launch/ensure-runtime.mjs'

const self = fileURLToPath(import.meta.url)
ensureRuntime(self, process.argv.slice(2))

const root = join(dirname(self), '..', '..')
const cliFile = join(root, 'out', 'main', 'cli.js')
const SOURCE_DIRS = ['electron', 'shared', 'renderer']
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json']
const SKIP_DIRS = new Set(['node_modules', 'out', '.git'])

/** Newest mtime under `path` (ms); a cheap walk: a few hundred files, no content read. */
const newestMtime = (path) => {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs // a deleted file only shows up as a newer directory mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

const sourcesPresent = () => SOURCE_DIRS.some((dir) => existsSync(join(root, dir)))

const isStale = () => {
  if (!existsSync(cliFile)) return true
  // An installed package without sources (only out/) is never stale.
  if (!sourcesPresent()) return false
  const built = statSync(cliFile).mtimeMs
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((path) => newestMtime(join(root, path)) > built)
}

const build = () => {
  let bin
  try {
    // The same file node_modules/.bin/electron-vite links to, run on this (checked) Node so no .cmd shim or
    // PATH lookup is involved.
    const require = createRequire(join(root, 'package.json'))
    const pkgFile = require.resolve('electron-vite/package.json')
    bin = join(dirname(pkgFile), require(pkgFile).bin['electron-vite'])
  } catch {
    process.stderr.write('credit-ledger: out/main/cli.js is missing or stale and electron-vite is not installed.\n')
    process.stderr.write('Run `npm install` (or `npm run build`) in the project folder first.\n')
    process.exit(1)
  }
  process.stderr.write('credit-ledger: sources changed since the last build; building (electron-vite build)...\n')
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0 || !existsSync(cliFile)) {
    process.stderr.write(`credit-ledger: the build failed (exit ${result.status ?? result.signal}); see above.\n`)
    process.exit(1)
  }
}

if (isStale()) build()

const cli = await import(pathToFileURL(cliFile).href)
await cli.runAsProcess(process.argv.slice(2))
