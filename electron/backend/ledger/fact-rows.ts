import type { DrawdownPolicy } from '@shared/ledger/drawdown-order'
import { DEFAULT_DRAWDOWN, FREE_FIRST_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type {
  AccountSpec,
  Cost,
  ExpiryRule,
  LotEvent,
  LotFact,
  Observation,
  ProgramFact,
  RechargeRule,
  UsageFact,
} from '@shared/ledger/model'
import { formatDuration, parseDuration, type Duration } from '@shared/time/duration'
import { formatLocalDateTime, parseLocalDateTime } from '@shared/time/local-text'
import {
  accountRef,
  lotRef,
  observationRef,
  programRef,
  rechargeRef,
  storedLotId,
  storedProgramId,
  usageRef,
} from './engine-ids'

/**
 * Rows of migration 0003 ⇄ the engine's facts (shared/ledger/model.ts). The one place that knows both shapes:
 * writers (fact-writes.ts) and the loader (load-facts.ts) go through it, so a stored fact always replays as written.
 */

export type DrawdownName = 'default' | 'free_first'
export const DRAWDOWNS: Readonly<Record<DrawdownName, DrawdownPolicy>> = {
  default: DEFAULT_DRAWDOWN,
  free_first: FREE_FIRST_DRAWDOWN,
}

export interface AccountPolicyRow {
  readonly id: number
  readonly time_zone: string
  readonly drawdown: DrawdownName
  readonly overdraft_mode: AccountSpec['overdraft']['mode']
  readonly overdraft_limit: number
  readonly overdraft_billed_with: number | null
}

export const accountSpecOf = (row: AccountPolicyRow): AccountSpec => ({
  id: accountRef(row.id),
  zone: row.time_zone,
  overdraft: {
    mode: row.overdraft_mode,
    limit: row.overdraft_limit,
    ...(row.overdraft_billed_with === null ? {} : { billedWith: programRef(row.overdraft_billed_with) }),
  },
  drawdown: DRAWDOWNS[row.drawdown],
})

const costOf = (amount: number | null, currency: string | null): Cost | null =>
  amount === null || currency === null ? null : { amount, currency }

const duration = (text: string, what: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`stored ${what} is not an ISO 8601 duration: ${text}`)
  return parsed
}

export interface LotRow {
  readonly id: number
  readonly account_id: number
  readonly kind: LotFact['kind']
  readonly funding: LotFact['funding']
  readonly amount: number
  readonly cost_amount: number | null
  readonly cost_currency: string | null
  readonly effective_at: number
  readonly expiry_kind: ExpiryRule['kind']
  readonly expires_at: number | null
  readonly expiry_duration: string | null
  readonly priority: number
  readonly tags: string
  readonly program_id: number | null
}

export const expiryOfRow = (row: Pick<LotRow, 'expiry_kind' | 'expires_at' | 'expiry_duration'>): ExpiryRule => {
  switch (row.expiry_kind) {
    case 'never':
      return { kind: 'never' }
    case 'at':
      return { kind: 'at', at: row.expires_at ?? 0 }
    case 'after':
      return { kind: 'after', duration: duration(row.expiry_duration ?? '', 'lot expiry') }
    case 'end_of_local_day':
      return { kind: 'end_of_local_day' }
  }
}

export const expiryColumns = (rule: ExpiryRule): Pick<LotRow, 'expiry_kind' | 'expires_at' | 'expiry_duration'> => ({
  expiry_kind: rule.kind,
  expires_at: rule.kind === 'at' ? rule.at : null,
  expiry_duration: rule.kind === 'after' ? formatDuration(rule.duration) : null,
})

export const lotFactOf = (row: LotRow): LotFact => ({
  id: lotRef(row.id),
  accountId: accountRef(row.account_id),
  kind: row.kind,
  funding: row.funding,
  amount: row.amount,
  cost: costOf(row.cost_amount, row.cost_currency),
  effectiveAt: row.effective_at,
  expiry: expiryOfRow(row),
  priority: row.priority,
  tags: JSON.parse(row.tags) as string[],
  createdSeq: row.id,
  ...(row.program_id === null ? {} : { endsWithProgram: programRef(row.program_id) }),
})

/** Columns of a lot row from an engine fact (the id, account and provenance are the writer's). */
export const lotColumns = (fact: Omit<LotFact, 'id' | 'accountId' | 'createdSeq'>) => ({
  kind: fact.kind,
  funding: fact.funding,
  amount: fact.amount,
  cost_amount: fact.cost?.amount ?? null,
  cost_currency: fact.cost?.currency ?? null,
  effective_at: fact.effectiveAt,
  ...expiryColumns(fact.expiry),
  priority: fact.priority,
  tags: JSON.stringify(fact.tags),
  program_id: fact.endsWithProgram === undefined ? null : (storedProgramId(fact.endsWithProgram) ?? null),
})

export interface UsageRow {
  readonly id: number
  readonly account_id: number
  readonly occurred_at: number
  readonly amount: number
  readonly billable: number
  readonly tags: string
}

export const usageFactOf = (row: UsageRow): UsageFact => ({
  id: usageRef(row.id),
  accountId: accountRef(row.account_id),
  occurredAt: row.occurred_at,
  amount: row.amount,
  tags: row.tags === '[]' ? [] : (JSON.parse(row.tags) as string[]),
  billable: row.billable === 1,
  createdSeq: row.id,
})

