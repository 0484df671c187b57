import type { ChargeRecord } from '@shared/import/types'
import type { MerchantRule } from '@shared/import/merchants'
import { creditPreset } from '@shared/policies/catalog'
import { lotFact } from '@shared/policies/build'
import { parseDecimal } from '@shared/money/decimal'
import type { Connection } from '../db/connection'
import { lotColumns } from '../ledger/fact-rows'
import { instantOf } from './usage-rows'

/**
 * A statement purchase with no recorded receipt becomes a lot (issue 5 §2), with the preset's expiry rule ("1 year
 * after purchase"), when it is known how much credit it bought:
 * - the account keeps its balance in the charge's own currency (OpenAI, Anthropic, OpenRouter prepaid balances): the
 *   amount paid is the credit;
 * - otherwise (a €9.31 charge for USD credits, a charge for credits of a unit) the user said how much (`credit`, per
 *   line), or the preset sells one fixed pack size: one pack per charge.
 * Otherwise it stays a payment, and the import lists it as needing its credit amount.
 */

interface AccountRow {
  id: number
  unit_id: string
  scale: number
  time_zone: string
  preset_id: string | null
}

export type PurchaseOutcome =
  | { readonly kind: 'lot'; readonly id: number }
  | { readonly kind: 'duplicate' }
  /** It bought credits of this account, but the charge does not say how many: ask. */
  | { readonly kind: 'needs_credit'; readonly accountId: number; readonly unitId: string }
  | { readonly kind: 'invalid_credit'; readonly reason: string }
  | { readonly kind: 'none' }

export const purchaseLots = (db: Connection, batch: { readonly id: number; readonly now: number }) => {
  const accounts = db.prepare(
    `SELECT a.id, a.unit_id, u.scale, a.time_zone, a.preset_id FROM accounts a JOIN vendors v ON v.id = a.vendor_id
       JOIN units u ON u.id = a.unit_id
     WHERE v.name = ? COLLATE NOCASE ORDER BY a.id`,
  )
  const insert = db.prepare(
    `INSERT OR IGNORE INTO lots (account_id, kind, funding, amount, cost_amount, cost_currency, effective_at,
       expiry_kind, expires_at, expiry_duration, priority, tags, program_id, external_id, recorded_at, source,
       batch_id, source_line)
     VALUES (@account_id, @kind, @funding, @amount, @cost_amount, @cost_currency, @effective_at, @expiry_kind,
       @expires_at, @expiry_duration, @priority, @tags, @program_id, @external_id, @recorded_at, 'import', @batch_id,
       @source_line)`,
  )
  /** The lot the charge bought, or why there is none. `credit`: the credit amount the user gave for this line. */
  return (
    record: ChargeRecord,
    rule: MerchantRule,
    amount: number,
    key: string,
    credit: string | undefined,
  ): PurchaseOutcome => {
    if (amount <= 0 || rule.presetId === undefined) return { kind: 'none' }
    const preset = creditPreset(rule.presetId)
    if (preset === undefined || preset.purchase === null) return { kind: 'none' }
    const candidates = accounts.all(rule.vendor) as AccountRow[]
    const ofPreset = candidates.filter((account) => account.preset_id === rule.presetId)
    const account = ofPreset.length === 1 ? ofPreset[0] : candidates.length === 1 ? candidates[0] : undefined
    if (account === undefined) return { kind: 'none' }
    let credits: number | undefined
    if (credit !== undefined) {
      const parsed = parseDecimal(credit, account.scale, 'reject')
      if (!parsed.ok || parsed.value <= 0) {
        return {
          kind: 'invalid_credit',
          reason: `credit amount ${credit}: ${parsed.ok ? 'must be more than 0' : parsed.reason}`,
        }
      }
      credits = parsed.value
    } else if (account.unit_id === record.currency) credits = amount
    else credits = preset.lots[preset.purchase]?.packSize.value ?? undefined
    if (credits === undefined) return { kind: 'needs_credit', accountId: account.id, unitId: account.unit_id }
    const effectiveAt = instantOf(record.at, account.time_zone)
    let fact
    try {
      fact = lotFact(preset, preset.purchase, {
        id: 'new',
        accountId: `A${account.id}`,
        createdSeq: 0,
        effectiveAt,
        amount: credits,
        cost: { amount, currency: record.currency },
      })
    } catch {
      // The preset's purchase needs a date or an active plan the statement cannot give: keep it a payment.
      return { kind: 'none' }
    }
    if (fact.endsWithProgram !== undefined) return { kind: 'none' }
    const result = insert.run({
      account_id: account.id,
      ...lotColumns(fact),
      external_id: key,
      recorded_at: batch.now,
      batch_id: batch.id,
      source_line: record.line,
    })
    return result.changes === 0 ? { kind: 'duplicate' } : { kind: 'lot', id: Number(result.lastInsertRowid) }
  }
}
