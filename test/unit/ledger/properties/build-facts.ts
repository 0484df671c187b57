import type {
  AccountSpec,
  Cost,
  ExpiryRule,
  LedgerFacts,
  LotEvent,
  LotFact,
  Observation,
  ProgramFact,
  RechargeRule,
  UsageFact,
} from '@shared/ledger/model'
import { civilFromDays, daysFromCivil, type LocalDateTime } from '@shared/time/calendar'
import { parseDuration, type Duration } from '@shared/time/duration'
import { boundaryAt, toInstant } from '@shared/time/zoned'
import { DAYS, type ExpirySpec, type Scenario, type When } from './scenario-spec'

/**
 * `build`: turns a scenario spec into the LedgerFacts the engine replays, and resolves its times (grid days and
 * references to instants that matter) in the account's zone. Kept apart from the generators so examples and
 * properties can build hand-written scenarios too.
 */

/** Day 0 of the scenario grid (see DAYS). */
const ORIGIN_DAYS = daysFromCivil(2026, 1, 1)

const START_OF_DAY: Omit<LocalDateTime, 'year' | 'month' | 'day'> = { hour: 0, minute: 0, second: 0, millisecond: 0 }

const localAt = (day: number, minute: number): LocalDateTime => ({
  ...civilFromDays(ORIGIN_DAYS + day),
  ...START_OF_DAY,
  hour: Math.floor(minute / 60),
  minute: minute % 60,
})

/** The instant of local day `day`, minute `minute` in `zone` (a DST gap resolves forward, an overlap to the earlier). */
export const gridInstant = (zone: string, day: number, minute = 0): number => toInstant(localAt(day, minute), zone)

/** Replays run to here: a few days after the last generated day. */
export const horizon = (zone: string): number => gridInstant(zone, DAYS + 5)

const durationOf = (text: string): Duration => {
  const parsed = parseDuration(text)
  if (parsed === undefined) throw new Error(`bad duration ${text}`)
  return parsed
}

const expiryOf = (spec: ExpirySpec, effectiveAt: number): ExpiryRule => {
  switch (spec.kind) {
    case 'never':
      return { kind: 'never' }
    case 'at':
      return { kind: 'at', at: effectiveAt + spec.offset * 15 * 60_000 }
    case 'after':
      return { kind: 'after', duration: durationOf(spec.duration) }
    case 'end_of_local_day':
      return { kind: 'end_of_local_day' }
  }
}

const usd = (amount: number | null): Cost | null => (amount === null ? null : { amount, currency: 'USD' })

/** createdSeq values are 10, 20, 30…: unique across all facts, leaving room for facts a property adds in between. */
const assignSeqs = (scenario: Scenario): Map<object, number> => {
  const all: { item: object; seq: number; order: number }[] = []
  const push = (items: readonly { seq: number }[]) => {
    for (const item of items) all.push({ item, seq: item.seq, order: all.length })
  }
  push(scenario.lots)
  push(scenario.usage)
  push(scenario.programs)
  push(scenario.events)
  push(scenario.rules)
  all.sort((a, b) => a.seq - b.seq || a.order - b.order)
  return new Map(all.map((entry, rank) => [entry.item, (rank + 1) * 10]))
}

export const ACCOUNT = 'acct'

export interface Built {
  readonly facts: LedgerFacts
  /** Instants where something happens (effective times, expiries, boundaries, ends), sorted: what `{ ref }` picks. */
  readonly refs: readonly number[]
  readonly end: number
  readonly when: (when: When) => number
}

