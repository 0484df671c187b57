import fc from 'fast-check'
import {
  DEFAULT_DRAWDOWN,
  DRAWDOWN_KEYS,
  FREE_FIRST_DRAWDOWN,
  type DrawdownPolicy,
} from '@shared/ledger/drawdown-order'
import type {
  AccountSpec,
  Cost,
  ExpiryRule,
  Funding,
  LedgerFacts,
  LotEvent,
  LotFact,
  LotKind,
  Observation,
  ProgramFact,
  RechargeRule,
  RolloverRule,
  UsageFact,
} from '@shared/ledger/model'
import type { ReplayResult } from '@shared/ledger/replay'
import { civilFromDays, daysFromCivil, type LocalDateTime } from '@shared/time/calendar'
import { parseDuration, type Duration } from '@shared/time/duration'
import { boundaryAt, toInstant } from '@shared/time/zoned'

/**
 * Generators of random but valid facts for one account, as a plain "scenario" spec that shrinks well (times are
 * wall-clock day + minute in the account's zone, or a reference to an instant that matters: a lot's effective time
 * or expiry, a program boundary), and `build`, which turns a spec into the LedgerFacts the engine replays.
 */

/** fast-check runs per property: small in `npm test`, large in `npm run test:deep` (FC_RUNS=2000). */
export const numRuns = Number(process.env.FC_RUNS ?? 50)
/** Per-test timeout that grows with the run count (a run plus its shrinking can take tens of ms). */
export const timeout = 10_000 + numRuns * 60

export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'] as const
export const TAGS = ['m:a', 'm:b', 'm:c'] as const
/** Usage may also carry a tag no lot is restricted to. */
const USAGE_TAGS = [...TAGS, 'm:z'] as const
/** Day 0 is 2026-01-01 (local, in the account's zone); the range crosses every DST change of the zones above. */
export const DAYS = 120
const ORIGIN_DAYS = daysFromCivil(2026, 1, 1)

export type When = { readonly day: number; readonly minute: number } | { readonly ref: number }

export type ExpirySpec =
  | { readonly kind: 'never' }
  /** `at` effective time + offset × 15 minutes (always after the effective time). */
  | { readonly kind: 'at'; readonly offset: number }
  | { readonly kind: 'after'; readonly duration: string }
  | { readonly kind: 'end_of_local_day' }

export interface LotSpec {
  readonly seq: number
  readonly kind: LotKind
  readonly funding: Funding
  readonly amount: number
  readonly cost: number | null
  readonly effective: When
  readonly expiry: ExpirySpec
  readonly priority: number
  readonly tags: readonly string[]
  /** Index of a program (mod the program count) whose end also ends this lot. */
  readonly endsWithProgram: number | null
}

export interface UsageSpec {
  readonly seq: number
  readonly at: When
  readonly amount: number
  readonly tags: readonly string[]
  readonly billable: boolean
}

export interface ProgramSpec {
  readonly seq: number
  readonly kind: ProgramFact['kind']
  readonly anchorDay: number
  readonly anchorMinute: number
  /** null: the account's zone. */
  readonly anchorZone: string | null
  readonly interval: string
  readonly amount: number
  readonly costPerPeriod: number | null
  readonly totalCost: number | null
  readonly periods: number | null
  readonly endsAt: When | null
  readonly lotKind: LotKind
  readonly funding: Funding
  readonly priority: number
  readonly tags: readonly string[]
  readonly expiry: 'period' | ExpirySpec
  readonly rollover: RolloverRule
  readonly rolledPeriods: number | null
  readonly rolledPriority: number
  readonly rolledLostOnEnd: boolean
}

export type EventSpec =
  | {
      readonly seq: number
      readonly kind: 'void'
      readonly target: number
      readonly at: When
      readonly mode: 'forward' | 'clawback'
    }
  | { readonly seq: number; readonly kind: 'retract'; readonly target: number }
  | {
      readonly seq: number
      readonly kind: 'expiry_change'
      readonly target: number
      readonly at: When
      readonly expiresAt: When | null
    }

export interface RuleSpec {
  readonly seq: number
  readonly threshold: number
  readonly mode: 'fixed' | 'target'
  /** fixed: the amount bought; target: how far above the threshold the target is. */
  readonly amount: number
  readonly monthlyMaxCount: number | null
  readonly monthlyMaxAmount: number | null
  readonly enabledFrom: When | null
  readonly enabledUntil: When | null
  readonly priority: number
  readonly expiry: ExpirySpec
  readonly costPerUnit: boolean
  readonly confirmWithinHours: number
}

export interface ObservationSpec {
  readonly at: When
  readonly balance: number
  readonly tolerance: number
}

