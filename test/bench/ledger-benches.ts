import { performance } from 'node:perf_hooks'
import { DEFAULT_DRAWDOWN } from '@shared/ledger/drawdown-order'
import { resolveExpiry } from '@shared/ledger/expiry'
import type { LedgerFacts, LotFact, UsageFact } from '@shared/ledger/model'
import { replay, type ReplayResult } from '@shared/ledger/replay'
import type { ReplayState } from '@shared/ledger/replay-state'
import { interleave, line, log, type BenchLine } from './report'
import type { BenchEnv } from './storage-benches'

/**
 * Ledger engine benches (DESIGN §3 Speed, §8): one account with 2,000 lots and 1,000,000 usage events, generated
 * in memory from a seeded PRNG. The baseline is the least work that allocates: a greedy soonest-expiry allocator
 * over the same arrays (a heap of live lots, no phases, rollover, history, debt repayment or checkpoints).
 */

const LOTS = 2_000
const USAGE = 1_000_000
const APPEND = 1_000
const DAY = 86_400_000
const START = Date.UTC(2024, 0, 1)
const SPAN = 730 * DAY

/** mulberry32: a small deterministic PRNG, so every run replays the same ledger. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface Dataset {
  readonly facts: LedgerFacts
  /** Lots by effective time with their resolved expiry, for the baseline. */
  readonly effective: Float64Array
  readonly expires: Float64Array
  readonly amounts: Float64Array
  readonly end: number
}

let cached: Dataset | undefined

/** Lots staggered over two years (one every ~8.8 h, jittered), each expiring 1 year after purchase; usage
 * sorted, on average 80% of what the lots supply, so allocation never runs dry and little expires. */
const dataset = (): Dataset => {
  if (cached !== undefined) return cached
  const random = prng(20_260_301)
  const lots: LotFact[] = []
  for (let i = 0; i < LOTS; i += 1) {
    const amount = 1_000_000 + Math.floor(random() * 4_000_000)
    lots.push({
      id: `lot-${String(i).padStart(4, '0')}`,
      accountId: 'bench',
      kind: 'purchase',
      funding: 'paid',
      amount,
      cost: { amount, currency: 'USD' },
      effectiveAt: START + Math.floor(((i + random()) * SPAN) / LOTS),
      expiry: { kind: 'after', duration: { years: 1, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 } },
      priority: 50,
      tags: [],
      createdSeq: i,
    })
  }
  const noTags: readonly string[] = Object.freeze([])
  const usage: UsageFact[] = new Array<UsageFact>(USAGE)
  for (let k = 0; k < USAGE; k += 1) {
    usage[k] = {
      id: `u${k}`,
      accountId: 'bench',
      occurredAt: START + DAY + Math.floor(((k + random()) * (SPAN - DAY)) / USAGE),
      amount: 1 + Math.floor(random() * 9_600),
      tags: noTags,
      billable: true,
      createdSeq: LOTS + k,
    }
  }
  const byEffective = [...lots].sort((a, b) => a.effectiveAt - b.effectiveAt)
  const facts: LedgerFacts = {
    account: { id: 'bench', zone: 'UTC', overdraft: { mode: 'unlimited', limit: 0 }, drawdown: DEFAULT_DRAWDOWN },
    lots,
    usage,
    lotEvents: [],
    programs: [],
    rechargeRules: [],
    observations: [],
  }
  cached = {
    facts,
    effective: Float64Array.from(byEffective, (lot) => lot.effectiveAt),
    expires: Float64Array.from(byEffective, (lot) => resolveExpiry(lot.expiry, lot.effectiveAt, 'UTC') ?? Infinity),
    amounts: Float64Array.from(byEffective, (lot) => lot.amount),
    end: START + SPAN + DAY,
  }
  return cached
}

/** The baseline: live lots in a binary min-heap by expiry; each usage pops expired lots and draws greedily. */
class Greedy {
  constructor(
    private readonly data: Dataset,
    readonly remaining = Float64Array.from(data.amounts),
    readonly heap = new Int32Array(data.amounts.length),
    public size = 0,
    public next = 0,
    public consumed = 0,
    public debt = 0,
  ) {}

  clone(): Greedy {
    const { data, remaining, heap, size, next, consumed, debt } = this
    return new Greedy(data, Float64Array.from(remaining), Int32Array.from(heap), size, next, consumed, debt)
  }

  private less(i: number, j: number): boolean {
    return (this.data.expires[this.heap[i] ?? 0] ?? 0) < (this.data.expires[this.heap[j] ?? 0] ?? 0)
  }

