import { EventQueue, PHASE } from './event-queue'
import { orderFacts } from './fact-order'
import { lotFromFact, newLotState, toLotResult, type LotState } from './lot-state'
import type { Instant, LedgerFacts, LotEvent, ProgramFact, UsageFact } from './model'
import { periodExists, periodLot, programBoundary, programEnd, rolledChild } from './programs'
import { confirmRecharge, countRecharge, evaluateRecharge, type RechargeContext } from './recharge'
import { eventAt, firstAtOrAfter, lotEventKey, type EngineEvent, type EventBody } from './replay-events'
import {
  cloneLots,
  cloneMonths,
  cloneRecharge,
  ENGINE_VERSION,
  policyFingerprint,
  type ReplayState,
} from './replay-state'
import type { AllocationSlice, BalanceSnapshot, LotResult, Notice } from './results'
import { orderUsage } from './usage-order'
import { balanceSnapshot, sweep } from './sweep'
import { WorkingLedger } from './working-ledger'

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

/**
 * Replay one account's facts in time order (DESIGN §3): which lot paid for each usage, what expired, rolled,
 * was voided or became debt, and the balance at any instant. Pure and deterministic: the same facts give the
 * same result whatever order they were stored in, and resuming from a checkpoint equals replaying from scratch.
 */
