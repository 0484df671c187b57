import type { CsvEntity } from '@shared/api/types/history'
import { formatMinor, type FormatOptions } from '@shared/money/decimal'
import { MONEY_SCALE } from '@shared/money/units'
import { isoInstant } from '@shared/time/iso-instant'
import { formatRate } from '../repositories/fx-repo'
import type { CsvCell } from './csv-format'

/**
 * What each CSV entity holds (issue 4 §5): the stored columns under their own names, plus the vendor, account and
 * unit names for facts so a sheet reads without lookups. Amounts are exact decimal text in the account unit
 * (costs at the money scale, FX rates at 9 decimals, trailing zeros trimmed to two places as amounts show
 * everywhere else), instants ISO 8601 UTC, flags true/false. The SQL is ours: nothing here comes from the caller.
 */

type Row = Readonly<Record<string, unknown>>
/** int, text: as stored; instant: epoch ms → ISO; amount: in the row's unit (`scale`); cost: money; rate: FX e9. */
type Kind = 'int' | 'text' | 'instant' | 'amount' | 'cost' | 'rate' | 'bool'

export interface CsvColumn {
  readonly header: string
  readonly cell: (row: Row) => CsvCell
}

export interface EntitySpec {
  readonly sql: string
  readonly columns: readonly CsvColumn[]
}

const num = (row: Row, column: string): number | null => {
  const value = row[column]
  if (value === null || value === undefined) return null
  if (typeof value !== 'number') throw new Error(`${column} is not a number`)
  return value
}

/** As AmountView.value shows amounts everywhere: at least two decimals where the scale has them, exact. */
const AMOUNT_FORMATS: readonly FormatOptions[] = [0, 1, 2, 3, 4, 5, 6].map((scale) => ({
  minFractionDigits: Math.min(2, scale),
}))
const amountText = (minor: number, scale: number): string =>
  formatMinor(minor, scale, AMOUNT_FORMATS[scale] ?? { minFractionDigits: 2 })

/** Date formatting dominates a large export; rows of one import share recorded_at, so the last text is kept. */
const instantText = () => {
  let last: number | undefined
  let text = ''
  return (at: number): string => {
    if (at !== last) {
      last = at
      text = isoInstant(at)
    }
    return text
  }
}

const cellOf = (kind: Kind, column: string) => {
  const instant = instantText()
  return (row: Row): CsvCell => {
    const value = row[column]
    if (value === null || value === undefined) return { text: null }
    switch (kind) {
      case 'text':
        // SQLite hands back text or a number here; a text column never holds anything else.
        return { text: typeof value === 'string' ? value : String(num(row, column)) }
      case 'int':
        return { number: String(num(row, column)) }
      case 'instant':
        return { text: instant(num(row, column) ?? 0) }
      case 'bool':
        return { text: num(row, column) === 1 ? 'true' : 'false' }
      case 'amount':
        return { number: amountText(num(row, column) ?? 0, num(row, 'scale') ?? 0) }
      case 'cost':
        return { number: amountText(num(row, column) ?? 0, MONEY_SCALE) }
      case 'rate':
        return { number: formatRate(num(row, column) ?? 0) }
    }
  }
}

/** `[header, kind, column]`; the column defaults to the header. */
type ColumnDef = readonly [string, Kind, string?]

const columns = (defs: readonly ColumnDef[]): CsvColumn[] =>
  defs.map(([header, kind, column]) => ({ header, cell: cellOf(kind, column ?? header) }))

const PROVENANCE: readonly ColumnDef[] = [
  ['recorded_at', 'instant'],
  ['source', 'text'],
  ['batch_id', 'int'],
]

/**
 * Facts of an account: its vendor, name and unit (with the unit's scale for amounts) come along. CROSS JOIN keeps the
 * fact table as the outer loop (SQLite does not reorder it), so a million usage rows stream in id order, unsorted.
 */
const ofAccount = (table: string): string =>
  `SELECT t.*, v.name AS vendor_name, a.name AS account_name, a.unit_id AS unit_name, u.scale AS scale
   FROM ${table} t CROSS JOIN accounts a CROSS JOIN vendors v CROSS JOIN units u
   WHERE a.id = t.account_id AND v.id = a.vendor_id AND u.id = a.unit_id ORDER BY t.id`

const ACCOUNT: readonly ColumnDef[] = [
  ['account_id', 'int'],
  ['vendor', 'text', 'vendor_name'],
  ['account', 'text', 'account_name'],
  ['unit', 'text', 'unit_name'],
]

