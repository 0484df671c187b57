/** A numbered schema change: `NNNN_name.sql`, never edited once released (fixes are new migrations). */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

const FILE_PATTERN = /(?:^|\/)(\d{4})_([a-z0-9_]+)\.sql$/

/**
 * Turn the bundled `{ path: sql }` map into migrations in order, refusing anything the runner could misapply:
 * a badly named file, a duplicate or a gap in the numbering, an empty script.
 */
export const planMigrations = (files: Readonly<Record<string, string>>): Migration[] => {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_PATTERN.exec(path)
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must be NNNN_name.sql: ${path}`)
    if (sql.trim().length === 0) throw new Error(`Migration ${path} is empty`)
    return { version: Number(match[1]), name: match[2], sql }
  })
  migrations.sort((a, b) => a.version - b.version)
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migrations must be numbered 1, 2, 3… without gaps or duplicates; found ${migration.version} at position ${index + 1}`,
      )
    }
  })
  return migrations
}
