import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(import.meta.dirname, '..')
// 'electron' is aliased to a fake for every project: the real package starts a binary download when imported.
const alias = { electron: resolve(root, 'test/fakes/electron.ts'), '@shared': resolve(root, 'shared') }

const project = (name: string, include: string[], extra: Record<string, unknown> = {}) => ({
  root,
  resolve: { alias },
  test: { name, include, environment: 'node', ...extra },
})

// The calendar tests again with the process in other zones: shared/time must never depend on the process's own
// zone (test/unit/time/process-zone.test.ts checks that each TZ really took effect).
const calendarZones = {
  'calendar-new-york': 'America/New_York',
  'calendar-berlin': 'Europe/Berlin',
  'calendar-kolkata': 'Asia/Kolkata',
  'calendar-chatham': 'Pacific/Chatham',
}
const calendarProjects = Object.entries(calendarZones).map(([name, TZ]) =>
  project(name, ['test/unit/time/**/*.test.ts'], { env: { TZ } }),
)

export default defineConfig({
  root,
  test: {
    projects: [
      project('unit', ['test/unit/**/*.test.ts']),
      project('backend', ['test/backend/**/*.test.ts']),
      project('migrations', ['test/migrations/**/*.test.ts']),
      project('main', ['test/main/**/*.test.ts'], { testTimeout: 20_000 }),
      project('contract', ['test/contract/**/*.test.ts'], { testTimeout: 20_000 }),
      project('renderer', ['test/renderer/**/*.test.{ts,tsx}'], { environment: 'jsdom' }),
      project('e2e', ['test/e2e/**/*.test.ts'], { testTimeout: 60_000, hookTimeout: 60_000 }),
      ...calendarProjects,
    ],
  },
})