export const CSV_SPECS: Readonly<Record<CsvEntity, EntitySpec>> = {
  vendors: {
    sql: 'SELECT * FROM vendors ORDER BY id',
    columns: columns([
      ['id', 'int'],
      ['name', 'text'],
      ['website', 'text'],
      ['recorded_at', 'instant'],
      ['source', 'text'],
    ]),
  },
  accounts: {
    sql: `SELECT a.*, v.name AS vendor_name, u.scale AS scale FROM accounts a JOIN vendors v ON v.id = a.vendor_id
          JOIN units u ON u.id = a.unit_id ORDER BY a.id`,
    columns: columns([
      ['id', 'int'],
      ['vendor_id', 'int'],
      ['vendor', 'text', 'vendor_name'],
      ['name', 'text'],
      ['unit', 'text', 'unit_id'],
      ['currency', 'text'],
      ['time_zone', 'text'],
      ['drawdown', 'text'],
      ['overdraft_mode', 'text'],
      ['overdraft_limit', 'amount'],
      ['overdraft_billed_with', 'int'],
      ['preset_id', 'text'],
      ['preset_version', 'int'],
      ['recorded_at', 'instant'],
      ['source', 'text'],
    ]),
  },
  programs: {
    sql: ofAccount('programs'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['name', 'text'],
      ['kind', 'text'],
      ['anchor_local', 'text'],
      ['anchor_zone', 'text'],
      ['interval', 'text'],
      ['amount_per_period', 'amount'],
      ['cost_basis', 'text'],
      ['cost_amount', 'cost'],
      ['cost_currency', 'text'],
      ['periods', 'int'],
      ['ends_at', 'instant'],
      ['lot', 'text'],
      ['rollover', 'text'],
      ['rolled', 'text'],
      ['rolled_lost_on_end', 'bool'],
      ['replaces', 'int'],
      ...PROVENANCE,
    ]),
  },
  recharge_rules: {
    sql: ofAccount('recharge_rules'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['threshold', 'amount'],
      ['mode', 'text'],
      ['amount', 'amount'],
      ['monthly_max_count', 'int'],
      ['monthly_max_amount', 'amount'],
      ['enabled_from', 'instant'],
      ['enabled_until', 'instant'],
      ['lot', 'text'],
      ['confirm_within_ms', 'int'],
      ...PROVENANCE,
    ]),
  },
  lots: {
    sql: ofAccount('lots'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['kind', 'text'],
      ['funding', 'text'],
      ['amount', 'amount'],
      ['cost_amount', 'cost'],
      ['cost_currency', 'text'],
      ['effective_at', 'instant'],
      ['expiry_kind', 'text'],
      ['expires_at', 'instant'],
      ['expiry_duration', 'text'],
      ['priority', 'int'],
      ['tags', 'text'],
      ['program_id', 'int'],
      ['note', 'text'],
      ['external_id', 'text'],
      ...PROVENANCE,
      ['source_line', 'int'],
    ]),
  },
  lot_events: {
    sql: ofAccount('lot_events'),
    columns: columns([
      ['id', 'int'],
      ['lot_id', 'int'],
      ...ACCOUNT,
      ['kind', 'text'],
      ['at', 'instant'],
      ['mode', 'text'],
      ['expires_at', 'instant'],
      ['note', 'text'],
      ...PROVENANCE,
    ]),
  },
  usage: {
    sql: ofAccount('usage'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['occurred_at', 'instant'],
      ['amount', 'amount'],
      ['billable', 'bool'],
      ['tags', 'text'],
      ['action', 'text'],
      ['quantity', 'int'],
      ['note', 'text'],
      ['external_id', 'text'],
      ...PROVENANCE,
      ['source_line', 'int'],
    ]),
  },
  observations: {
    sql: ofAccount('observations'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['at', 'instant'],
      ['balance', 'amount'],
      ['tolerance', 'amount'],
      ['note', 'text'],
      ...PROVENANCE,
    ]),
  },
  rates: {
    sql: ofAccount('rates'),
    columns: columns([
      ['id', 'int'],
      ...ACCOUNT,
      ['key', 'text'],
      ['effective_from', 'instant'],
      ['numerator', 'amount'],
      ['denominator', 'int'],
      ...PROVENANCE,
    ]),
  },
  fx_rates: {
    sql: 'SELECT * FROM fx_rates ORDER BY id',
    columns: columns([
      ['id', 'int'],
      ['base', 'text'],
      ['quote', 'text'],
      ['rate', 'rate', 'rate_e9'],
      ['effective_date', 'text'],
      ['source', 'text'],
      ['recorded_at', 'instant'],
    ]),
  },
  units: {
    sql: 'SELECT * FROM units ORDER BY kind, id',
    columns: columns([
      ['id', 'text'],
      ['kind', 'text'],
      ['scale', 'int'],
      ['label', 'text'],
      ['built_in', 'bool'],
      ['recorded_at', 'instant'],
      ['source', 'text'],
    ]),
  },
  settings: {
    sql: 'SELECT * FROM settings ORDER BY key',
    columns: columns([
      ['key', 'text'],
      ['value', 'text'],
      ['recorded_at', 'instant'],
    ]),
  },
  batches: {
    sql: 'SELECT * FROM batches ORDER BY id',
    columns: columns([
      ['id', 'int'],
      ['kind', 'text'],
      ['label', 'text'],
      ['method', 'text'],
      ['created_at', 'instant'],
      ['state', 'text'],
      ['changed_at', 'instant'],
    ]),
  },
}
