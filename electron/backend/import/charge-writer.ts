import type { CreditNeededView } from '@shared/api/types/imports'
import type { ChargeRecord } from '@shared/import/types'
import { amountView } from '@shared/money/amount-view'
import { formatLocalDate } from '@shared/time/calendar'
import { foldDescriptor, matchMerchant, matchesRecordedPurchase, type MerchantRule } from '@shared/import/merchants'
import { localDateOf } from '@shared/import/dates'
import { parseDecimal } from '@shared/money/decimal'
import type { Connection } from '../db/connection'
import type { ServiceContext } from '../services/context'
import { homeConverter } from '../services/views/home-currency'
import type { ImportTally } from './import-tally'
import { purchaseLots } from './purchase-lots'
import { instantOf } from './usage-rows'

/**
 * Statement and invoice charges (issue 5 §2): merchant rules pick the AI vendors' lines (others are skipped), each
 * becomes a payment — a subscription payment, a purchase or a refund — and a purchase already recorded from a
 * receipt (same vendor, amount within the FX tolerance in the home currency, date within ±3 days) is linked, not
 * added twice. Dates of date-only lines stay local dates (paid_on), never shifted.
 */

const FX_TOLERANCE = 0.03
const DAYS = 3
const MONEY_SCALE = 6

interface LotCandidate {
  id: number
  cost_amount: number
  cost_currency: string
  effective_at: number
  time_zone: string
  vendor: string
}

/** A purchase that bought credits of an account without saying how many: the import asks for its credit amount. */
export interface CreditNeeded {
  readonly line: number
  readonly date: string
  readonly descriptor: string
  readonly amount: number
  readonly currency: string
  readonly accountId: number
  readonly unitId: string
}

export const creditsByLine = (credits: Readonly<Record<string, string>> | undefined): ReadonlyMap<number, string> =>
  new Map(Object.entries(credits ?? {}).map(([line, amount]) => [Number(line), amount] as const))

export const creditNeededView = (needed: CreditNeeded): CreditNeededView => ({
  line: needed.line,
  date: needed.date,
  descriptor: needed.descriptor,
  paid: amountView(needed.amount, needed.currency, MONEY_SCALE),
  account: { id: needed.accountId, unitId: needed.unitId },
})

export interface ChargeAnswers {
  /** Credit amounts the user gave, by source line (decimal text in the account's unit). */
  readonly credits: ReadonlyMap<number, string>
  /** Where purchases still lacking theirs are listed. */
  readonly needed: CreditNeeded[]
}

