// `npm run test:deep`: the same suites with many more generated cases for the property tests (fast-check reads
// FC_RUNS), for a slower, more thorough run before a release.
import { spawnSync } from 'node:child_process'

const runs = process.env.FC_RUNS ?? '2000'
const result = spawnSync('vitest', ['run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, FC_RUNS: runs },
})
process.exit(result.status ?? 1)
