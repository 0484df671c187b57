/**
 * Header → column positions, by name. Vendors reorder and add columns without notice (vendor-csv.md, legend), so
 * nothing here depends on order. Names compare without a BOM, surrounding spaces or case: DKB's BOM glued to the
 * first name once made an importer find 0 rows (RechnungsFee #398), and Stripe has renamed columns' case before.
 */

/** The form names are compared in. */
export const normalizeColumnName = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()

export interface ColumnIndex {
  /** The header as the file spells it: problems name columns this way. */
  readonly header: readonly string[]
  /** Position of the first column with this name, undefined when the header has none. */
  readonly indexOf: (name: string) => number | undefined
  /** Every position of this name, in order: ING writes "Währung" twice (balance's, then the amount's). */
  readonly indicesOf: (name: string) => readonly number[]
  readonly has: (name: string) => boolean
}

export const columnIndex = (header: readonly string[]): ColumnIndex => {
  const positions = new Map<string, number[]>()
  header.forEach((name, index) => {
    const key = normalizeColumnName(name)
    const list = positions.get(key)
    if (list === undefined) positions.set(key, [index])
    else list.push(index)
  })
  // Profiles look columns up by name on every row: remember each spelling's answer (a handful per profile).
  const looked = new Map<string, readonly number[]>()
  const indicesOf = (name: string): readonly number[] => {
    let found = looked.get(name)
    if (found === undefined) {
      found = positions.get(normalizeColumnName(name)) ?? []
      looked.set(name, found)
    }
    return found
  }
  return {
    header,
    indexOf: (name) => indicesOf(name)[0],
    indicesOf,
    has: (name) => indicesOf(name).length > 0,
  }
}