export const replay = (stored: LedgerFacts, options: ReplayOptions): ReplayResult => {
  const facts = orderFacts(stored)
  const { account } = facts
  const zone = account.zone
  const from = options.from
  const start = from?.processedBefore ?? -Infinity
  if (
    from !== undefined &&
    (from.policy !== policyFingerprint(account.drawdown) || from.engineVersion !== ENGINE_VERSION)
  ) {
    throw new Error('checkpoint was made with another drawdown policy or engine version: replay from the start')
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
  for (const rule of facts.rechargeRules) rechargeState[rule.id] ??= { open: [], blockedUntil: null }
  const months = from ? cloneMonths(from.rechargeMonths) : {}
  const programs = new Map(facts.programs.map((p) => [p.id, p]))
  const ends = new Map(facts.programs.map((p) => [p.id, programEnd(p)]))

  const queue = new EventQueue<EngineEvent>()
  const push = (at: Instant, phase: number, seq: number, key: string, body: EventBody) =>
    queue.push({ at, phase, seq, key, ...body })
  const later = (at: Instant) => at >= start
  const scheduleExpiry = (lot: LotState) => {
    const at = lot.expiresAt
    if (at === null || !later(at)) return
    const program = lot.programId === null ? undefined : programs.get(lot.programId)
    const closesPeriod = program?.lot.expiry === 'period' && lot.parentLotId === null
    const phase = closesPeriod ? PHASE.periodClose : PHASE.expire
    push(at, phase, lot.createdSeq, lot.id, { type: 'expire', lotId: lot.id })
  }
  const scheduleOpen = (program: ProgramFact, k: number) => {
    if (!periodExists(program, k, ends.get(program.id) ?? null)) return
    const at = programBoundary(program, k)
    if (later(at)) push(at, PHASE.grant, program.createdSeq, program.id, { type: 'open', programId: program.id, k })
  }

  // What is still ahead of `start`: lots not yet granted, expiries of live lots, program periods, events.
  const rebuilt = new Set<string>()
  for (const fact of facts.lots) {
    if (retracted.has(fact.id)) continue
    const known = lots.get(fact.id)
    if (known !== undefined) continue
    if (!later(fact.effectiveAt)) throw new Error(`checkpoint is stale: lot ${fact.id} is effective before it`)
    const lot = lotFromFact(fact, zone)
    lots.set(lot.id, lot)
    rebuilt.add(lot.id)
    push(lot.effectiveAt, PHASE.grant, lot.createdSeq, lot.id, { type: 'grant', lotId: lot.id })
  }
  // Expiry changes made before the checkpoint to lots not yet effective then: those lots are rebuilt from their
  // facts, so the changes are applied again, in time order. (Fix: a resumed replay lost them.)
  const earlierChanges = facts.lotEvents.filter(
    (e) => e.kind === 'expiry_change' && !later(e.at) && rebuilt.has(e.lotId),
  )
  for (const event of earlierChanges.sort((a, b) => eventAt(a) - eventAt(b))) {
    const lot = lots.get(event.lotId)
    if (lot !== undefined && event.kind === 'expiry_change') ledger.changeExpiry(lot, event.expiresAt, event.at)
  }
  for (const lot of lots.values()) if (lot.status !== 'closed') scheduleExpiry(lot)
  for (const program of facts.programs) {
    const state = programState[program.id]
    if (state === undefined || state.ended) continue
    scheduleOpen(program, state.nextOpen)
    const end = ends.get(program.id) ?? null
    const body = { type: 'program_end', programId: program.id } as const
    if (end !== null && later(end)) push(end, PHASE.programEnd, program.createdSeq, program.id, body)
  }
  for (const event of facts.lotEvents) {
    if (event.kind === 'retract' || retracted.has(event.lotId) || !later(event.at)) continue
    push(event.at, PHASE.expire, event.createdSeq, lotEventKey(event), { type: 'lot_event', event })
  }
  for (const observation of facts.observations) {
    if (later(observation.at)) push(observation.at, PHASE.observe, 0, observation.id, { type: 'observe', observation })
  }

  const grantNow = (lot: LotState, at: Instant) => {
    lots.set(lot.id, lot)
    ledger.grant(lot, at)
    countRecharge(months, lot, zone)
    scheduleExpiry(lot)
    ledger.repayDebt(at)
  }
  const rechargeContext: RechargeContext = { ledger, zone, months, grantNow }

  const rollover = (lot: LotState, program: ProgramFact, at: Instant) => {
    const definition = rolledChild(lot, program, at, ends.get(program.id) ?? null, lots.values())
    if (definition === null) return
    const child = newLotState(definition)
    ledger.rollOut(lot, child.amount, at, child.id)
    lots.set(child.id, child)
    push(at, PHASE.grant, child.createdSeq, child.id, { type: 'grant', lotId: child.id })
    scheduleExpiry(child)
  }

  const handle = (event: EngineEvent): boolean => {
    switch (event.type) {
      case 'grant': {
        const lot = lots.get(event.lotId)
        return lot !== undefined && lot.status === 'scheduled' && grantLot(lot, event.at)
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
        if (account.overdraft.billedWith === program.id) ledger.billDebt(event.at, program.id)
        const lot = newLotState(periodLot(program, event.k, zone))
        lots.set(lot.id, lot)
        state.nextOpen = event.k + 1
        scheduleOpen(program, event.k + 1)
        // A period lot whose fixed expiry is not after its start is never usable: like a recorded lot expiring before
        // it is effective, it is closed at its expiry, never granted. (Fix: it was granted and its expiry queued in
        // the past, so the replay went back in time and drew the lot after it had expired.)
        if (lot.expiresAt !== null && lot.expiresAt <= event.at) {
          ledger.close(lot, lot.expiresAt, 'expire')
          return false
        }
        ledger.grant(lot, event.at)
        scheduleExpiry(lot)
        return true
      }
      case 'program_end': {
        const state = programState[event.programId]
        if (state !== undefined) state.ended = true
        if (account.overdraft.billedWith === event.programId) ledger.billDebt(event.at, event.programId)
        for (const lot of lots.values()) {
          // Lots not yet effective are handled at their grant (see 'grant').
          if (lot.endsWithProgram === event.programId && lot.status === 'active') {
            ledger.close(lot, event.at, 'expire', 'program ended')
          }
        }
        return false
      }
      case 'lot_event':
        return applyLotEvent(event.event)
      case 'observe':
        ledger.observe(event.observation, event.at)
        return false
    }
  }

  /** A lot becomes usable (its grant event, or an event about it at its very first instant). */
  const grantLot = (lot: LotState, at: Instant): boolean => {
    ledger.grant(lot, at)
    countRecharge(months, lot, zone)
    if (lot.kind === 'auto_recharge' && !lot.projected) {
      confirmRecharge(lot, facts.rechargeRules, rechargeState, rechargeContext)
    }
    // A top-up that needs an active plan, bought once the plan has ended, is lost at once: visible as expired.
    // (Fix: program_end used to close such lots before their grant, so their credit vanished from every count.)
    if (lot.endsWithProgram !== null && programState[lot.endsWithProgram]?.ended === true) {
      ledger.close(lot, at, 'expire', 'program ended')
      return false
    }
    return true
  }

  /** Applies a void or an expiry change; true when it made a lot usable (so debt repayment runs this instant). */
  const applyLotEvent = (event: Exclude<LotEvent, { kind: 'retract' }>): boolean => {
    const lot = lots.get(event.lotId)
    // Events run before grants in an instant; a lot effective at this very instant (a part rolled over at this
    // boundary, a purchase refunded or re-dated the moment it landed) is granted first, so what it received is
    // voided or expired, not lost. (Fix: it was closed ungranted while its parent had already transferred the
    // rolled part to it.)
    const granted = lot?.status === 'scheduled' && lot.effectiveAt <= event.at && grantLot(lot, event.at)
    if (lot === undefined || lot.status === 'closed') {
      notices.push({ kind: 'event_ignored', at: event.at, lotId: event.lotId, reason: 'the lot is no longer live' })
      return false
    }
    if (event.kind === 'void') {
      // A used-up lot has nothing to void forward (ledger-semantics §11 #24): a no-op, said so, not a silent close.
      if (event.mode === 'forward' && lot.status === 'active' && lot.remaining === 0) {
        notices.push({ kind: 'event_ignored', at: event.at, lotId: event.lotId, reason: 'nothing left to void' })
        return granted
      }
      if (event.mode === 'clawback') ledger.clawback(lot, event.at, `refund:${lot.id}`)
      else ledger.close(lot, event.at, 'void', 'void')
      return false
    }
    ledger.changeExpiry(lot, event.expiresAt, event.at)
    scheduleExpiry(lot)
    return granted
  }

  const usage: readonly UsageFact[] = orderUsage(facts.usage)
  const snapshots = sweep({
    queue,
    usage,
    first: firstAtOrAfter(usage, start),
    until: options.until,
    snapshotsAt: [...(options.snapshots ?? [])].filter((at) => at < options.until).sort((a, b) => a - b),
    ledger,
    handle,
    afterUsage:
      facts.rechargeRules.length === 0
        ? null
        : (at) => {
            for (const rule of facts.rechargeRules) {
              const state = rechargeState[rule.id]
              if (state !== undefined) evaluateRecharge(rule, state, at, rechargeContext)
            }
          },
  })

  const state: ReplayState = {
    engineVersion: ENGINE_VERSION,
    policy: policyFingerprint(account.drawdown),
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
    balance: balanceSnapshot(ledger, options.until - 1),
    snapshots,
    notices,
    allocations,
  }
}
