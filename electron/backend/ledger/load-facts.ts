import type { LedgerFacts } from '@shared/ledger/model'
import type { Connection } from '../db/connection'
import { preparedFor } from '../db/statements'
import {
  accountSpecOf,
  lotEventOf,
  lotFactOf,
  observationOf,
  programFactOf,
  rechargeRuleOf,
  usageFactOf,
  type AccountPolicyRow,
  type LotEventRow,
  type LotRow,
  type ObservationRow,
  type ProgramRow,
  type RechargeRow,
  type UsageRow,
} from './fact-rows'

/**
 * One account's stored facts as the engine's LedgerFacts. A replay resuming from a checkpoint needs only the usage
 * at or after it (`usageFrom`; at 1M rows most of the cost) and the lots effective at or after it (`lotsFrom`; the
 * earlier ones are in its state already). Rules, plans, events and observations are read whole: the replay looks
 * back at them. Plans that grant no credits (amount_per_period 0: a plain subscription) are not ledger facts.
 */
export interface LoadOptions {
  readonly usageFrom?: number
  /** Only the lots effective at or after this instant (a checkpoint's); default all. */
  readonly lotsFrom?: number
  /** Usage strictly before this instant (an as-of query); default all. */
  readonly usageBefore?: number
}

export const loadAccountPolicy = (db: Connection, accountId: number): AccountPolicyRow | undefined =>
  preparedFor(db)(
    `SELECT id, time_zone, drawdown, overdraft_mode, overdraft_limit, overdraft_billed_with
     FROM accounts WHERE id = ?`,
  ).get(accountId) as AccountPolicyRow | undefined

export const loadFacts = (db: Connection, accountId: number, options: LoadOptions = {}): LedgerFacts | undefined => {
  const prepare = preparedFor(db)
  const policy = loadAccountPolicy(db, accountId)
  if (policy === undefined) return undefined
  const from = options.usageFrom ?? Number.MIN_SAFE_INTEGER
  const before = options.usageBefore ?? Number.MAX_SAFE_INTEGER
  const usage = prepare(
    `SELECT id, account_id, occurred_at, amount, billable, tags FROM usage
     WHERE account_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id`,
  ).all(accountId, from, before) as UsageRow[]
  return {
    account: accountSpecOf(policy),
    lots: (
      prepare('SELECT * FROM lots WHERE account_id = ? AND effective_at >= ? ORDER BY id').all(
        accountId,
        options.lotsFrom ?? Number.MIN_SAFE_INTEGER,
      ) as LotRow[]
    ).map(lotFactOf),
    usage: usage.map(usageFactOf),
    lotEvents: (
      prepare('SELECT * FROM lot_events WHERE account_id = ? ORDER BY id').all(accountId) as LotEventRow[]
    ).map(lotEventOf),
    programs: (
      prepare('SELECT * FROM programs WHERE account_id = ? AND amount_per_period > 0 ORDER BY id').all(
        accountId,
      ) as ProgramRow[]
    ).map(programFactOf),
    rechargeRules: (
      prepare('SELECT * FROM recharge_rules WHERE account_id = ? ORDER BY id').all(accountId) as RechargeRow[]
    ).map(rechargeRuleOf),
    observations: (
      prepare('SELECT * FROM observations WHERE account_id = ? ORDER BY id').all(accountId) as ObservationRow[]
    ).map(observationOf),
  }
}