export interface LotEventRow {
  readonly id: number
  readonly lot_id: number
  readonly kind: LotEvent['kind']
  readonly at: number
  readonly mode: 'forward' | 'clawback' | null
  readonly expires_at: number | null
}

export const lotEventOf = (row: LotEventRow): LotEvent => {
  const lotId = lotRef(row.lot_id)
  switch (row.kind) {
    case 'void':
      return { kind: 'void', lotId, at: row.at, mode: row.mode ?? 'forward', createdSeq: row.id }
    case 'retract':
      return { kind: 'retract', lotId, createdSeq: row.id }
    case 'expiry_change':
      return { kind: 'expiry_change', lotId, at: row.at, expiresAt: row.expires_at, createdSeq: row.id }
  }
}

export interface ObservationRow {
  readonly id: number
  readonly account_id: number
  readonly at: number
  readonly balance: number
  readonly tolerance: number
}

export const observationOf = (row: ObservationRow): Observation => ({
  id: observationRef(row.id),
  accountId: accountRef(row.account_id),
  at: row.at,
  balance: row.balance,
  tolerance: row.tolerance,
})

export interface ProgramRow {
  readonly id: number
  readonly account_id: number
  readonly name: string
  readonly kind: ProgramFact['kind']
  readonly anchor_local: string
  readonly anchor_zone: string
  readonly interval: string
  readonly amount_per_period: number
  readonly cost_basis: 'per_period' | 'total'
  readonly cost_amount: number | null
  readonly cost_currency: string | null
  readonly periods: number | null
  readonly ends_at: number | null
  /** JSON of ProgramFact['lot'] */
  readonly lot: string
  readonly rollover: string
  readonly rolled: string
  readonly rolled_lost_on_end: number
  readonly replaces: number | null
}

export const programFactOf = (row: ProgramRow): ProgramFact => {
  const local = parseLocalDateTime(row.anchor_local)
  if (local === undefined) throw new Error(`stored program anchor is not a local date-time: ${row.anchor_local}`)
  const cost = costOf(row.cost_amount, row.cost_currency)
  return {
    id: programRef(row.id),
    accountId: accountRef(row.account_id),
    name: row.name,
    kind: row.kind,
    anchor: { local, zone: row.anchor_zone },
    interval: duration(row.interval, 'program interval'),
    amountPerPeriod: row.amount_per_period,
    costPerPeriod: row.cost_basis === 'per_period' ? cost : null,
    ...(row.cost_basis === 'total' && cost !== null ? { totalCost: cost } : {}),
    periods: row.periods,
    endsAt: row.ends_at,
    lot: JSON.parse(row.lot) as ProgramFact['lot'],
    rollover: JSON.parse(row.rollover) as ProgramFact['rollover'],
    rolled: JSON.parse(row.rolled) as ProgramFact['rolled'],
    rolledLostOnEnd: row.rolled_lost_on_end === 1,
    ...(row.replaces === null ? {} : { replaces: programRef(row.replaces) }),
    createdSeq: row.id,
  }
}

/** Columns of a program row from an engine fact (the id, account and provenance are the writer's). */
export const programColumns = (fact: Omit<ProgramFact, 'id' | 'accountId' | 'createdSeq'>) => ({
  name: fact.name,
  kind: fact.kind,
  anchor_local: formatLocalDateTime(fact.anchor.local),
  anchor_zone: fact.anchor.zone,
  interval: formatDuration(fact.interval),
  amount_per_period: fact.amountPerPeriod,
  cost_basis: fact.totalCost === undefined ? ('per_period' as const) : ('total' as const),
  cost_amount: (fact.totalCost ?? fact.costPerPeriod)?.amount ?? null,
  cost_currency: (fact.totalCost ?? fact.costPerPeriod)?.currency ?? null,
  periods: fact.periods,
  ends_at: fact.endsAt,
  lot: JSON.stringify(fact.lot),
  rollover: JSON.stringify(fact.rollover),
  rolled: JSON.stringify(fact.rolled),
  rolled_lost_on_end: fact.rolledLostOnEnd ? 1 : 0,
  replaces: fact.replaces === undefined ? null : (storedProgramId(fact.replaces) ?? null),
})

export interface RechargeRow {
  readonly id: number
  readonly account_id: number
  readonly threshold: number
  readonly mode: RechargeRule['mode']
  readonly amount: number
  readonly monthly_max_count: number | null
  readonly monthly_max_amount: number | null
  readonly enabled_from: number
  readonly enabled_until: number | null
  /** JSON of RechargeRule['lot'] */
  readonly lot: string
  readonly confirm_within_ms: number
}

export const rechargeRuleOf = (row: RechargeRow): RechargeRule => ({
  id: rechargeRef(row.id),
  accountId: accountRef(row.account_id),
  threshold: row.threshold,
  mode: row.mode,
  amount: row.amount,
  monthlyMaxCount: row.monthly_max_count,
  monthlyMaxAmount: row.monthly_max_amount,
  enabledFrom: row.enabled_from,
  enabledUntil: row.enabled_until,
  lot: JSON.parse(row.lot) as RechargeRule['lot'],
  confirmWithinMs: row.confirm_within_ms,
  createdSeq: row.id,
})

export { storedLotId }
