import type { Cost, Instant, LotEvent, ProgramFact, RolloverRule } from '../ledger/model'
import { boundaryAt, boundaryIndexAt, toLocal, type LocalDateTime } from '../time/zoned'
import { positiveAmount, programTemplate, required } from './input'
import type { CreditPreset, ProgramTemplate, RolloverTemplate } from './types'

/**
 * Programs from templates: a monthly allowance, an annual plan released monthly, a daily allowance, with the
 * anchor (billing date, 1st of the month, local midnight) resolved in the account's zone, and cancellations.
 */

export interface ProgramInput {
  readonly id: string
  readonly accountId: string
  readonly createdSeq: number
  /** When the subscription started (billing-date anchor), or any instant of the first period. */
  readonly start: Instant
  readonly zone?: string
  readonly amountPerPeriod?: number
  readonly price?: Cost | null
  readonly periods?: number | null
  /** A cancellation: no period starts at or after it (see cancelProgram). */
  readonly endsAt?: Instant | null
  readonly name?: string
  readonly tags?: readonly string[]
}

const anchorOf = (template: ProgramTemplate, start: Instant, zone: string): LocalDateTime => {
  const local = toLocal(start, zone)
  const midnight = { ...local, hour: 0, minute: 0, second: 0, millisecond: 0 }
  switch (template.anchor.value.kind) {
    case 'billing_date':
      return local
    case 'month_start':
      return { ...midnight, day: 1 }
    case 'day_start':
      return midnight
  }
}

const rolloverOf = (rule: RolloverTemplate, amount: number): RolloverRule =>
  rule.mode === 'capped_periods' ? { mode: 'capped', cap: rule.periods * amount } : rule

/** A program (monthly allowance, annual plan released monthly, daily allowance) from a template. */
export const programFromTemplate = (template: ProgramTemplate, zone: string, input: ProgramInput): ProgramFact => {
  const amount = positiveAmount(
    required(
      input.amountPerPeriod ?? template.amountPerPeriod.value,
      'amountPerPeriod',
      'enter the credits per period of your plan',
    ),
    'amountPerPeriod',
  )
  const price = input.price !== undefined ? input.price : template.price.value
  const periods = input.periods !== undefined ? input.periods : template.periods.value
  const total = template.priceBasis === 'total' && price !== null
  return {
    id: input.id,
    accountId: input.accountId,
    name: input.name ?? template.label,
    kind: template.kind,
    anchor: { local: anchorOf(template, input.start, zone), zone },
    interval: template.interval.value,
    amountPerPeriod: amount,
    costPerPeriod: total ? null : price,
    ...(total ? { totalCost: price } : {}),
    periods,
    endsAt: input.endsAt ?? null,
    lot: {
      kind: template.lotKind,
      funding: template.funding.value,
      priority: template.priority.value,
      tags: input.tags ?? [],
      expiry: template.expiry.value,
    },
    rollover: rolloverOf(template.rollover.value, amount),
    rolled: template.rolled.value,
    rolledLostOnEnd: template.rolledLostOnEnd.value,
    createdSeq: input.createdSeq,
  }
}

export const programFact = (preset: CreditPreset, key: string, input: ProgramInput): ProgramFact =>
  programFromTemplate(programTemplate(preset, key), input.zone ?? preset.account.zone.value, input)

/**
 * Cancel a program at `at`: with keep_current_period (the usual vendor rule) no period starts at or after `at`
 * and the current one stays usable to its end; with immediate the current period's lot is also voided at `at`.
 */
export const cancelProgram = (
  template: ProgramTemplate,
  program: ProgramFact,
  at: Instant,
  createdSeq: number,
): { program: ProgramFact; lotEvents: LotEvent[] } => {
  const ended = { ...program, endsAt: at }
  if (template.onCancel.value === 'keep_current_period') return { program: ended, lotEvents: [] }
  const k = boundaryIndexAt(program.anchor, program.interval, at)
  const inside = k >= 0 && boundaryAt(program.anchor, program.interval, k) < at
  const lotEvents: LotEvent[] = inside
    ? [{ kind: 'void', lotId: `${program.id}#${k}`, at, mode: 'forward', createdSeq }]
    : []
  return { program: ended, lotEvents }
}
