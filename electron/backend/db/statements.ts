import type { Statement } from 'better-sqlite3'
import type { Connection } from './connection'

const caches = new WeakMap<Connection, Map<string, Statement>>()

/** Prepared statements cached per connection: compiling SQL on every call costs more than running it. */
export const preparedFor = (db: Connection) => {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  const statements = cache
  return (sql: string): Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
}