export interface Scenario {
  readonly zone: string
  readonly policy: DrawdownPolicy
  readonly overdraft: { readonly mode: 'none' | 'unlimited' | 'limit'; readonly limit: number }
  /** Bill overage with program #n (mod the program count) instead of repaying it from credit. */
  readonly billedWith: number | null
  readonly lots: readonly LotSpec[]
  readonly usage: readonly UsageSpec[]
  readonly programs: readonly ProgramSpec[]
  readonly events: readonly EventSpec[]
  readonly rules: readonly RuleSpec[]
  readonly observations: readonly ObservationSpec[]
}

// ---------------------------------------------------------------------------------------------- arbitraries

const seqArb = fc.nat({ max: 1000 })
const minuteArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 0, 0, 150, 720, 1439) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1439 }) },
)
const gridArb = fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), minute: minuteArb })
/** Mostly grid times, often exactly an instant where something else happens (effective times, expiries, boundaries). */
export const whenArb: fc.Arbitrary<When> = fc.oneof(
  { weight: 3, arbitrary: gridArb },
  { weight: 2, arbitrary: fc.record({ ref: fc.nat({ max: 500 }) }) },
)

/** 0, ordinary, and large (up to 10^13: sums of a few dozen stay safe integers). */
const amountArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000_000_000, max: 10_000_000_000_000 }) },
)
const usageAmountArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000_000_000, max: 1_000_000_000_000 }) },
)
const priorityArb = fc.constantFrom(0, 10, 10, 20, 50)
const lotTagsArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as string[]) },
  { weight: 2, arbitrary: fc.subarray([...TAGS], { minLength: 1 }) },
)
const usageTagsArb = fc.subarray([...USAGE_TAGS])
const DURATIONS = ['P1D', 'P7D', 'P1M', 'P2M', 'PT12H', 'PT36H', 'P1DT6H', 'P1Y'] as const
export const expiryArb: fc.Arbitrary<ExpirySpec> = fc.oneof(
  fc.constant({ kind: 'never' as const }),
  fc.record({
    kind: fc.constant('at' as const),
    offset: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 12_000 })),
  }),
  fc.record({ kind: fc.constant('after' as const), duration: fc.constantFrom(...DURATIONS) }),
  fc.constant({ kind: 'end_of_local_day' as const }),
)
const fundingArb = fc.constantFrom<Funding>('paid', 'promotional', 'postpaid')
const costArb = fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })), { nil: null })
const FACT_LOT_KINDS: readonly LotKind[] = [
  'subscription',
  'addon',
  'purchase',
  'purchase',
  'auto_recharge',
  'promo',
  'trial',
  'grant',
  'commitment',
  'daily',
  'adjustment',
]

export const lotSpecArb: fc.Arbitrary<LotSpec> = fc.record({
  seq: seqArb,
  kind: fc.constantFrom(...FACT_LOT_KINDS),
  funding: fundingArb,
  amount: amountArb,
  cost: costArb,
  effective: gridArb,
  expiry: expiryArb,
  priority: priorityArb,
  tags: lotTagsArb,
  endsWithProgram: fc.option(fc.nat({ max: 3 }), { nil: null, freq: 5 }),
})

export const usageSpecArb: fc.Arbitrary<UsageSpec> = fc.record({
  seq: seqArb,
  at: whenArb,
  amount: usageAmountArb,
  tags: usageTagsArb,
  billable: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
})

const rolloverArb: fc.Arbitrary<RolloverRule> = fc.oneof(
  fc.constant({ mode: 'none' as const }),
  fc.constant({ mode: 'full' as const }),
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 }))
    .map(([denominator, n]) => ({ mode: 'fraction' as const, numerator: Math.min(n, denominator), denominator })),
  fc.record({ mode: fc.constant('capped' as const), cap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })) }),
)

export interface ScenarioOptions {
  /** Leave out auto-recharge rules (their triggers depend on usage, so some invariants cannot hold with them). */
  readonly recharge?: boolean
  /** Allow the capped-bank rollover mode. */
  readonly cappedRollover?: boolean
  /** Allow pay-as-you-go overage billing (debt leaves the ledger as money). */
  readonly billing?: boolean
  readonly maxUsage?: number
  readonly maxLots?: number
  /** At least this many programs (rollover properties want some). */
  readonly minPrograms?: number
}

