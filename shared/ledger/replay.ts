import { mulDiv } from '../money/amount'
import { EventQueue, PHASE } from './event-queue'
import { resolveExpiry } from './expiry'
import { newLotState, toLotResult, type LotState } from './lot-state'
import type { Instant, LedgerFacts, LotEvent, LotFact, Observation, ProgramFact, UsageFact } from './model'
import { periodExists, periodLot, programBoundary, programEnd, rolledAmount } from './programs'
import { countRecharge, evaluateRecharge, type RechargeContext } from './recharge'
import { cloneLots, cloneMonths, cloneRecharge, ENGINE_VERSION, type ReplayState } from './replay-state'
import type { AllocationSlice, BalanceSnapshot, LotResult, Notice } from './results'
import { orderUsage } from './usage-order'
import { WorkingLedger } from './working-ledger'

type EngineEvent =
  | { at: Instant; phase: number; seq: number; type: 'grant'; lotId: string }
  | { at: Instant; phase: number; seq: number; type: 'expire'; lotId: string }
  | { at: Instant; phase: number; seq: number; type: 'open'; programId: string; k: number }
  | { at: Instant; phase: number; seq: number; type: 'program_end'; programId: string }
  | { at: Instant; phase: number; seq: number; type: 'lot_event'; event: Exclude<LotEvent, { kind: 'retract' }> }
  | { at: Instant; phase: number; seq: number; type: 'observe'; observation: Observation }

export interface ReplayOptions {
  /** Apply every event with an instant before this (exclusive). The result's state is the checkpoint there. */
  readonly until: Instant
  /** Resume from a checkpoint instead of the start; facts at or before it must not have changed. */
  readonly from?: ReplayState
  /** Instants to report the balance at (each after all events at or before it). */
  readonly snapshots?: readonly Instant[]
  /** Keep every allocation slice (which lot paid for which usage); off for big replays. */
  readonly collectAllocations?: boolean
}

export interface ReplayResult {
  readonly state: ReplayState
  readonly lots: readonly LotResult[]
  readonly balance: BalanceSnapshot
  readonly snapshots: readonly BalanceSnapshot[]
  readonly notices: readonly Notice[]
  readonly allocations: readonly AllocationSlice[] | null
}

const lotFromFact = (fact: LotFact, zone: string): LotState =>
  newLotState({
    id: fact.id,
    kind: fact.kind,
    funding: fact.funding,
    amount: fact.amount,
    cost: fact.cost,
    effectiveAt: fact.effectiveAt,
    expiresAt: resolveExpiry(fact.expiry, fact.effectiveAt, fact.expiry.kind === 'at' ? 'UTC' : zone),
    priority: fact.priority,
    tags: fact.tags,
    createdSeq: fact.createdSeq,
    projected: false,
    programId: null,
    periodIndex: null,
    parentLotId: null,
    endsWithProgram: fact.endsWithProgram ?? null,
  })

/**
 * Replay one account's facts in time order (DESIGN §3): which lot paid for each usage, what expired, rolled,
 * was voided or became debt, and the balance at any instant. Pure and deterministic: the same facts give the
 * same result whatever order they were stored in, and resuming from a checkpoint equals replaying from scratch.
 */
