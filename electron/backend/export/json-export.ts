import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportDocument,
  type ExportRow,
  type ExportTable,
} from '@shared/api/types/history'
import { isoInstant } from '@shared/time/iso-instant'
import { schemaVersion } from '../db/migrate'
import type { ServiceContext } from '../services/context'
import { checkExportSize, tableRows } from './export-tables'

/**
 * export.json (issue 4 §5): the whole ledger as one versioned document. All tables are read in one read
 * transaction, so the document is a consistent snapshot even while another process writes.
 */
export const exportJson = (ctx: ServiceContext): ExportDocument =>
  ctx.db.transaction((): ExportDocument => {
    checkExportSize(ctx.db, EXPORT_TABLES)
    const read = <T extends ExportTable>(table: T): ExportRow<T>[] => [...tableRows(ctx.db, table)]
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: isoInstant(ctx.clock.now()),
      schemaVersion: schemaVersion(ctx.db),
      tables: {
        units: read('units'),
        vendors: read('vendors'),
        accounts: read('accounts'),
        settings: read('settings'),
        fx_rates: read('fx_rates'),
        programs: read('programs'),
        recharge_rules: read('recharge_rules'),
        lots: read('lots'),
        lot_events: read('lot_events'),
        usage: read('usage'),
        observations: read('observations'),
        rates: read('rates'),
        batches: read('batches'),
        imports: read('imports'),
        import_rejections: read('import_rejections'),
        payments: read('payments'),
        import_profiles: read('import_profiles'),
        merchant_rules: read('merchant_rules'),
        reminder_account_rules: read('reminder_account_rules'),
      },
    }
  })()
