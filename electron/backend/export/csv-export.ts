import type { CsvEntity, CsvExport } from '@shared/api/types/history'
import type { ServiceContext } from '../services/context'
import { CSV_SPECS } from './csv-entities'
import { csvLine, headerLine } from './csv-format'
import { checkExportSize } from './export-tables'

/** export.csv (issue 4 §5): one entity as RFC 4180 text, read in one read transaction. */
export const exportCsv = (ctx: ServiceContext, entity: CsvEntity): CsvExport =>
  ctx.db.transaction((): CsvExport => {
    checkExportSize(ctx.db, [entity])
    const spec = CSV_SPECS[entity]
    const parts = [headerLine(spec.columns.map((column) => column.header))]
    let rows = 0
    for (const row of ctx.db.prepare(spec.sql).iterate() as Iterable<Record<string, unknown>>) {
      parts.push(csvLine(spec.columns.map((column) => column.cell(row))))
      rows += 1
    }
    return { entity, fileName: `credit-ledger-${entity.replace(/_/g, '-')}.csv`, rows, text: parts.join('') }
  })()
