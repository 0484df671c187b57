import { mulDiv, splitEvenly } from '../money/amount'
import { boundaryAt, boundaryIndexAt } from '../time/zoned'
import { resolveExpiry } from './expiry'
import type { Instant, ProgramFact, RolloverRule } from './model'
import type { LotDefinition, LotState } from './lot-state'

/** b_k, always computed from the anchor (month ends clamped), never by chaining b_{k-1}. */
export const programBoundary = (program: ProgramFact, k: number): Instant =>
  boundaryAt(program.anchor, program.interval, k)

/**
 * The instant the program stops: the end of its last period. A cancellation keeps the current period usable to
 * its end, so a program cancelled at `endsAt` ends at the first boundary at or after it. null = open-ended.
 */
export const programEnd = (program: ProgramFact): Instant | null => {
  const ends: Instant[] = []
  if (program.periods !== null) ends.push(programBoundary(program, program.periods))
  if (program.endsAt !== null) {
    const first = programBoundary(program, 0)
    if (program.endsAt <= first) ends.push(first)
    else {
      const k = boundaryIndexAt(program.anchor, program.interval, program.endsAt)
      const start = programBoundary(program, k)
      ends.push(start === program.endsAt ? start : programBoundary(program, k + 1))
    }
  }
  return ends.length === 0 ? null : Math.min(...ends)
}

/** Does period k exist (start before the program's end)? */
export const periodExists = (program: ProgramFact, k: number, end: Instant | null): boolean =>
  (program.periods === null || k < program.periods) && (end === null || programBoundary(program, k) < end)

const periodCost = (program: ProgramFact, k: number) => {
  if (program.totalCost !== undefined && program.periods !== null) {
    return {
      amount: splitEvenly(program.totalCost.amount, program.periods)[k] ?? 0,
      currency: program.totalCost.currency,
    }
  }
  return program.costPerPeriod
}

/** The lot program `program` releases for period k = [b_k, b_{k+1}). */
export const periodLot = (program: ProgramFact, k: number, zone: string): LotDefinition => {
  const start = programBoundary(program, k)
  return {
    id: `${program.id}#${k}`,
    kind: program.lot.kind,
    funding: program.lot.funding,
    amount: program.amountPerPeriod,
    cost: periodCost(program, k),
    effectiveAt: start,
    expiresAt:
      program.lot.expiry === 'period'
        ? programBoundary(program, k + 1)
        : resolveExpiry(program.lot.expiry, start, zone),
    priority: program.lot.priority,
    tags: program.lot.tags,
    createdSeq: program.createdSeq,
    projected: false,
    programId: program.id,
    periodIndex: k,
    parentLotId: null,
    endsWithProgram: null,
  }
}

/**
 * How much of a closing period's remainder R rolls into the next period (DESIGN §3, ledger-semantics §9.7):
 * none 0; full R; fraction floor(R × n / d); capped min(R, cap − bank). Always 0 ≤ rolled ≤ R.
 */
export const rolledAmount = (rule: RolloverRule, remainder: number, bank: number): number => {
  switch (rule.mode) {
    case 'none':
      return 0
    case 'full':
      return remainder
    case 'fraction':
      return Math.min(remainder, mulDiv(remainder, rule.numerator, rule.denominator, 'floor'))
    case 'capped':
      return Math.max(0, Math.min(remainder, rule.cap - bank))
  }
}

/**
 * The child lot taking the rolled part of period lot `lot` as it closes at boundary `at` (ledger-semantics §9.7),
 * or null when nothing rolls. The bank is the live rolled credit of this program and, on a plan change, of the
 * program it replaces (§11 #30: a full bank is never trimmed, new credit is refused). A child that would already
 * be expired at `at` (rolled.periods 0, or "until the program ends" at its last boundary) is not created: it could
 * never be drawn. (Fix: it used to be created and closed before its grant, so the rolled amount left the parent
 * yet was neither usable nor counted as expired.)
 */
export const rolledChild = (
  lot: LotState,
  program: ProgramFact,
  at: Instant,
  end: Instant | null,
  lots: Iterable<LotState>,
): LotDefinition | null => {
  if (lot.periodIndex === null || (end !== null && at >= end && program.rolledLostOnEnd)) return null
  const k = lot.periodIndex + 1
  const expiresAt = program.rolled.periods === null ? end : programBoundary(program, k + program.rolled.periods)
  if (expiresAt !== null && expiresAt <= at) return null
  let bank = 0
  for (const other of lots) {
    const banked = other.programId === program.id || (other.programId !== null && other.programId === program.replaces)
    if (other.kind === 'rollover' && banked && other.status === 'active') {
      if (other.expiresAt === null || other.expiresAt > at) bank += other.remaining
    }
  }
  const rolled = rolledAmount(program.rollover, lot.remaining, bank)
  if (rolled <= 0) return null
  return {
    id: `${lot.id}>rolled`,
    kind: 'rollover',
    funding: lot.funding,
    amount: rolled,
    cost:
      lot.cost === null ? null : { amount: mulDiv(lot.cost.amount, rolled, lot.amount), currency: lot.cost.currency },
    unitCost: lot.sortKey.cost,
    effectiveAt: at,
    expiresAt,
    priority: program.rolled.priority,
    tags: lot.tags,
    createdSeq: lot.createdSeq,
    projected: false,
    programId: program.id,
    periodIndex: k,
    parentLotId: lot.id,
    endsWithProgram: program.rolledLostOnEnd ? program.id : null,
  }
}
