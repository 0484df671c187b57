import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runChild, type ChildRun } from './child-run'

/**
 * hledger converting the OpenAI cost export with the CSV rules in this folder (issue 5 §9: we must be at least 20×
 * faster, side by side at 100,000 rows), as `hledger -f EMPTY.journal --rules-file RULES import --dry-run FILE.csv`.
 * hledger has two ways to turn a CSV into journal entries, and both read and parse every row, apply the rules, build
 * and balance each transaction and render it as journal text (their outputs differ only in import's first comment
 * line). `import` is the one that matches ours: it adds the file's rows to a ledger (here an empty one, as ours
 * imports into a fresh one), skipping those it already has. --dry-run stops it before it appends the text to the
 * journal and before it records the file's last date in a .latest file next to the CSV (which would make the next
 * round skip every row). `print > FILE.journal` (hledger's documented one-off conversion) did the same work in about
 * 10% more CPU time here (hledger 1.25, 4 runs each), and `print -O csv` was no cheaper, so import --dry-run is the
 * fastest honest baseline: the one that flatters our ratio least. The output goes to a file rather than /dev/null so each run can be checked to have
 * converted one transaction per row: a peer that quietly converted nothing would make any ratio meaningless.
 */

export const HLEDGER_INSTALL =
  'hledger is not installed, so the peer comparison says null. Install it with `sudo apt-get install hledger` ' +
  '(Debian/Ubuntu), `brew install hledger` (macOS) or see https://hledger.org/install.html, then run ' +
  '`npm run -s bench -- --peers --only import.peers` again.'

/** `hledger --version` ("hledger 1.25, linux-x86_64"), or undefined when no hledger is on PATH. */
export const hledgerVersion = (): string | undefined => {
  const probe = spawnSync('hledger', ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? probe.stdout.trim() : undefined
}

/** The rules file, next to this module in the source tree (the bench runs from a bundle in out/bench). */
export const rulesFile = (root: string): string => join(root, 'test/bench/peers/openai-cost.rules')

/** Transactions in the journal text hledger wrote: each starts at column 0 with its date. */
const transactions = (journal: string): number =>
  readFileSync(journal, 'utf8').match(/^\d{4}-\d{2}-\d{2} /gm)?.length ?? 0

/**
 * One conversion of `csv` into journal text in `journal`, against an empty ledger `journal`.ledger (both removed
 * afterwards); throws unless it made exactly `rows` transactions.
 */
export const hledgerConvert = async (root: string, csv: string, journal: string, rows: number): Promise<ChildRun> => {
  const ledger = `${journal}.ledger`
  writeFileSync(ledger, '')
  const out = openSync(journal, 'w')
  let run: ChildRun
  try {
    run = await runChild('hledger', ['-f', ledger, '--rules-file', rulesFile(root), 'import', '--dry-run', csv], out)
  } finally {
    closeSync(out)
  }
  try {
    if (run.code !== 0) throw new Error(`hledger exited with ${run.code}: ${run.stderr.trim()}`)
    const made = transactions(journal)
    if (made !== rows) throw new Error(`hledger wrote ${made} transactions for ${rows} rows`)
    return run
  } finally {
    rmSync(journal, { force: true })
    rmSync(ledger, { force: true })
  }
}
