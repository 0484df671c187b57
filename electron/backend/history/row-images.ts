import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import { JOURNALED_TABLES, isJournaledTable, type JournaledTable } from './journaled-tables'

/** Writing journal row images back: the only SQL built from names, and those names are checked first. */

type Image = Record<string, string | number | null>

const columnsCache = new WeakMap<Connection, Map<string, ReadonlySet<string>>>()

const columnsOf = (db: Connection, table: JournaledTable): ReadonlySet<string> => {
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

const checkedTable = (name: string): JournaledTable => {
  if (!isJournaledTable(name)) throw new Error(`the undo journal names an unknown table: ${name}`)
  return name
}

const parseImage = (db: Connection, table: JournaledTable, json: string | null): Image => {
  if (json === null) throw new Error(`the undo journal lacks a row image for ${table}`)
  const image = JSON.parse(json) as Image
  const columns = columnsOf(db, table)
  for (const column of Object.keys(image)) {
    if (!columns.has(column)) throw new Error(`the undo journal names an unknown column: ${table}.${column}`)
  }
  return image
}

export const insertImage = (db: Connection, tableName: string, json: string | null): void => {
  const table = checkedTable(tableName)
  const image = parseImage(db, table, json)
  const columns = Object.keys(image)
  preparedFor(db)(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...columns.map((column) => image[column]),
  )
}

export const updateToImage = (db: Connection, tableName: string, pk: string, json: string | null): void => {
  const table = checkedTable(tableName)
  const image = parseImage(db, table, json)
  const columns = Object.keys(image)
  const key = JOURNALED_TABLES[table]
  preparedFor(db)(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE ${key} = ?`).run(
    ...columns.map((column) => image[column]),
    JSON.parse(pk) as string | number,
  )
}

export const deleteRow = (db: Connection, tableName: string, pk: string): void => {
  const table = checkedTable(tableName)
  preparedFor(db)(`DELETE FROM ${table} WHERE ${JOURNALED_TABLES[table]} = ?`).run(JSON.parse(pk) as string | number)
}
