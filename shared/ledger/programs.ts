import { mulDiv, splitEvenly } from '../money/amount'
import { boundaryAt, boundaryIndexAt } from '../time/zoned'
import { resolveExpiry } from './expiry'
import type { Instant, ProgramFact, RolloverRule } from './model'
import type { LotDefinition } from './lot-state'

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
