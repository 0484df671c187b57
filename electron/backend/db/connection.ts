import Database from 'better-sqlite3'

export type Connection = Database.Database

/**
 * Open the ledger database with the pragmas DESIGN §7 asks for. WAL lets the CLI read while the app writes;
 * synchronous=FULL because a money ledger can afford an fsync per commit; a 30 s busy timeout because a large
 * import holds the write lock for seconds and a second process should wait, not fail.
 */
export const openConnection = (file: string, options: { readonly readonly?: boolean } = {}): Connection => {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    timeout: 30_000,
  })
  if (!options.readonly) db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 30000')
  return db
}

/** `PRAGMA quick_check`: an empty list means the file is sound; otherwise the problems SQLite reported. */
export const quickCheck = (db: Connection): string[] => {
  const rows = db.pragma('quick_check', { simple: false }) as {
    quick_check: string
  }[]
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
  return problems
}

/**
 * PRAGMA optimize on close lets SQLite refresh the statistics its query planner uses; then release the file.
 * Optimizing is best effort: on a damaged file it fails, and that must not hide the damage or keep the file open.
 */
export const closeConnection = (db: Connection): void => {
  if (!db.open) return
  try {
    db.pragma('optimize')
  } catch {
    // the close below is what matters
  }
  db.close()
}

/** SQLite error codes that mean the file itself is damaged or not a database. */
export const isCorruptionError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX'
}

export const isBusyError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}