  private swap(i: number, j: number): void {
    const value = this.heap[i] ?? 0
    this.heap[i] = this.heap[j] ?? 0
    this.heap[j] = value
  }

  private push(lot: number): void {
    let i = this.size++
    this.heap[i] = lot
    while (i > 0 && this.less(i, (i - 1) >> 1)) {
      this.swap(i, (i - 1) >> 1)
      i = (i - 1) >> 1
    }
  }

  private pop(): void {
    this.heap[0] = this.heap[--this.size] ?? 0
    for (let i = 0; ;) {
      const left = 2 * i + 1
      let smallest = i
      if (left < this.size && this.less(left, smallest)) smallest = left
      if (left + 1 < this.size && this.less(left + 1, smallest)) smallest = left + 1
      if (smallest === i) return
      this.swap(i, smallest)
      i = smallest
    }
  }

  run(usage: readonly UsageFact[], from: number, to: number): this {
    const { effective, expires } = this.data
    const { remaining, heap } = this
    for (let k = from; k < to; k += 1) {
      const record = usage[k]
      if (record === undefined) break
      const at = record.occurredAt
      while (this.next < effective.length && (effective[this.next] ?? Infinity) <= at) this.push(this.next++)
      while (this.size > 0 && (expires[heap[0] ?? 0] ?? 0) <= at) this.pop()
      let need = record.amount
      while (need > 0 && this.size > 0) {
        const lot = heap[0] ?? 0
        const left = remaining[lot] ?? 0
        const take = left < need ? left : need
        remaining[lot] = left - take
        need -= take
        this.consumed += take
        if (take === left) this.pop()
      }
      this.debt += need
    }
    return this
  }
}

const consumedBy = (result: ReplayResult) => result.lots.reduce((sum, lot) => sum + lot.consumed, 0)

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

/** Replay of 1,000,000 usage events over 2,000 lots from scratch vs the greedy allocator. */
const fullReplay = async (_env: BenchEnv): Promise<BenchLine> => {
  const data = timed(dataset)
  log(`ledger data: ${LOTS} lots, ${USAGE} usage events generated in ${data.ms.toFixed(0)} ms`)
  const { facts, end } = data.value
  const check = replay(facts, { until: end })
  const greedy = new Greedy(data.value).run(facts.usage, 0, USAGE)
  log(
    `engine consumed ${consumedBy(check)} (debt ${check.balance.debt}), greedy ${greedy.consumed} (debt ${greedy.debt})`,
  )
  const { app, limit } = await interleave(
    5,
    () => timed(() => replay(facts, { until: end })).ms,
    () => timed(() => new Greedy(data.value).run(facts.usage, 0, USAGE)).ms,
  )
  return line('ledger.full-replay', 'replay_1m_usage_2k_lots', app, 'ms', limit, 'value <= 1000 ms, ratio <= 3')
}

/** Append 1,000 usage events after a checkpoint: resume from the state of a replay that ended before them. */
const append = async (_env: BenchEnv): Promise<BenchLine> => {
  const data = dataset()
  const { facts, end } = data
  const cut = facts.usage[USAGE - APPEND]?.occurredAt ?? end
  const first = facts.usage.findIndex((usage) => usage.occurredAt >= cut)
  const fresh = facts.usage.slice(first)
  const state: ReplayState = replay(facts, { until: cut }).state
  const greedyAtCut = new Greedy(data).run(facts.usage, 0, first)
  // The backend reads only usage after the checkpoint; the facts' other arrays are passed whole.
  const tail: LedgerFacts = { ...facts, usage: fresh }
  const whole = timed(() => replay(facts, { until: end, from: state }))
  const resumed = replay(tail, { until: end, from: state })
  log(
    `append: ${fresh.length} events after ${new Date(cut).toISOString()}; consumed ${consumedBy(resumed)}, ` +
      `from scratch ${consumedBy(replay(facts, { until: end }))}; with all 1M usage passed: ${whole.ms.toFixed(2)} ms`,
  )
  const { app, limit } = await interleave(
    31,
    () => timed(() => replay(tail, { until: end, from: state })).ms,
    () => timed(() => greedyAtCut.clone().run(facts.usage, first, USAGE)).ms,
  )
  return line('ledger.append', 'append_1k_after_checkpoint', app, 'ms', limit, 'value <= 10 ms')
}

export const LEDGER_BENCHES: Readonly<Record<string, (env: BenchEnv) => Promise<BenchLine>>> = {
  'ledger.full-replay': fullReplay,
  'ledger.append': append,
}