export const chargeWriter = (
  ctx: ServiceContext,
  rules: readonly MerchantRule[],
  /** Folded patterns of the user's "ignore" rules: such lines are skipped before any vendor rule is tried. */
  ignored: readonly string[],
  batch: { readonly id: number; readonly now: number },
  tally: ImportTally,
  answers: ChargeAnswers = { credits: new Map(), needed: [] },
) => {
  const db: Connection = ctx.db
  const home = homeConverter(ctx)
  const vendorId = db.prepare('SELECT id FROM vendors WHERE name = ? COLLATE NOCASE')
  const candidates = db.prepare(
    `SELECT l.id, l.cost_amount, l.cost_currency, l.effective_at, a.time_zone, v.name AS vendor
     FROM lots l JOIN accounts a ON a.id = l.account_id JOIN vendors v ON v.id = a.vendor_id
     WHERE v.name = ? COLLATE NOCASE AND l.cost_amount IS NOT NULL AND l.effective_at BETWEEN ? AND ?
       AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.lot_id = l.id)`,
  )
  const insert = db.prepare(
    `INSERT OR IGNORE INTO payments (vendor_id, paid_on, paid_at, amount, currency, descriptor, purpose, program_id,
       lot_id, external_id, recorded_at, source, batch_id, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`,
  )
  const buyLot = purchaseLots(db, batch)
  const dropLot = db.prepare('DELETE FROM lots WHERE id = ?')
  // The plan a subscription payment pays: the vendor's one plan running then (the preset's, when several are).
  const plans = db.prepare(
    `SELECT p.id, a.preset_id FROM programs p JOIN accounts a ON a.id = p.account_id JOIN vendors v ON v.id = a.vendor_id
     WHERE v.name = ? COLLATE NOCASE AND p.cost_amount IS NOT NULL AND (p.ends_at IS NULL OR p.ends_at > ?)`,
  )
  const planOf = (rule: MerchantRule, at: number): number | null => {
    const rows = plans.all(rule.vendor, at) as { id: number; preset_id: string | null }[]
    const ofPreset = rows.filter((row) => row.preset_id === rule.presetId)
    const only = ofPreset.length === 1 ? ofPreset[0] : rows.length === 1 ? rows[0] : undefined
    return only?.id ?? null
  }
  return (record: ChargeRecord, key: string): void => {
    const folded = ` ${foldDescriptor(record.descriptor)} `
    const rule = ignored.some((pattern) => folded.includes(` ${pattern} `))
      ? null
      : matchMerchant(record.descriptor, rules)
    if (rule === null) {
      tally.skipped()
      return
    }
    const parsed = parseDecimal(record.amount, MONEY_SCALE, 'half-even')
    if (!parsed.ok) {
      tally.rejected({ line: record.line, column: null, reason: `amount ${record.amount}: ${parsed.reason}` })
      return
    }
    const amount = parsed.value
    const purpose = amount < 0 ? 'refund' : rule.purpose
    const date = localDateOf(record.at, 'UTC')
    const day = formatLocalDate(date)
    const at = instantOf(record.at, 'UTC')
    let lotId: number | null = null
    if (purpose === 'purchase') {
      const homeAmount = home.convert(amount, record.currency, day)
      const lots = candidates.all(
        rule.vendor,
        at - (DAYS + 1) * 86_400_000,
        at + (DAYS + 1) * 86_400_000,
      ) as LotCandidate[]
      const recorded = lots.flatMap((lot) => {
        const lotDay = localDateOf({ kind: 'instant', at: lot.effective_at }, lot.time_zone)
        const lotHome = home.convert(lot.cost_amount, lot.cost_currency, formatLocalDate(lotDay))
        return lotHome === null ? [] : [{ id: String(lot.id), vendor: lot.vendor, homeAmount: lotHome, date: lotDay }]
      })
      const link =
        homeAmount === null
          ? null
          : matchesRecordedPurchase({ vendor: rule.vendor, homeAmount, date }, recorded, {
              fxTolerance: FX_TOLERANCE,
              days: DAYS,
            })
      lotId = link === null ? null : Number(link.purchase.id)
    }
    const vendor = vendorId.get(rule.vendor) as { id: number } | undefined
    const bought =
      purpose === 'purchase' && lotId === null
        ? buyLot(record, rule, amount, key, answers.credits.get(record.line))
        : ({ kind: 'none' } as const)
    if (bought.kind === 'invalid_credit') {
      tally.rejected({ line: record.line, column: null, reason: bought.reason })
      return
    }
    const created = bought.kind === 'lot' ? bought.id : null
    if (created !== null) lotId = created
    const programId = purpose === 'subscription' ? planOf(rule, at) : null
    const result = insert.run(
      vendor?.id ?? null,
      record.at.kind === 'date' ? day : null,
      record.at.kind === 'instant' ? record.at.at : null,
      amount,
      record.currency,
      record.descriptor,
      purpose,
      programId,
      lotId,
      key,
      batch.now,
      batch.id,
      record.line,
    )
    if (result.changes === 0) {
      // Imported before (this line's payment exists): the lot just made for it goes again, so nothing is added.
      if (created !== null) dropLot.run(created)
      tally.duplicate()
      return
    }
    if (bought.kind === 'needs_credit') {
      const { accountId, unitId } = bought
      const { line, descriptor, currency } = record
      answers.needed.push({ line, date: day, descriptor, amount, currency, accountId, unitId })
    }
    if (lotId !== null && created === null) {
      tally.matched()
      return
    }
    tally.added(rule.vendor, record.currency, MONEY_SCALE, amount, at, {
      line: record.line,
      kind: 'charge',
      detail: `${purpose}${created === null ? '' : ` → lot L${created}`}: ${record.descriptor}`,
    })
  }
}
