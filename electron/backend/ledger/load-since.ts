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
  type LotEventRow,
  type LotRow,
  type ObservationRow,
  type ProgramRow,
  type RechargeRow,
  type UsageRow,
} from './fact-rows'
import { loadAccountPolicy } from './load-facts'

/**
 * The facts a replay resuming from a checkpoint needs (load-facts.ts loads them all): every lot effective before the
 * checkpoint is in its state already (granted or closed; the replay skips their facts), so only lots effective at or
 * after `lotsFrom` are read — at 2,000 lots that is most of the loading and ordering work of a read. Usage is read
 * in [usageFrom, usageBefore). Rules, plans, events and observations are read whole: the replay looks back at them
 * (plans with credits only, as loadFacts reads them).
 */
export interface SinceOptions {
  readonly lotsFrom: number
  readonly usageFrom: number
  readonly usageBefore: number
}

export const loadFactsSince = (db: Connection, accountId: number, options: SinceOptions): LedgerFacts | undefined => {
  const prepare = preparedFor(db)
  const policy = loadAccountPolicy(db, accountId)
  if (policy === undefined) return undefined
  const usage = prepare(
    `SELECT id, account_id, occurred_at, amount, billable, tags FROM usage
     WHERE account_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id`,
  ).all(accountId, options.usageFrom, options.usageBefore) as UsageRow[]
  const lots = prepare('SELECT * FROM lots WHERE account_id = ? AND effective_at >= ? ORDER BY id').all(
    accountId,
    options.lotsFrom,
  ) as LotRow[]
  return {
    account: accountSpecOf(policy),
    lots: lots.map(lotFactOf),
    usage: usage.map(usageFactOf),
    lotEvents: (
      prepare('SELECT * FROM lot_events WHERE account_id = ? ORDER BY id').all(accountId) as LotEventRow[]
    ).map(lotEventOf),
    // As load-facts.ts: a plan granting no credits (a plain subscription) is not a ledger fact. (Fix: a resumed read
    // took it in, and showed an empty period lot at each renewal that a replay from scratch does not have.)
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