export const programSpecArb = (options: ScenarioOptions = {}): fc.Arbitrary<ProgramSpec> =>
  fc.record({
    seq: seqArb,
    kind: fc.constantFrom<ProgramFact['kind']>('allowance', 'addon', 'annual_release', 'daily', 'commitment'),
    anchorDay: fc.integer({ min: 0, max: 60 }),
    anchorMinute: fc.constantFrom(0, 0, 150, 720, 1439),
    anchorZone: fc.option(fc.constantFrom(...ZONES), { nil: null, freq: 3 }),
    interval: fc.constantFrom('P1M', 'P1M', 'P1D', 'P1W', 'P10D'),
    amount: amountArb,
    costPerPeriod: costArb,
    totalCost: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    periods: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    endsAt: fc.option(whenArb, { nil: null }),
    lotKind: fc.constantFrom<LotKind>('subscription', 'addon', 'daily', 'commitment', 'grant'),
    funding: fundingArb,
    priority: priorityArb,
    tags: lotTagsArb,
    expiry: fc.oneof({ weight: 4, arbitrary: fc.constant('period' as const) }, { weight: 1, arbitrary: expiryArb }),
    rollover: options.cappedRollover === false ? rolloverArb.filter((r) => r.mode !== 'capped') : rolloverArb,
    rolledPeriods: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    rolledPriority: priorityArb,
    rolledLostOnEnd: fc.boolean(),
  })

const targetArb = fc.nat({ max: 60 })
export const eventSpecArb: fc.Arbitrary<EventSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      seq: seqArb,
      kind: fc.constant('void' as const),
      target: targetArb,
      at: whenArb,
      mode: fc.constantFrom('forward' as const, 'clawback' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ seq: seqArb, kind: fc.constant('retract' as const), target: targetArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      seq: seqArb,
      kind: fc.constant('expiry_change' as const),
      target: targetArb,
      at: whenArb,
      expiresAt: fc.option(whenArb, { nil: null, freq: 4 }),
    }),
  },
)

export const ruleSpecArb: fc.Arbitrary<RuleSpec> = fc.record({
  seq: seqArb,
  threshold: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
  mode: fc.constantFrom('fixed' as const, 'target' as const),
  amount: fc.integer({ min: 1, max: 500 }),
  monthlyMaxCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  monthlyMaxAmount: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  enabledFrom: fc.option(whenArb, { nil: null }),
  enabledUntil: fc.option(whenArb, { nil: null, freq: 4 }),
  priority: priorityArb,
  expiry: expiryArb,
  costPerUnit: fc.boolean(),
  confirmWithinHours: fc.constantFrom(0, 0, 1, 24),
})

export const observationSpecArb: fc.Arbitrary<ObservationSpec> = fc.record({
  at: whenArb,
  balance: fc.integer({ min: -100, max: 1000 }),
  tolerance: fc.constantFrom(0, 0, 5),
})

/** A random order of DRAWDOWN_KEYS (a vendor policy may reorder or drop keys). */
export const policyArb: fc.Arbitrary<DrawdownPolicy> = fc.oneof(
  fc.constant(DEFAULT_DRAWDOWN),
  fc.constant(FREE_FIRST_DRAWDOWN),
  fc.shuffledSubarray([...DRAWDOWN_KEYS]).map((keys) => ({ version: 1, keys })),
)

export const scenarioArb = (options: ScenarioOptions = {}): fc.Arbitrary<Scenario> =>
  fc
    .record({
      zone: fc.constantFrom(...ZONES),
      policy: policyArb,
      overdraft: fc.record({
        mode: fc.constantFrom('none' as const, 'unlimited' as const, 'limit' as const),
        limit: fc.constantFrom(0, 50),
      }),
      billedWith: options.billing === false ? fc.constant(null) : fc.option(fc.nat({ max: 1 }), { nil: null, freq: 6 }),
      lots: fc.array(lotSpecArb, { maxLength: options.maxLots ?? 7 }),
      usage: fc.array(usageSpecArb, { maxLength: options.maxUsage ?? 22 }),
      programs: fc.array(programSpecArb(options), { minLength: options.minPrograms ?? 0, maxLength: 2 }),
      events: fc.array(eventSpecArb, { maxLength: 4 }),
      rules:
        options.recharge === false
          ? fc.constant([])
          : fc.oneof(
              { weight: 2, arbitrary: fc.constant([]) },
              { weight: 1, arbitrary: fc.array(ruleSpecArb, { minLength: 1, maxLength: 2 }) },
            ),
      observations: fc.array(observationSpecArb, { maxLength: 3 }),
    })
    .map(printable)

// ---------------------------------------------------------------------------------------------- build

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

// ---------------------------------------------------------------------------------------------- helpers

/** Deterministic pseudo-random permutation (mulberry32), so a shrunk counterexample replays identically. */
export const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

/** What the storage layer does with a unique id: the first occurrence (lowest createdSeq) wins. */
export const dedupeById = <T extends { readonly id: string; readonly createdSeq: number }>(
  items: readonly T[],
): T[] => {
  const kept = new Map<string, T>()
  for (const item of [...items].sort((a, b) => a.createdSeq - b.createdSeq))
    if (!kept.has(item.id)) kept.set(item.id, item)
  return items.filter((item) => kept.get(item.id) === item)
}

