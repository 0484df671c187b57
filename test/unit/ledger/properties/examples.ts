import { FREE_FIRST_DRAWDOWN, DEFAULT_DRAWDOWN } from '@shared/ledger/drawdown-order'
import type { EventSpec, LotSpec, ProgramSpec, RuleSpec, Scenario, UsageSpec } from './scenario-spec'

/**
 * The minimal counterexamples the properties found, as scenarios. Each property runs its examples first (fast-check
 * `examples`), so a bug found once fails deterministically until it is fixed, and stays a regression test after.
 * Days count from 2026-01-01 (local, in the account's zone: UTC here); minutes are minutes of that day. Fact
 * createdSeq values are ranked from `seq` (10, 20, … in `seq` order). Event targets index
 * [fact lots…, p0#0, p0#0>rolled, p0#1, p0#1>rolled, …].
 */

const lot = (spec: Partial<LotSpec> = {}): LotSpec => ({
  seq: 0,
  kind: 'purchase',
  funding: 'paid',
  amount: 5,
  cost: null,
  effective: { day: 0, minute: 0 },
  expiry: { kind: 'never' },
  priority: 50,
  tags: [],
  endsWithProgram: null,
  ...spec,
})

const usage = (day: number, amount: number, spec: Partial<UsageSpec> = {}): UsageSpec => ({
  seq: 0,
  at: { day, minute: 0 },
  amount,
  tags: [],
  billable: true,
  ...spec,
})

/** Monthly from 2026-01-01 00:00, 10 per period, expiring at period end, full rollover kept one period. */
const program = (spec: Partial<ProgramSpec> = {}): ProgramSpec => ({
  seq: 0,
  kind: 'allowance',
  anchorDay: 0,
  anchorMinute: 0,
  anchorZone: null,
  interval: 'P1M',
  amount: 10,
  costPerPeriod: null,
  totalCost: null,
  periods: 2,
  endsAt: null,
  lotKind: 'subscription',
  funding: 'paid',
  priority: 10,
  tags: [],
  expiry: 'period',
  rollover: { mode: 'full' },
  rolledPeriods: 1,
  rolledPriority: 5,
  rolledLostOnEnd: false,
  ...spec,
})

const rule = (spec: Partial<RuleSpec> = {}): RuleSpec => ({
  seq: 0,
  threshold: 0,
  mode: 'fixed',
  amount: 5,
  monthlyMaxCount: null,
  monthlyMaxAmount: null,
  enabledFrom: null,
  enabledUntil: null,
  priority: 50,
  expiry: { kind: 'never' },
  costPerUnit: false,
  confirmWithinHours: 0,
  ...spec,
})

const scenario = (spec: Partial<Scenario> = {}): Scenario => ({
  zone: 'UTC',
  policy: DEFAULT_DRAWDOWN,
  overdraft: { mode: 'unlimited', limit: 0 },
  billedWith: null,
  lots: [],
  usage: [],
  programs: [],
  events: [],
  rules: [],
  observations: [],
  ...spec,
})

const FEB_1 = { day: 31, minute: 0 }

/**
 * B1 (P1b, P3, P5). A period lot whose fixed expiry (2026-01-31 00:15: 'at' offsets of program lots count from day
 * 30) is before its period starts (p0#1, 2026-02-01): its expiry was queued in the past, the replay went back in
 * time, a usage drew from the lot after its expiry, and a resumed replay never expired it at all.
 */
export const B1_PERIOD_LOT_EXPIRED_BEFORE_START = scenario({
  programs: [program({ expiry: { kind: 'at', offset: 1 }, rollover: { mode: 'none' } })],
  usage: [usage(31, 4)],
})
/** Resume B1 from a checkpoint between that expiry and the period start. */
export const B1_CHECKPOINT = { day: 30, minute: 720 }

/**
 * B2 (P5). An expiry change recorded (2026-01-05) before the lot is effective (2026-01-10) moves its expiry to
 * 2026-01-20; a replay resumed from a checkpoint in between (2026-01-08) forgot the change, so the lot never expired
 * and paid for the usage of 2026-02-01 that a replay from scratch turns into debt.
 */
export const B2_EXPIRY_CHANGE_BEFORE_EFFECTIVE = scenario({
  lots: [lot({ amount: 10, effective: { day: 9, minute: 0 } })],
  usage: [usage(31, 4)],
  events: [{ seq: 0, kind: 'expiry_change', target: 0, at: { day: 4, minute: 0 }, expiresAt: { day: 19, minute: 0 } }],
})
export const B2_CHECKPOINT = { day: 7, minute: 0 }

/**
 * B3 (P6). Two recharge rules that both trigger at one instant were evaluated in array order (which one bought its
 * lot depended on storage order), and two observations of one instant were compared in array order (the order of
 * the drift notices did).
 */
export const B3_ORDER_OF_RULES_AND_OBSERVATIONS = scenario({
  lots: [lot({ effective: { day: 1, minute: 0 } })],
  usage: [usage(0, 1)],
  rules: [rule({ amount: 5 }), rule({ amount: 7 })],
  observations: [
    { at: { day: 2, minute: 0 }, balance: 0, tolerance: 0 },
    { at: { day: 2, minute: 0 }, balance: 1, tolerance: 0 },
  ],
})

/**
 * B4 (P10b). A rolled part's cost was rounded down (1 per 3 credits: 2 rolled credits "cost" 0), so under a
 * free-first policy it sorted as free. More usage in April rolls 2 instead of 3 credits into a "free" part, which
 * then pays the May usage that p0#1 paid before: adding usage increased p0#1's remaining (3 instead of 2).
 */
