#!/usr/bin/env node
// `prestart` / `predev`: make sure the Electron binary is there before electron-vite tries to start it.
// The electron npm package downloads its binary (~100 MB, from GitHub) in a postinstall step that can be skipped or
// fail offline; its `install-electron` script is idempotent (exits at once when the binary is installed), so we run
// it every time. When it cannot download, say so plainly and point at the browser mode, which needs no Electron.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

const explainAndExit = (reason) => {
  process.stderr.write(
    [
      '',
      `Electron could not be downloaded here${reason ? ` (${reason})` : ''}, so the desktop app cannot start.`,
      'The same app runs in a browser instead: npm run serve',
      '(it prints a http://127.0.0.1:PORT/?token=… address to open).',
      'To get Electron later, on a machine with internet access: npx install-electron',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

// Run the package's own `install-electron` bin with this Node (not through node_modules/.bin, whose shim differs
// per platform: a shell script on Unix, a .cmd on Windows).
let installer
try {
  const packageFile = require.resolve('electron/package.json')
  const bin = JSON.parse(readFileSync(packageFile, 'utf8')).bin?.['install-electron'] ?? 'install.js'
  installer = join(dirname(packageFile), bin)
} catch {
  explainAndExit('the electron package is not installed; run npm install')
}

const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'inherit'] })
if (result.error) explainAndExit(result.error.message)
if (result.status !== 0)
  explainAndExit(`the download failed: install-electron exited with ${result.status ?? result.signal}`)