/** A replay result in a form that does not depend on the order lots were inserted in (they are compared by id). */
export const comparable = (result: ReplayResult) => ({
  lots: [...result.lots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  balance: result.balance,
  snapshots: result.snapshots,
  notices: result.notices,
  allocations: result.allocations,
})

const iso = (at: number): string => {
  const text = new Date(at).toISOString()
  return text.endsWith(':00.000Z') ? `${text.slice(0, 16)}Z` : text
}

const expiryText = (rule: ExpiryRule | 'period'): string => {
  if (rule === 'period') return 'period'
  switch (rule.kind) {
    case 'never':
      return 'never'
    case 'at':
      return `at ${iso(rule.at)}`
    case 'after':
      return `after ${JSON.stringify(rule.duration).replace(/"|,?"?\w+"?:0/g, '')}`
    case 'end_of_local_day':
      return 'end_of_local_day'
  }
}

/** The facts of a scenario as short readable lines: what a counterexample in a report should look like. */
export const describeFacts = (facts: LedgerFacts): string => {
  const lines: string[] = []
  const { account } = facts
  lines.push(
    `account zone=${account.zone} policy=[${account.drawdown.keys.join(',')}] overdraft=${JSON.stringify(account.overdraft)}`,
  )
  for (const l of facts.lots) {
    lines.push(
      `lot ${l.id} seq=${l.createdSeq} ${l.kind}/${l.funding} amount=${l.amount} cost=${l.cost?.amount ?? 'null'} ` +
        `eff=${iso(l.effectiveAt)} exp=${expiryText(l.expiry)} prio=${l.priority} tags=[${l.tags.join(',')}]` +
        (l.endsWithProgram ? ` endsWith=${l.endsWithProgram}` : ''),
    )
  }
  for (const p of facts.programs) {
    lines.push(
      `program ${p.id} seq=${p.createdSeq} ${p.kind} anchor=${JSON.stringify(p.anchor.local).replace(/"/g, '')}@${p.anchor.zone} ` +
        `every=${JSON.stringify(p.interval).replace(/"|,?"?\w+"?:0/g, '')} amount=${p.amountPerPeriod} periods=${p.periods} ` +
        `endsAt=${p.endsAt === null ? 'null' : iso(p.endsAt)} lot={${p.lot.kind}/${p.lot.funding} prio=${p.lot.priority} ` +
        `tags=[${p.lot.tags.join(',')}] exp=${expiryText(p.lot.expiry)}} rollover=${JSON.stringify(p.rollover)} ` +
        `rolled=${JSON.stringify(p.rolled)} lostOnEnd=${p.rolledLostOnEnd} cost=${p.costPerPeriod?.amount ?? 'null'}` +
        (p.totalCost ? ` totalCost=${p.totalCost.amount}` : ''),
    )
  }
  for (const u of facts.usage) {
    lines.push(
      `usage ${u.id} seq=${u.createdSeq} at=${iso(u.occurredAt)} amount=${u.amount} tags=[${u.tags.join(',')}]` +
        (u.billable ? '' : ' NOT billable'),
    )
  }
  for (const e of facts.lotEvents) {
    const rest =
      e.kind === 'void'
        ? ` at=${iso(e.at)} mode=${e.mode}`
        : e.kind === 'expiry_change'
          ? ` at=${iso(e.at)} expiresAt=${e.expiresAt === null ? 'null' : iso(e.expiresAt)}`
          : ''
    lines.push(`event ${e.kind} lot=${e.lotId} seq=${e.createdSeq}${rest}`)
  }
  for (const r of facts.rechargeRules) {
    lines.push(
      `recharge ${r.id} seq=${r.createdSeq} threshold=${r.threshold} ${r.mode} amount=${r.amount} maxCount=${r.monthlyMaxCount} ` +
        `maxAmount=${r.monthlyMaxAmount} from=${iso(r.enabledFrom)} until=${r.enabledUntil === null ? 'null' : iso(r.enabledUntil)} ` +
        `lot={prio=${r.lot.priority} exp=${expiryText(r.lot.expiry)}} confirmWithin=${r.confirmWithinMs}ms`,
    )
  }
  for (const o of facts.observations)
    lines.push(`observation ${o.id} at=${iso(o.at)} balance=${o.balance} tol=${o.tolerance}`)
  return lines.join('\n')
}

/** fast-check prints counterexamples with this: the built facts, readable. */
function printable<T extends Scenario>(scenario: T): T {
  return Object.defineProperty({ ...scenario }, fc.toStringMethod, {
    value: () => `${JSON.stringify(scenario)}\n--- facts ---\n${describeFacts(build(scenario).facts)}`,
    enumerable: false,
  })
}