export const B4_ROLLED_PART_TURNS_FREE = scenario({
  policy: FREE_FIRST_DRAWDOWN,
  programs: [
    program({
      anchorDay: 94,
      amount: 3,
      costPerPeriod: 1,
      periods: null,
      rolledPeriods: null,
      rolledPriority: 10,
    }),
  ],
  usage: [usage(124, 1)],
})
export const B4_EXTRA_USAGE = usage(100, 1)

/**
 * B5 (P1, P12). A void of the part rolled at a boundary, at that very boundary (2026-02-01): voids run before grants
 * in an instant, so the child was closed before its grant; the parent had transferred 10 into it, which then was
 * neither usable, voided nor expired (granted 0).
 */
export const B5_VOID_ROLLED_PART_AT_BOUNDARY = scenario({
  programs: [program()],
  events: [{ seq: 0, kind: 'void', target: 1, at: FEB_1, mode: 'forward' }],
})

/**
 * B5b (P1, P12). The same with an expiry change of the rolled part, at its boundary, to that boundary: the child
 * closes before its grant and the 10 rolled into it vanish (parent rolledOut 10, child granted 0).
 */
export const B5B_EXPIRY_CHANGE_ROLLED_PART_AT_BOUNDARY = scenario({
  programs: [program()],
  events: [{ seq: 0, kind: 'expiry_change', target: 1, at: FEB_1, expiresAt: FEB_1 }],
})

const clawbackAt: EventSpec = { seq: 500, kind: 'void', target: 0, at: { day: 4, minute: 0 }, mode: 'clawback' }
/**
 * B6 (P3). A refund with clawback of L at 2026-01-05 00:00 made what L paid (3) owed again and had the usable lots
 * pay it at once, but in the void/expiry phase: E, which expires at that very instant (its expiry event has a
 * later createdSeq than the void), paid 3 at its expiry instant (outside [effective, expires)).
 */
export const B6_CLAWBACK_PAID_BY_EXPIRING_LOT = scenario({
  lots: [lot({ priority: 0 }), lot({ seq: 900, priority: 10, expiry: { kind: 'at', offset: 4 * 96 } })],
  usage: [usage(1, 3)],
  events: [clawbackAt],
})

/**
 * B7 (P5). A banked part that expires exactly when its program ends (rolled "until the program ends", lost on
 * end): its expiry and the program end were tied in the queue, broken by insertion order, which differs after a
 * checkpoint, so the history note ("program ended" or not) depended on where the replay resumed.
 */
export const B7_PROGRAM_END_TIE = scenario({
  programs: [program({ amount: 1, rolledPeriods: null, rolledLostOnEnd: true })],
})
export const B7_CHECKPOINT = { day: 45, minute: 0 }

/**
 * B8 (P9, fixed). A recharge triggered at 2026-01-01 00:00 was confirmed by a recorded auto_recharge purchase
 * effective at 12:00 the same day (confirmWithin 24 h), so no projected lot was made and the balance at 06:00 was −5;
 * without that later fact the balance at 06:00 was +5 (a projected recharge). The balance as of 06:00 depended on a
 * fact effective after it (ledger-semantics §10 #17). Now the trigger always projects (00:00: 5 used → −5 → a
 * projected 10 repays the 5 → +5, with or without the receipt), and the receipt at 12:00 replaces the projection
 * (§9.9): the projection is voided, the receipt takes over the 5 it paid and keeps 5, so the balance stays +5.
 */
export const B8_RECHARGE_CONFIRMED_LATER = scenario({
  lots: [lot({ kind: 'auto_recharge', amount: 10, effective: { day: 0, minute: 720 } })],
  usage: [usage(0, 5)],
  rules: [rule({ amount: 10, confirmWithinHours: 24 })],
})
export const B8_AS_OF = { day: 0, minute: 360 }

/**
 * P4 regression (an oracle point, not an engine bug): a part rolled under a capped bank (1 of 2 credits that cost 1)
 * keeps its parent's price per unit, so it is not "free" and p0#1 (sooner expiry, same price) pays first.
 */
export const ROLLED_PART_KEEPS_ITS_PRICE = scenario({
  policy: FREE_FIRST_DRAWDOWN,
  programs: [
    program({
      interval: 'P1W',
      amount: 2,
      costPerPeriod: 1,
      periods: null,
      priority: 0,
      tags: ['m:c'],
      rollover: { mode: 'capped', cap: 1 },
      rolledPeriods: null,
      rolledPriority: 0,
    }),
  ],
  usage: [usage(7, 1, { tags: ['m:c'] })],
})

/**
 * P4 regression (an oracle point, not an engine bug): a receipt that confirms a projected recharge takes over what
 * the projection paid before any other lot does (ledger-semantics §9.9), even when another lot sorts first. 20 on hand
 * (priority 60); rule: at or below 25 buy 10 (priority 50), confirmed within 24 h. 00:00: 1 used → 19 → projected 10
 * → 29. 01:00: 2 used, paid by the projection (priority 50 first) → 27. 02:00: the receipt of 10 (priority 70)
 * replaces the projection and pays its 2 itself, though the 20-lot (priority 60) sorts before it and has 19 left.
 */
export const RECEIPT_TAKES_OVER_FIRST = scenario({
  lots: [
    lot({ amount: 20, priority: 60 }),
    lot({ kind: 'auto_recharge', amount: 10, priority: 70, effective: { day: 0, minute: 120 } }),
  ],
  usage: [usage(0, 1), usage(0, 2, { at: { day: 0, minute: 60 } })],
  rules: [rule({ threshold: 25, amount: 10, confirmWithinHours: 24 })],
})