export const replay = (facts: LedgerFacts, options: ReplayOptions): ReplayResult => {
  const { account } = facts
  const zone = account.zone
  const from = options.from
  const start = from?.processedBefore ?? -Infinity
  if (from !== undefined && from.policyVersion !== account.drawdown.version) {
    throw new Error('checkpoint was made with another drawdown policy: replay from the start')
  }
  const retracted = new Set(facts.lotEvents.filter((e) => e.kind === 'retract').map((e) => e.lotId))
  const lots = new Map<string, LotState>((from ? cloneLots(from.lots) : []).map((lot) => [lot.id, lot]))
  const notices: Notice[] = from ? [...from.notices] : []
  const allocations: AllocationSlice[] | null = options.collectAllocations ? [] : null
  const ledger = new WorkingLedger(account, account.drawdown, lots, from ? [...from.debt] : [], notices, allocations)
  const programState: Record<string, { nextOpen: number; ended: boolean }> = Object.fromEntries(
    facts.programs.map((p) => [p.id, { ...(from?.programs[p.id] ?? { nextOpen: 0, ended: false }) }]),
  )
  const rechargeState = from ? cloneRecharge(from.recharge) : {}
  for (const rule of facts.rechargeRules)
    rechargeState[rule.id] ??= { matched: [], pendingLots: [], blockedUntil: null }
  const months = from ? cloneMonths(from.rechargeMonths) : {}
  const programs = new Map(facts.programs.map((p) => [p.id, p]))
  const ends = new Map(facts.programs.map((p) => [p.id, programEnd(p)]))

  const queue = new EventQueue<EngineEvent>()
  const later = (at: Instant) => at >= start
  const scheduleExpiry = (lot: LotState) => {
    if (lot.expiresAt === null || !later(lot.expiresAt)) return
    const program = lot.programId === null ? undefined : programs.get(lot.programId)
    const closesPeriod = program?.lot.expiry === 'period' && lot.parentLotId === null
    const phase = closesPeriod ? PHASE.periodClose : PHASE.expire
    queue.push({ at: lot.expiresAt, phase, seq: lot.createdSeq, type: 'expire', lotId: lot.id })
  }
  const scheduleOpen = (program: ProgramFact, k: number) => {
    if (!periodExists(program, k, ends.get(program.id) ?? null)) return
    const at = programBoundary(program, k)
    if (later(at))
      queue.push({ at, phase: PHASE.grant, seq: program.createdSeq, type: 'open', programId: program.id, k })
  }

  // What is still ahead of `start`: lots not yet granted, expiries of live lots, program periods, events.
  for (const fact of facts.lots) {
    if (retracted.has(fact.id)) continue
    const known = lots.get(fact.id)
    if (known !== undefined) continue
    if (!later(fact.effectiveAt)) throw new Error(`checkpoint is stale: lot ${fact.id} is effective before it`)
    const lot = lotFromFact(fact, zone)
    lots.set(lot.id, lot)
    queue.push({ at: lot.effectiveAt, phase: PHASE.grant, seq: lot.createdSeq, type: 'grant', lotId: lot.id })
  }
  for (const lot of lots.values()) if (lot.status !== 'closed') scheduleExpiry(lot)
  for (const program of facts.programs) {
    const state = programState[program.id]
    if (state === undefined || state.ended) continue
    scheduleOpen(program, state.nextOpen)
    const end = ends.get(program.id) ?? null
    if (end !== null && later(end)) {
      queue.push({ at: end, phase: PHASE.expire, seq: program.createdSeq, type: 'program_end', programId: program.id })
    }
  }
  for (const event of facts.lotEvents) {
    if (event.kind === 'retract' || retracted.has(event.lotId) || !later(event.at)) continue
    queue.push({ at: event.at, phase: PHASE.expire, seq: event.createdSeq, type: 'lot_event', event })
  }
  for (const observation of facts.observations) {
    if (later(observation.at))
      queue.push({ at: observation.at, phase: PHASE.observe, seq: 0, type: 'observe', observation })
  }

  const recorded = facts.lots
    .filter((lot) => lot.kind === 'auto_recharge' && !retracted.has(lot.id))
    .sort((a, b) => a.effectiveAt - b.effectiveAt)
  const grantNow = (lot: LotState, at: Instant) => {
    lots.set(lot.id, lot)
    ledger.grant(lot, at)
    countRecharge(months, lot, zone)
    scheduleExpiry(lot)
    ledger.repayDebt(at)
  }
  const rechargeContext: RechargeContext = { ledger, zone, months, recorded, grantNow }

  const rollover = (lot: LotState, program: ProgramFact, at: Instant) => {
    const end = ends.get(program.id) ?? null
    if (lot.periodIndex === null || (end !== null && at >= end && program.rolledLostOnEnd)) return
    let bank = 0
    for (const other of lots.values()) {
      if (other.kind === 'rollover' && other.programId === program.id && other.status === 'active') {
        if (other.expiresAt === null || other.expiresAt > at) bank += other.remaining
      }
    }
    const rolled = rolledAmount(program.rollover, lot.remaining, bank)
    if (rolled <= 0) return
    const k = lot.periodIndex + 1
    const child = newLotState({
      id: `${lot.id}>rolled`,
      kind: 'rollover',
      funding: lot.funding,
      amount: rolled,
      cost:
        lot.cost === null ? null : { amount: mulDiv(lot.cost.amount, rolled, lot.amount), currency: lot.cost.currency },
      effectiveAt: at,
      expiresAt: program.rolled.periods === null ? end : programBoundary(program, k + program.rolled.periods),
      priority: program.rolled.priority,
      tags: lot.tags,
      createdSeq: lot.createdSeq,
      projected: false,
      programId: program.id,
      periodIndex: k,
      parentLotId: lot.id,
      endsWithProgram: program.rolledLostOnEnd ? program.id : null,
    })
    ledger.rollOut(lot, rolled, at, child.id)
    lots.set(child.id, child)
    queue.push({ at, phase: PHASE.grant, seq: child.createdSeq, type: 'grant', lotId: child.id })
    scheduleExpiry(child)
  }

  const handle = (event: EngineEvent): boolean => {
    switch (event.type) {
      case 'grant': {
        const lot = lots.get(event.lotId)
        if (lot === undefined || lot.status !== 'scheduled') return false
        ledger.grant(lot, event.at)
        countRecharge(months, lot, zone)
        for (const state of Object.values(rechargeState)) {
          state.pendingLots = state.pendingLots.filter((id) => id !== lot.id)
        }
        return true
      }
      case 'expire': {
        const lot = lots.get(event.lotId)
        if (lot === undefined || lot.status === 'closed' || lot.expiresAt !== event.at) return false
        const program = lot.programId === null ? undefined : programs.get(lot.programId)
        if (event.phase === PHASE.periodClose && program !== undefined) rollover(lot, program, event.at)
        ledger.close(lot, event.at, 'expire', event.phase === PHASE.periodClose ? 'period end' : undefined)
        return false
      }
      case 'open': {
        const program = programs.get(event.programId)
        const state = programState[event.programId]
        if (program === undefined || state === undefined || state.ended) return false
        const lot = newLotState(periodLot(program, event.k, zone))
        lots.set(lot.id, lot)
        ledger.grant(lot, event.at)
        state.nextOpen = event.k + 1
        scheduleExpiry(lot)
        scheduleOpen(program, event.k + 1)
        return true
      }
      case 'program_end': {
        const state = programState[event.programId]
        if (state !== undefined) state.ended = true
        for (const lot of lots.values()) {
          if (lot.endsWithProgram === event.programId) ledger.close(lot, event.at, 'expire', 'program ended')
        }
        return false
      }
      case 'lot_event':
        applyLotEvent(event.event)
        return false
      case 'observe': {
        const { observation } = event
        const model = ledger.balance
        if (Math.abs(observation.balance - model) > observation.tolerance) {
          notices.push({
            kind: 'drift',
            at: event.at,
            observationId: observation.id,
            observed: observation.balance,
            model,
          })
        }
        return false
      }
    }
  }

  const applyLotEvent = (event: Exclude<LotEvent, { kind: 'retract' }>) => {
    const lot = lots.get(event.lotId)
    if (lot === undefined || lot.status === 'closed') {
      notices.push({ kind: 'event_ignored', at: event.at, lotId: event.lotId, reason: 'the lot is no longer live' })
      return
    }
    if (event.kind === 'void') {
      if (event.mode === 'clawback') ledger.clawback(lot, event.at, `refund:${lot.id}`)
      else ledger.close(lot, event.at, 'void', 'void')
      return
    }
    ledger.changeExpiry(lot, event.expiresAt === null ? null : Math.max(event.expiresAt, event.at), event.at)
    scheduleExpiry(lot)
  }

  const usage: readonly UsageFact[] = orderUsage(facts.usage)
  let next = firstAtOrAfter(usage, start)
  const wanted = [...(options.snapshots ?? [])].filter((at) => at < options.until).sort((a, b) => a - b)
  const snapshots: BalanceSnapshot[] = []
  const snapshot = (at: Instant): BalanceSnapshot => ({
    at,
    balance: ledger.balance,
    remaining: ledger.remainingTotal,
    debt: ledger.debtTotal,
  })

  for (;;) {
    const head = queue.peek()
    const nextUsage = usage[next]
    const at = Math.min(head?.at ?? Infinity, nextUsage?.occurredAt ?? Infinity)
    if (at >= options.until || at === Infinity) break
    while (wanted.length > 0 && (wanted[0] ?? Infinity) < at) snapshots.push(snapshot(wanted.shift() ?? at))

    let granted = false
    for (let event = queue.peek(); event?.at === at && event.phase <= PHASE.grant; event = queue.peek()) {
      queue.pop()
      granted = handle(event) || granted
    }
    if (granted) ledger.repayDebt(at)
    let used = false
    for (let record = usage[next]; record?.occurredAt === at; record = usage[++next]) {
      ledger.consume(record)
      used = true
    }
    if (used) {
      for (const rule of facts.rechargeRules) {
        const state = rechargeState[rule.id]
        if (state !== undefined) evaluateRecharge(rule, state, at, rechargeContext)
      }
    }
    for (let event = queue.peek(); event?.at === at; event = queue.peek()) {
      queue.pop()
      handle(event)
    }
  }
  for (const at of wanted) snapshots.push(snapshot(at))

  const state: ReplayState = {
    engineVersion: ENGINE_VERSION,
    policyVersion: account.drawdown.version,
    processedBefore: options.until,
    // Lots not yet effective are rebuilt from their facts on resume, so a later edit of them is never stale.
    lots: [...lots.values()].filter((lot) => lot.status !== 'scheduled'),
    debt: [...ledger.debt],
    programs: programState,
    recharge: rechargeState,
    rechargeMonths: months,
    notices,
  }
  return {
    state,
    lots: [...lots.values()].map(toLotResult),
    balance: snapshot(options.until - 1),
    snapshots,
    notices,
    allocations,
  }
}

/** Index of the first usage at or after `at` (usage is in time order). */
const firstAtOrAfter = (usage: readonly UsageFact[], at: Instant): number => {
  let low = 0
  let high = usage.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((usage[middle]?.occurredAt ?? Infinity) < at) low = middle + 1
    else high = middle
  }
  return low
}
