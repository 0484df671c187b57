import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const fromRoot = (path: string) => resolve(import.meta.dirname, path)
const alias = { '@shared': fromRoot('shared') }

/**
 * In dev only, Vite injects imported CSS as <style> elements, which the strict CSP of renderer/index.html blocks.
 * Relax style-src for the dev server; the built app keeps the strict policy.
 */
const devStyleCsp = (): Plugin => ({
  name: 'credit-ledger:dev-style-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
})

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Three Node entries share one build: the Electron main process, the backend worker it starts,
      // and the credit-ledger CLI (which also hosts `serve`). Only `index` may import 'electron'.
      rolldownOptions: {
        input: {
          index: fromRoot('electron/main/index.ts'),
          worker: fromRoot('electron/backend/worker/worker-entry.ts'),
          // The import's parse worker, started by the backend beside itself (electron/backend/import/parse-pipeline.ts).
          'parse-worker': fromRoot('electron/backend/import/parse-worker.ts'),
          cli: fromRoot('electron/cli/main.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module: force CommonJS despite "type": "module".
      lib: { entry: fromRoot('electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    resolve: { alias },
    plugins: [react(), devStyleCsp()],
    build: {
      outDir: fromRoot('out/renderer'),
      minify: true,
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  },
})
