import type { EventQueue } from './event-queue'
import { PHASE } from './event-queue'
import type { Instant, UsageFact } from './model'
import type { EngineEvent } from './replay-events'
import type { BalanceSnapshot } from './results'
import type { WorkingLedger } from './working-ledger'

export const balanceSnapshot = (ledger: WorkingLedger, at: Instant): BalanceSnapshot => ({
  at,
  balance: ledger.balance,
  remaining: ledger.remainingTotal,
  debt: ledger.debtTotal,
})

export interface SweepInput {
  readonly queue: EventQueue<EngineEvent>
  /** Usage in replay order, and the index of the first one still to apply. */
  readonly usage: readonly UsageFact[]
  readonly first: number
  readonly until: Instant
  /** Sorted instants to report the balance at, each before `until`. */
  readonly snapshotsAt: readonly Instant[]
  readonly ledger: WorkingLedger
  /** Applies one queued event; true when it made a lot usable (debt repayment then runs this instant). */
  readonly handle: (event: EngineEvent) => boolean
  /** Phase 6 after the usage of an instant (auto-recharge); null when the account has no recharge rule. */
  readonly afterUsage: ((at: Instant) => void) | null
}

/**
 * The time sweep: instant by instant, queued events of phases 1–4, then debt repayment, the instant's usage,
 * auto-recharge, and the remaining events (observations). Returns the requested balance snapshots.
 */
export const sweep = (input: SweepInput): BalanceSnapshot[] => {
  const { queue, usage, until, ledger, handle, afterUsage } = input
  const wanted = [...input.snapshotsAt]
  const snapshots: BalanceSnapshot[] = []
  let next = input.first
  for (;;) {
    const head = queue.peek()
    if (afterUsage === null) {
      // Fast path (most of a million-row replay): usage strictly before the next lot event, the end and the next
      // snapshot needs no phase handling — nothing is granted, expires or recharges in between.
      const snapshotLimit = wanted.length > 0 ? (wanted[0] ?? Infinity) + 1 : Infinity
      const limit = Math.min(head?.at ?? Infinity, until, snapshotLimit)
      let record = usage[next]
      if (record !== undefined && record.occurredAt < limit) {
        while (wanted.length > 0 && (wanted[0] ?? Infinity) < record.occurredAt) {
          snapshots.push(balanceSnapshot(ledger, wanted.shift() ?? record.occurredAt))
        }
        do {
          ledger.consume(record)
          record = usage[++next]
        } while (record !== undefined && record.occurredAt < limit)
        continue
      }
    }
    const at = Math.min(head?.at ?? Infinity, usage[next]?.occurredAt ?? Infinity)
    if (at >= until || at === Infinity) break
    while (wanted.length > 0 && (wanted[0] ?? Infinity) < at)
      snapshots.push(balanceSnapshot(ledger, wanted.shift() ?? at))

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
    if (used && afterUsage !== null) afterUsage(at)
    for (let event = queue.peek(); event?.at === at; event = queue.peek()) {
      queue.pop()
      handle(event)
    }
  }
  for (const at of wanted) snapshots.push(balanceSnapshot(ledger, at))
  return snapshots
}
