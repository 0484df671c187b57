// First step of `npm test`: stop at once, with instructions, when the scripts are not running on the pinned Node.
// Without it the first test that opens better-sqlite3 13 on Node 20 kills its Vitest worker with SIGSEGV,
// which reads like a bug in our code rather than a setup problem.
import { findPinnedNode, runtimeAdvice, runtimeProblem } from '../../electron/cli/launch/ensure-runtime.mjs'

const problem = runtimeProblem()
if (problem !== undefined) {
  const pinned = findPinnedNode(import.meta.dirname ?? process.cwd())
  process.stderr.write(
    [
      `check-runtime: ${problem}`,
      `This script ran on ${process.execPath}.`,
      pinned === undefined
        ? 'The pinned Node (node_modules/node/bin/node) is missing.'
        : `The pinned Node is at ${pinned}, but it is not first on PATH: is node_modules/.bin on PATH?`,
      runtimeAdvice,
      '',
    ].join('\n'),
  )
  process.exit(1)
}
