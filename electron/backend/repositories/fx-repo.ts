import { formatMinor } from '@shared/money/decimal'
import { FX_RATE_SCALE, type FxRate } from '@shared/settings/schemas'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'

interface FxRateRow {
  id: number
  base: string
  quote: string
  rate_e9: number
  effective_date: string
}

/** The stored numerator back to exact text; trailing zeros go so 1.084200000 reads as the 1.0842 the user typed. */
export const formatRate = (rateE9: number): string => formatMinor(rateE9, FX_RATE_SCALE, { minFractionDigits: 0 })

const toFxRate = (row: FxRateRow): FxRate => ({
  id: row.id,
  base: row.base,
  quote: row.quote,
  rate: formatRate(row.rate_e9),
  effectiveDate: row.effective_date,
})

const SELECT = 'SELECT id, base, quote, rate_e9, effective_date FROM fx_rates'
// Newest first; the id breaks ties between pairs sharing a date so the order is stable.
const NEWEST_FIRST = 'ORDER BY effective_date DESC, base, quote, id DESC'

export interface FxRateFields {
  readonly base: string
  readonly quote: string
  readonly rateE9: number
  readonly effectiveDate: string
}

export const fxRepo = (db: Connection) => {
  const prepare = preparedFor(db)
  return {
    /** `null` matches any currency on that side (one statement, so it stays prepared once). */
    list: (base: string | null, quote: string | null): FxRate[] =>
      (
        prepare(
          `${SELECT} WHERE (@base IS NULL OR base = @base) AND (@quote IS NULL OR quote = @quote) ${NEWEST_FIRST}`,
        ).all({ base, quote }) as FxRateRow[]
      ).map(toFxRate),
    get: (id: number): FxRate | undefined => {
      const row = prepare(`${SELECT} WHERE id = ?`).get(id) as FxRateRow | undefined
      return row && toFxRate(row)
    },
    find: (base: string, quote: string, effectiveDate: string): FxRate | undefined => {
      const row = prepare(`${SELECT} WHERE base = ? AND quote = ? AND effective_date = ?`).get(
        base,
        quote,
        effectiveDate,
      ) as FxRateRow | undefined
      return row && toFxRate(row)
    },
    /** The rate in force on `date`: the latest effective on or before it (ISO dates compare as text). */
    latestOnOrBefore: (base: string, quote: string, date: string): FxRate | undefined => {
      const row = prepare(
        `${SELECT} WHERE base = ? AND quote = ? AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1`,
      ).get(base, quote, date) as FxRateRow | undefined
      return row && toFxRate(row)
    },
    earliest: (base: string, quote: string): FxRate | undefined => {
      const row = prepare(`${SELECT} WHERE base = ? AND quote = ? ORDER BY effective_date LIMIT 1`).get(base, quote) as
        FxRateRow | undefined
      return row && toFxRate(row)
    },
    insert: (fields: FxRateFields, recordedAt: number): number =>
      Number(
        prepare('INSERT INTO fx_rates (base, quote, rate_e9, effective_date, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
          fields.base,
          fields.quote,
          fields.rateE9,
          fields.effectiveDate,
          recordedAt,
        ).lastInsertRowid,
      ),
  }
}
