// Plain ESM on purpose: this runs before any build exists and on whatever Node the user happens to have,
// so it must not need TypeScript, a bundler or better-sqlite3.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** better-sqlite3 13 is a Node-API 10 addon: on Node 20 (napi 9) it does not fail cleanly, it segfaults. */
export const MIN_NODE_MAJOR = 22
export const MIN_NAPI = 10

/** Set on the re-run so a pinned Node that is somehow too old cannot make us re-run forever. */
const REEXEC_MARK = 'CREDIT_LEDGER_RUNTIME_REEXEC'
/** The waiting parent's pid, so the re-run child can tell when that parent is gone. */
const PARENT_MARK = 'CREDIT_LEDGER_RUNTIME_PARENT'

/**
 * Why this runtime cannot load better-sqlite3 13, or undefined when it can.
 * @param {NodeJS.ProcessVersions} versions
 * @returns {string | undefined}
 */
export const runtimeProblem = (versions = process.versions) => {
  const major = Number.parseInt(versions.node.split('.')[0] ?? '0', 10)
  const napi = Number.parseInt(versions.napi ?? '0', 10)
  if (major >= MIN_NODE_MAJOR && napi >= MIN_NAPI) return undefined
  return `Node v${versions.node} (Node-API ${versions.napi ?? '?'}) is too old for better-sqlite3 13: it needs Node >= ${MIN_NODE_MAJOR} (Node-API >= ${MIN_NAPI}).`
}

/** What a person can do about it; printed on stderr. */
export const runtimeAdvice = [
  'Run it through the npm scripts (npm test, npm run serve, npm run cli -- ...), which use the pinned Node',
  'from the "node" devDependency; if node_modules/node/bin/node is missing (npm ci --ignore-scripts),',
  'repair it with `npm rebuild node`, or install Node >= 22 yourself.',
].join('\n')

/**
 * The project's pinned Node (the `node` npm package), found by walking up from `fromDir`.
 * On Windows the package installs bin/node.exe and leaves a placeholder text file at bin/node.
 * @param {string} fromDir
 * @returns {string | undefined}
 */
export const findPinnedNode = (fromDir) => {
  const names = process.platform === 'win32' ? ['node.exe'] : ['node']
  let dir = resolve(fromDir)
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, 'node_modules', 'node', 'bin', name)
      if (existsSync(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/**
 * In a re-run child: the old-Node parent is blocked in spawnSync and cannot forward signals, so a SIGTERM sent to
 * it alone (a supervisor, `kill PID`) kills it and orphans us. Notice the re-parenting and stop too, gracefully.
 * The marks are removed so that processes we start are not mistaken for re-runs.
 */
const followReexecParent = () => {
  const parent = Number(process.env[PARENT_MARK])
  delete process.env[PARENT_MARK]
  delete process.env[REEXEC_MARK]
  if (!Number.isInteger(parent) || parent !== process.ppid) return
  const watch = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(watch)
    process.kill(process.pid, 'SIGTERM')
  }, 1000)
  watch.unref()
}

/**
 * Make sure the current process can load better-sqlite3 13. If it can, return and let the caller go on.
 * Otherwise re-run `entryFile` with `argv` on the pinned Node (stdio inherited, exit code propagated), or
 * print what to do and exit 1. Either way this process never returns to code that could load the addon.
 * @param {string} entryFile absolute path of the script to re-run (usually fileURLToPath(import.meta.url))
 * @param {readonly string[]} argv the script's arguments (process.argv.slice(2))
 * @returns {void}
 */
export const ensureRuntime = (entryFile, argv) => {
  const problem = runtimeProblem()
  if (problem === undefined) {
    followReexecParent()
    return
  }

  const pinned = process.env[REEXEC_MARK] === '1' ? undefined : findPinnedNode(dirname(entryFile))
  if (pinned === undefined || resolve(pinned) === resolve(process.execPath)) {
    process.stderr.write(`${problem}\n${runtimeAdvice}\n`)
    process.exit(1)
  }

  // Ctrl-C reaches the child too (same process group) and it shuts down gracefully; without this no-op
  // handler this parent would die first and the shell would come back while the child is still cleaning up.
  process.on('SIGINT', () => {})
  const child = spawnSync(pinned, [...process.execArgv, entryFile, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [REEXEC_MARK]: '1', [PARENT_MARK]: String(process.pid) },
  })
  if (child.error !== undefined) {
    process.stderr.write(
      `${problem}\nCould not run the pinned Node ${pinned}: ${child.error.message}\n${runtimeAdvice}\n`,
    )
    process.exit(1)
  }
  // A child killed by a signal has no status; report it the way a shell would (128 + signal number is not
  // portable, so 1 is enough to fail a script).
  process.exit(child.status ?? 1)
}
