import { describe, expect, it } from 'vitest'
import { backendRuntimeProblem } from '../../electron/backend/worker/runtime'

/**
 * Every host asks before loading the backend (better-sqlite3 13 segfaults on Node-API < 10 instead of throwing): the
 * worker's entry and the CLI's in-process backend alike, so both refuse an old runtime with the same words.
 */
const versions = (node: string, napi: string | undefined): NodeJS.ProcessVersions => ({
  ...process.versions,
  node,
  napi,
})

describe('backendRuntimeProblem', () => {
  it('accepts Node-API 10 and later', () => {
    expect(backendRuntimeProblem(versions('22.0.0', '10'))).toBeUndefined()
    expect(backendRuntimeProblem(versions('24.21.0', '10'))).toBeUndefined()
    expect(backendRuntimeProblem()).toBeUndefined()
  })

  it('refuses an older one, saying what to do', () => {
    expect(backendRuntimeProblem(versions('20.11.1', '9'))).toBe(
      'Node 20.11.1 (Node-API 9) cannot load the database engine; Credit Ledger needs Node 22 or newer. Run it through npm scripts (npm run serve) so the pinned Node is used.',
    )
    expect(backendRuntimeProblem(versions('18.0.0', undefined))).toMatch(/^Node 18\.0\.0 \(Node-API 0\)/)
  })
})
