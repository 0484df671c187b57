import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const fromRoot = (path: string) => resolve(import.meta.dirname, path)
const alias = { '@shared': fromRoot('shared') }

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
    plugins: [react()],
    build: { outDir: fromRoot('out/renderer'), rolldownOptions: { input: fromRoot('renderer/index.html') } },
  },
})
