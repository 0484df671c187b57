import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** Lint a one-line module as if it lived at `filePath` and return the boundary violations reported. */
const violations = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath: join(root, filePath) })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message)
}

describe('import boundaries (DESIGN §2) are enforced by lint', () => {
  it.each([
    ['shared/api/result.ts', "import { readFileSync } from 'node:fs'", /Node built-ins/],
    ['shared/api/result.ts', "import Database from 'better-sqlite3'", /SQLite/],
    ['shared/api/result.ts', "import { app } from 'electron'", /electron/],
    ['shared/api/result.ts', "import { handlers } from '../../electron/backend/handlers'", /imports nothing of ours/],
    ['electron/backend/backend.ts', "import { app } from 'electron'", /Only electron\/main/],
    ['electron/cli/args.ts', "import { dialog } from 'electron'", /Only electron\/main/],
    ['renderer/src/lib/api.ts', "import { ipcRenderer } from 'electron'", /Only electron\/main/],
    ['renderer/src/App.tsx', "import { openConnection } from '../../electron/backend/db/connection'", /lib\/api\.ts/],
    ['renderer/src/App.tsx', 'const x = window.ledger', /Only renderer\/src\/lib\/api\.ts/],
    ['electron/preload/index.ts', "import { z } from 'zod'", /preload stays tiny/],
  ])('%s: %s is refused', async (file, code, message) => {
    const found = await violations(file, code)
    expect(found.join('\n')).toMatch(message)
  })

  it.each([
    ['shared/api/result.ts', "import { z } from 'zod'"],
    ['electron/backend/backend.ts', "import { join } from 'node:path'"],
    ['electron/main/app-id.ts', "import { app } from 'electron'"],
    ['renderer/src/App.tsx', "import type { Vendor } from '@shared/catalog/types'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await violations(file, code)).toEqual([])
  })
})
