import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import { JOURNALED_TABLES, isJournaledTable, type JournaledTable } from './journaled-tables'

/** Writing journal row images back: the only SQL built from names, and those names are checked first. */

export type Image = Readonly<Record<string, string | number | null>>
export type KeyValue = string | number

const columnsCache = new WeakMap<Connection, Map<string, ReadonlySet<string>>>()

export const columnsOf = (db: Connection, table: JournaledTable): ReadonlySet<string> => {
  let tables = columnsCache.get(db)
  if (tables === undefined) {
    tables = new Map()
    columnsCache.set(db, tables)
  }
  let columns = tables.get(table)
  if (columns === undefined) {
    const rows = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
    columns = new Set(rows.map((row) => row.name))
    tables.set(table, columns)
  }
  return columns
}

export const checkedTable = (name: string): JournaledTable => {
  if (!isJournaledTable(name)) throw new Error(`the undo journal names an unknown table: ${name}`)
  return name
}

/** A journal image, its column names checked against the table (they become SQL identifiers below). */
export const parseImage = (db: Connection, table: JournaledTable, json: string | null): Image => {
  if (json === null) throw new Error(`the undo journal lacks a row image for ${table}`)
  const image = JSON.parse(json) as Image
  const columns = columnsOf(db, table)
  for (const column of Object.keys(image)) {
    if (!columns.has(column)) throw new Error(`the undo journal names an unknown column: ${table}.${column}`)
  }
  return image
}

/** The primary key value an image holds (an update may change it, so the images, not the journal's pk, say where). */
export const keyOf = (table: JournaledTable, image: Image): KeyValue => {
  const value = image[JOURNALED_TABLES[table]]
  if (value === null || value === undefined) throw new Error(`a ${table} row image lacks its key`)
  return value
}

/**
 * Whether the row at `key` holds exactly the image's values (absent when `image` is null). Undo and redo check this
 * before writing, so a row changed behind the journal's back (a write outside any batch) stops them instead of
 * being overwritten or resurrected.
 */
export const rowMatches = (db: Connection, table: JournaledTable, key: KeyValue, image: Image | null): boolean => {
  const current = preparedFor(db)(`SELECT * FROM ${table} WHERE ${JOURNALED_TABLES[table]} = ?`).get(key) as
    Record<string, unknown> | undefined
  if (image === null) return current === undefined
  if (current === undefined) return false
  return Object.entries(image).every(([column, value]) => current[column] === value)
}

export const insertImage = (db: Connection, table: JournaledTable, image: Image): void => {
  const columns = Object.keys(image)
  preparedFor(db)(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...columns.map((column) => image[column]),
  )
}

export const updateToImage = (db: Connection, table: JournaledTable, key: KeyValue, image: Image): void => {
  const columns = Object.keys(image)
  preparedFor(db)(
    `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE ${JOURNALED_TABLES[table]} = ?`,
  ).run(...columns.map((column) => image[column]), key)
}

export const deleteRow = (db: Connection, table: JournaledTable, key: KeyValue): void => {
  preparedFor(db)(`DELETE FROM ${table} WHERE ${JOURNALED_TABLES[table]} = ?`).run(key)
}
