// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Import boundaries of DESIGN §2, enforced here rather than hoped for:
 * shared/ imports nothing of ours and nothing of Node, DOM or Electron; only electron/main and electron/preload
 * import 'electron'; the backend and the CLI never do; the renderer reaches the backend only through lib/api.ts.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const banned = (names, message) => names.map((name) => ({ name, message }))
const electronOnlyInShell = banned(['electron'], 'Only electron/main and electron/preload may import electron.')
const noNode = banned(nodeBuiltins, 'No Node built-ins here: this code must run in any JS runtime.')
const noSqlite = banned(['better-sqlite3'], 'Only electron/backend talks to SQLite.')
const noReact = banned(['react', 'react-dom', 'zustand'], 'UI libraries belong in renderer/.')

const boundary = (files, paths, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
})
const folder = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message })

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'artifacts/**', 'node_modules/**', 'test/bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  boundary(
    ['shared/**'],
    [...electronOnlyInShell, ...noNode, ...noSqlite, ...noReact],
    [
      folder('electron', 'shared/ imports nothing of ours.'),
      folder('renderer', 'shared/ imports nothing of ours.'),
      folder('test', 'shared/ imports nothing of ours.'),
    ],
  ),
  boundary(
    ['electron/backend/**', 'electron/cli/**'],
    [...electronOnlyInShell, ...noReact],
    [folder('renderer', 'The backend never imports UI code.'), folder('main', 'The backend never imports the shell.')],
  ),
  boundary(['electron/main/**'], noReact, [
    folder('renderer', 'The shell never imports UI code.'),
    folder('preload', 'The shell and the preload share only shared/.'),
  ]),
  boundary(
    ['electron/preload/**'],
    [...noSqlite, ...noReact, ...banned(['zod'], 'The sandboxed preload stays tiny: no schemas.')],
    [
      folder('backend', 'The preload only bridges IPC.'),
      folder('main', 'The preload only bridges IPC.'),
      folder('renderer', 'The preload only bridges IPC.'),
    ],
  ),
  boundary(
    ['renderer/**'],
    [...electronOnlyInShell, ...noNode, ...noSqlite],
    [folder('electron', 'The renderer reaches the backend only through renderer/src/lib/api.ts.')],
  ),
  {
    files: ['renderer/**'],
    ignores: ['renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='ledger']",
          message: 'Only renderer/src/lib/api.ts touches window.ledger.',
        },
      ],
    },
  },
  prettier,
)
