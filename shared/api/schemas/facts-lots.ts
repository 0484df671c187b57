import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { instantText, positiveDecimalText, tagList } from '../fields'
import { accountId, costInput, expiryInput, funding, lotKind, note, priority } from './facts-common'

/** Lots (one grant or purchase) and their events: void (refund), retract (entered by mistake), expiry change. */

export const newLotInput = z.strictObject({
  accountId,
  /** Default purchase. */
  kind: lotKind.optional(),
  /** Default: promotional for promo, trial and grant lots, else paid. */
  funding: funding.optional(),
  amount: positiveDecimalText('Amount'),
  /** What was paid; null or absent = unknown (free lots default to a cost of 0). */
  cost: costInput('Cost').nullable().optional(),
  /** Default now. */
  effectiveAt: instantText('Effective time').optional(),
  /** Default never. */
  expiry: expiryInput.optional(),
  /** Default 20 (after monthly allowances at 10). */
  priority: priority.optional(),
  tags: tagList.optional(),
  /** The plan the lot depends on: it stops being usable when that plan ends. */
  planId: id.optional(),
  note: note.optional(),
})

export const lotFilter = z
  .strictObject({
    accountId: accountId.optional(),
    /** Retracted lots are left out unless asked for. */
    includeRetracted: z.boolean({ error: 'includeRetracted is true or false' }).optional(),
  })
  .optional()

export const voidLotInput = z.strictObject({
  id,
  /** Default now. */
  at: instantText('Void time').optional(),
  /** forward (default): what remains is voided; clawback: what was used becomes debt too. */
  mode: z.enum(['forward', 'clawback'], { error: 'Mode is forward or clawback' }).optional(),
  note: note.optional(),
})

export const retractLotInput = z.strictObject({ id, note: note.optional() })

export const changeExpiryInput = z.strictObject({
  id,
  /** When the vendor moved the expiry; default now. */
  at: instantText('Change time').optional(),
  /** The new expiry; null = never. */
  expiresAt: instantText('New expiry').nullable(),
  note: note.optional(),
})

export type NewLotInput = z.input<typeof newLotInput>
