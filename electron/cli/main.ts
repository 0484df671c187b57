import { realpathSync } from 'node:fs'
import module from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureRuntime } from './launch/ensure-runtime'

/**
 * The `credit-ledger` CLI, built to out/main/cli.js. Run directly (`node out/main/cli.js …`, as tests do) or
 * imported by the bin launcher (electron/cli/credit-ledger.mjs), which calls `runAsProcess`.
 *
 * This entry stays small on purpose: a command is a fresh process, so start-up is most of its time (issue 4:
 * `balance` in ≤ 200 ms at 1M rows). It sets the process up, then loads the command table (run.ts) and, per command,
 * only what that command needs.
 */

// This module is the bundle's entry, so import.meta.url is out/main/cli.js; the worker and renderer are its siblings.
const BUILT_DIR = dirname(fileURLToPath(import.meta.url))

/** Run one command line; resolves to the exit code (serve resolves only after a shutdown signal). */
export const run = async (argv: readonly string[]): Promise<number> => (await import('./run')).run(argv, BUILT_DIR)

/**
 * The reader of our output went away (`credit-ledger export | head`): nothing more can be said, so stop at once and
 * quietly, as a Unix filter does on SIGPIPE, instead of dying on an unhandled 'error' event with a stack trace. Exit 0
 * (or the code already decided): the reader chose to stop reading; that is not a failure of the command.
 */
const exitQuietlyOnBrokenPipe = (stream: NodeJS.WriteStream): void => {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  })
}

/**
 * Node's on-disk cache of compiled code (Node >= 22.1; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a command is a
 * fresh process, and compiling the command table, backend and contract bundles (~0.7 MB) again on every run costs
 * 20–35 ms of the 200 ms issue 4 allows `balance`. Enabled before run.ts is imported, so all of them are cached.
 * Best effort: a cache that cannot be written is just not used.
 */
const enableCompileCache = (): void => {
  try {
    module.enableCompileCache?.()
  } catch {
    // the command runs the same without it
  }
}

/**
 * Run and end the process with the code. The exit is deferred so piped stdout drains; the unref'd timer
 * forces it only if some handle (a stuck socket, a worker) would otherwise keep the process alive.
 */
export const runAsProcess = async (argv: readonly string[]): Promise<void> => {
  exitQuietlyOnBrokenPipe(process.stdout)
  exitQuietlyOnBrokenPipe(process.stderr)
  enableCompileCache()
  const code = await run(argv)
  process.exitCode = code
  setTimeout(() => process.exit(code), 3_000).unref()
}

const isProcessEntry = (): boolean => {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isProcessEntry()) {
  // Run directly on an old Node, re-run on the pinned one before the backend could load better-sqlite3.
  ensureRuntime(fileURLToPath(import.meta.url), process.argv.slice(2))
  void runAsProcess(process.argv.slice(2))
}
