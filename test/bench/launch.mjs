// `npm run -s bench [-- --only NAME]`: make sure the runtime can load better-sqlite3, build the bench bundle
// (the backend code uses Vite features such as import.meta.glob, so it is bundled like the app), then run it.
// stdout carries only JSON lines; everything else goes to stderr.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureRuntime } from '../../electron/cli/launch/ensure-runtime.mjs'

const here = fileURLToPath(import.meta.url)
ensureRuntime(here, process.argv.slice(2))

const root = join(dirname(here), '../..')
const { build } = await import('vite')
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': join(root, 'shared') } },
  build: {
    ssr: join(root, 'test/bench/main.ts'),
    outDir: join(root, 'out/bench'),
    emptyOutDir: true,
    target: 'node22',
    rolldownOptions: { output: { entryFileNames: 'bench.js' } },
  },
})

// The worker round-trip bench starts the app's real built worker; the scale benches run the built CLI.
const only = process.argv.includes('--only')
  ? (process.argv[process.argv.indexOf('--only') + 1] ?? '')
  : 'worker,scale,import'
const needsApp = only.includes('worker') || only.includes('scale') || only.includes('import')
if (needsApp && !(existsSync(join(root, 'out/main/worker.js')) && existsSync(join(root, 'out/main/cli.js')))) {
  process.stderr.write('Building the app first (out/main/worker.js is missing)…\n')
  const built = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { stdio: ['ignore', 2, 2] })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const { runBenches } = await import(pathToFileURL(join(root, 'out/bench/bench.js')).href)
await runBenches(process.argv.slice(2), root)
