import fc from 'fast-check'
import {
  DEFAULT_DRAWDOWN,
  DRAWDOWN_KEYS,
  FREE_FIRST_DRAWDOWN,
  type DrawdownPolicy,
} from '@shared/ledger/drawdown-order'
import type { Funding, LotKind, ProgramFact, RolloverRule } from '@shared/ledger/model'
import { build } from './build-facts'
import { describeFacts } from './fact-printer'
import {
  DAYS,
  TAGS,
  ZONES,
  type EventSpec,
  type ExpirySpec,
  type LotSpec,
  type ObservationSpec,
  type ProgramSpec,
  type RuleSpec,
  type Scenario,
  type UsageSpec,
  type When,
} from './scenario-spec'

/**
 * The fast-check generators of scenario specs (and how many runs each property gets). Weights favour the values
 * where ledger rules meet: zero amounts, shared instants, midnight and DST-adjacent minutes, tagged lots.
 */

/** fast-check runs per property: small in `npm test`, large in `npm run test:deep` (FC_RUNS=2000). */
export const numRuns = Number(process.env.FC_RUNS ?? 50)
/** Per-test timeout that grows with the run count (a run plus its shrinking can take tens of ms). */
export const timeout = 10_000 + numRuns * 60

/** Usage may also carry a tag no lot is restricted to. */
const USAGE_TAGS = [...TAGS, 'm:z'] as const

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

/** fast-check prints counterexamples with this: the built facts, readable. */
function printable<T extends Scenario>(scenario: T): T {
  return Object.defineProperty({ ...scenario }, fc.toStringMethod, {
    value: () => `${JSON.stringify(scenario)}\n--- facts ---\n${describeFacts(build(scenario).facts)}`,
    enumerable: false,
  })
}
