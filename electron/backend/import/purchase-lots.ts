import type { ChargeRecord } from '@shared/import/types'
import type { MerchantRule } from '@shared/import/merchants'
import { creditPreset } from '@shared/policies/catalog'
import { lotFact } from '@shared/policies/build'
import type { Connection } from '../db/connection'
import { lotColumns } from '../ledger/fact-rows'
import { instantOf } from './usage-rows'

/**
 * A statement purchase with no recorded receipt becomes a lot (issue 5 §2) when the charge says how much credit it
 * bought: the account keeps its balance in the charge's own currency (OpenAI, Anthropic, OpenRouter prepaid
 * balances), so the amount paid is the credit, with the preset's expiry rule ("1 year after purchase"). A charge in
 * another currency, or for a credit unit, does not say how many credits it bought: it stays a payment without a lot.
 */

interface AccountRow {
  id: number
  unit_id: string
  time_zone: string
  preset_id: string | null
}

export const purchaseLots = (db: Connection, batch: { readonly id: number; readonly now: number }) => {
  const accounts = db.prepare(
    `SELECT a.id, a.unit_id, a.time_zone, a.preset_id FROM accounts a JOIN vendors v ON v.id = a.vendor_id
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
  /** The new lot's id, or null when the charge cannot say what it bought (or the lot was imported before). */
  return (record: ChargeRecord, rule: MerchantRule, amount: number, key: string): number | null => {
    if (amount <= 0 || rule.presetId === undefined) return null
    const preset = creditPreset(rule.presetId)
    if (preset === undefined || preset.purchase === null) return null
    const candidates = accounts.all(rule.vendor) as AccountRow[]
    const ofPreset = candidates.filter((account) => account.preset_id === rule.presetId)
    const account = ofPreset.length === 1 ? ofPreset[0] : candidates.length === 1 ? candidates[0] : undefined
    if (account === undefined || account.unit_id !== record.currency) return null
    const effectiveAt = instantOf(record.at, account.time_zone)
    let fact
    try {
      fact = lotFact(preset, preset.purchase, {
        id: 'new',
        accountId: `A${account.id}`,
        createdSeq: 0,
        effectiveAt,
        amount,
        cost: { amount, currency: record.currency },
      })
    } catch {
      // The preset's purchase needs a date or an active plan the statement cannot give: keep it a payment.
      return null
    }
    if (fact.endsWithProgram !== undefined) return null
    const result = insert.run({
      account_id: account.id,
      ...lotColumns(fact),
      external_id: key,
      recorded_at: batch.now,
      batch_id: batch.id,
      source_line: record.line,
    })
    return result.changes === 0 ? null : Number(result.lastInsertRowid)
  }
}
