// Prints the closing line CI reads, "N passed, N failed", from Vitest's JSON report, and exits non-zero when
// npm test failed, when any test failed, or when no test ran at all.
import { readFileSync } from 'node:fs'

const [file = 'artifacts/vitest.json', npmStatus = '0'] = process.argv.slice(2)
const report = JSON.parse(readFileSync(file, 'utf8'))
const suites = report.testResults ?? []
// a file that failed to load holds no failed test but is a failure all the same
const brokenFiles = suites.filter(
  (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
).length
const passed = report.numPassedTests ?? 0
const failed = (report.numFailedTests ?? 0) + brokenFiles
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
if (skipped > 0) console.error(`${skipped} skipped`)
const ok = failed === 0 && passed > 0 && npmStatus === '0'
console.log(`${passed} passed, ${ok || failed > 0 ? failed : 1} failed`)
process.exit(ok ? 0 : 1)
