import { ApiFailure } from '@shared/api/result'
import { foldDescriptor, SHIPPED_MERCHANT_RULES, type MerchantRule } from '@shared/import/merchants'
import { isoInstant } from '@shared/time/iso-instant'
import type { ServiceContext } from '../services/context'

/**
 * Merchant rules (issue 5 §2): the shipped ones plus the user's, which are tried first and may also say "ignore"
 * (a descriptor that looks like a vendor's but is not an AI charge). Stored in merchant_rules (migration 0004).
 */

export type UserRulePurpose = 'subscription' | 'purchase' | 'ignore'

export interface UserMerchantRule {
  readonly id: number
  readonly pattern: string
  readonly vendorId: number
  readonly vendor: string
  readonly accountId: number | null
  readonly purpose: UserRulePurpose
  readonly createdAt: string
}

interface Row {
  id: number
  pattern: string
  vendor_id: number
  vendor: string
  account_id: number | null
  purpose: UserRulePurpose
  recorded_at: number
}

export const listUserRules = (ctx: ServiceContext): UserMerchantRule[] =>
  (
    ctx.db
      .prepare(
        `SELECT r.id, r.pattern, r.vendor_id, v.name AS vendor, r.account_id, r.purpose, r.recorded_at
         FROM merchant_rules r JOIN vendors v ON v.id = r.vendor_id ORDER BY r.id`,
      )
      .all() as Row[]
  ).map((row) => ({
    id: row.id,
    pattern: row.pattern,
    vendorId: row.vendor_id,
    vendor: row.vendor,
    accountId: row.account_id,
    purpose: row.purpose,
    createdAt: isoInstant(row.recorded_at),
  }))

export const listMerchantRules = (ctx: ServiceContext) => ({
  user: listUserRules(ctx),
  shipped: SHIPPED_MERCHANT_RULES.map((rule) => ({
    id: rule.id,
    pattern: rule.pattern,
    vendor: rule.vendor,
    purpose: rule.purpose,
    presetId: rule.presetId ?? null,
  })),
})

/** The user's rules as the matcher takes them, and the patterns they say to ignore. */
export const userRulesForImport = (ctx: ServiceContext): { rules: MerchantRule[]; ignored: string[] } => {
  const rules: MerchantRule[] = []
  const ignored: string[] = []
  for (const rule of listUserRules(ctx)) {
    if (rule.purpose === 'ignore') ignored.push(foldDescriptor(rule.pattern))
    else
      rules.push({
        id: `user-${rule.id}`,
        pattern: rule.pattern,
        vendor: rule.vendor,
        purpose: rule.purpose,
        source: 'user',
      })
  }
  return { rules, ignored }
}

export const addMerchantRule = (
  ctx: ServiceContext,
  input: { pattern: string; vendorId: number; accountId?: number | undefined; purpose: UserRulePurpose },
): UserMerchantRule => {
  if (foldDescriptor(input.pattern) === '') {
    throw new ApiFailure({
      code: 'VALIDATION',
      message: 'The pattern needs a letter or a digit',
      fields: { pattern: 'Type the words to look for' },
    })
  }
  if (ctx.db.prepare('SELECT 1 FROM vendors WHERE id = ?').get(input.vendorId) === undefined) {
    throw new ApiFailure({
      code: 'NOT_FOUND',
      message: `No vendor ${input.vendorId}`,
      fields: { vendorId: 'No such vendor' },
    })
  }
  if (
    ctx.db.prepare('SELECT 1 FROM merchant_rules WHERE pattern = ? COLLATE NOCASE').get(input.pattern) !== undefined
  ) {
    throw new ApiFailure({
      code: 'CONFLICT',
      message: 'You have a rule with this pattern',
      fields: { pattern: 'Already a rule' },
    })
  }
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO merchant_rules (pattern, vendor_id, account_id, purpose, recorded_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(input.pattern, input.vendorId, input.accountId ?? null, input.purpose, ctx.clock.now()).lastInsertRowid,
  )
  const rule = listUserRules(ctx).find((entry) => entry.id === id)
  if (rule === undefined) throw new Error('a merchant rule could not be read back')
  return rule
}

export const removeMerchantRule = (ctx: ServiceContext, id: number): { id: number } => {
  if (ctx.db.prepare('DELETE FROM merchant_rules WHERE id = ?').run(id).changes === 0) {
    throw new ApiFailure({ code: 'NOT_FOUND', message: `No merchant rule ${id}`, fields: { id: 'No such rule' } })
  }
  return { id }
}