/** Turn a scenario into the facts the engine replays. Pure: the same scenario always gives the same facts. */
export const build = (scenario: Scenario): Built => {
  const { zone } = scenario
  const seqs = assignSeqs(scenario)
  const seqOf = (item: object): number => seqs.get(item) ?? 0
  const end = horizon(zone)
  const programIds = scenario.programs.map((_, i) => `p${i}`)
  const programId = (index: number | null): string | undefined =>
    index === null || programIds.length === 0 ? undefined : programIds[index % programIds.length]

  // Lots and programs use grid times only, so the reference instants can be taken from them.
  const grid = (when: When): number =>
    'day' in when ? gridInstant(zone, when.day, when.minute) : gridInstant(zone, when.ref % DAYS)
  const lots: LotFact[] = scenario.lots.map((spec, i) => {
    const effectiveAt = grid(spec.effective)
    const ends = programId(spec.endsWithProgram)
    return {
      id: `l${i}`,
      accountId: ACCOUNT,
      kind: spec.kind,
      funding: spec.funding,
      amount: spec.amount,
      cost: usd(spec.cost),
      effectiveAt,
      expiry: expiryOf(spec.expiry, effectiveAt),
      priority: spec.priority,
      tags: spec.tags,
      createdSeq: seqOf(spec),
      ...(ends === undefined ? {} : { endsWithProgram: ends }),
    }
  })
  const refs = new Set<number>()
  for (const lot of lots) {
    refs.add(lot.effectiveAt)
    if (lot.expiry.kind === 'at') refs.add(lot.expiry.at)
  }
  const programs: ProgramFact[] = scenario.programs.map((spec, i) => {
    const anchorZone = spec.anchorZone ?? zone
    const anchor = { local: localAt(spec.anchorDay, spec.anchorMinute), zone: anchorZone }
    const interval = durationOf(spec.interval)
    for (let k = 0; k < 130; k += 1) {
      const boundary = boundaryAt(anchor, interval, k)
      if (boundary > end) break
      refs.add(boundary)
    }
    return {
      id: programIds[i] ?? `p${i}`,
      accountId: ACCOUNT,
      name: `program ${i}`,
      kind: spec.kind,
      anchor,
      interval,
      amountPerPeriod: spec.amount,
      costPerPeriod: usd(spec.costPerPeriod),
      ...(spec.totalCost !== null && spec.periods !== null
        ? { totalCost: { amount: spec.totalCost, currency: 'USD' } }
        : {}),
      periods: spec.periods,
      endsAt: null,
      lot: {
        kind: spec.lotKind,
        funding: spec.funding,
        priority: spec.priority,
        tags: spec.tags,
        expiry: spec.expiry === 'period' ? 'period' : expiryOf(spec.expiry, 0),
      },
      rollover: spec.rollover,
      rolled: { periods: spec.rolledPeriods, priority: spec.rolledPriority },
      rolledLostOnEnd: spec.rolledLostOnEnd,
      createdSeq: seqOf(spec),
    }
  })
  const sortedRefs = [...refs].filter((at) => at < end).sort((a, b) => a - b)
  const when = (spec: When): number => {
    if ('day' in spec) return gridInstant(zone, spec.day, spec.minute)
    if (sortedRefs.length === 0) return gridInstant(zone, spec.ref % DAYS)
    return sortedRefs[spec.ref % sortedRefs.length] ?? 0
  }
  // Program ends may reference instants; 'at' expiry rules of programs are relative to nothing: use a fixed date.
  const programsWithEnds = programs.map((program, i) => {
    const spec = scenario.programs[i]
    const endsAt = spec?.endsAt ? when(spec.endsAt) : null
    const lotExpiry =
      spec !== undefined && spec.expiry !== 'period' && spec.expiry.kind === 'at'
        ? { kind: 'at' as const, at: gridInstant(zone, 30) + spec.expiry.offset * 15 * 60_000 }
        : program.lot.expiry
    return { ...program, endsAt, lot: { ...program.lot, expiry: lotExpiry } }
  })

  const usage: UsageFact[] = scenario.usage.map((spec, i) => ({
    id: `u${i}`,
    accountId: ACCOUNT,
    occurredAt: when(spec.at),
    amount: spec.amount,
    tags: spec.tags,
    billable: spec.billable,
    createdSeq: seqOf(spec),
  }))

  const targets = [
    ...lots.map((lot) => lot.id),
    ...programIds.flatMap((id) => [0, 1, 2, 3].flatMap((k) => [`${id}#${k}`, `${id}#${k}>rolled`])),
  ]
  const targetOf = (index: number): string => targets[index % Math.max(targets.length, 1)] ?? 'nothing'
  const lotEvents: LotEvent[] = scenario.events.map((spec) => {
    const lotId = targetOf(spec.target)
    const createdSeq = seqOf(spec)
    switch (spec.kind) {
      case 'void':
        return { kind: 'void', lotId, at: when(spec.at), mode: spec.mode, createdSeq }
      case 'retract':
        return { kind: 'retract', lotId, createdSeq }
      case 'expiry_change':
        return {
          kind: 'expiry_change',
          lotId,
          at: when(spec.at),
          expiresAt: spec.expiresAt === null ? null : when(spec.expiresAt),
          createdSeq,
        }
    }
  })

  const rechargeRules: RechargeRule[] = scenario.rules.map((spec, i) => ({
    id: `r${i}`,
    accountId: ACCOUNT,
    threshold: spec.threshold,
    mode: spec.mode,
    // A target rule buys up to a target above its threshold.
    amount: spec.mode === 'target' ? spec.threshold + spec.amount : spec.amount,
    monthlyMaxCount: spec.monthlyMaxCount,
    monthlyMaxAmount: spec.monthlyMaxAmount,
    enabledFrom: spec.enabledFrom === null ? 0 : when(spec.enabledFrom),
    enabledUntil: spec.enabledUntil === null ? null : when(spec.enabledUntil),
    lot: {
      priority: spec.priority,
      expiry: expiryOf(spec.expiry, 0).kind === 'at' ? { kind: 'never' } : expiryOf(spec.expiry, 0),
      costPerUnit: spec.costPerUnit ? { numerator: 1, denominator: 1, currency: 'USD' } : null,
    },
    confirmWithinMs: spec.confirmWithinHours * 3_600_000,
    createdSeq: seqOf(spec),
  }))

  const observations: Observation[] = scenario.observations.map((spec, i) => ({
    id: `o${i}`,
    accountId: ACCOUNT,
    at: when(spec.at),
    balance: spec.balance,
    tolerance: spec.tolerance,
  }))

  const billedWith = programId(scenario.billedWith)
  const account: AccountSpec = {
    id: ACCOUNT,
    zone,
    overdraft: { ...scenario.overdraft, ...(billedWith === undefined ? {} : { billedWith }) },
    drawdown: scenario.policy,
  }
  return {
    facts: { account, lots, usage, lotEvents, programs: programsWithEnds, rechargeRules, observations },
    refs: sortedRefs,
    end,
    when,
  }
}
