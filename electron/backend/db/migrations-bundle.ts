import { planMigrations, type Migration } from './migration-plan'

/** The .sql files are bundled at build time (Vite glob), so nothing is read from the asar at run time. */
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export const MIGRATIONS: readonly Migration[] = planMigrations(files)
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
