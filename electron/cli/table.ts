/** One column of a human-readable table: its header and whether its cells line up on the right (numbers). */
export interface Column<T> {
  readonly header: string
  readonly cell: (row: T) => string
  readonly right?: boolean
}

/**
 * Rows as aligned text lines, a header first: columns are two spaces apart and as wide as their widest cell. The last
 * line carries no trailing spaces.
 */
export const table = <T>(columns: readonly Column<T>[], rows: readonly T[]): string[] => {
  const cells = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => column.cell(row))),
  ]
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? '').length)))
  return cells.map((line) =>
    line
      .map((cell, index) => {
        const width = widths[index] ?? 0
        if (columns[index]?.right === true) return cell.padStart(width)
        return index === line.length - 1 ? cell : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd(),
  )
}
