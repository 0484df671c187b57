import type { Instant, LotEvent, Observation, UsageFact } from './model'

/** The events the replay queues (usage is walked separately, in its own order), and small helpers around them. */
export type EventBody =
  | { readonly type: 'grant'; readonly lotId: string }
  | { readonly type: 'expire'; readonly lotId: string }
  | { readonly type: 'open'; readonly programId: string; readonly k: number }
  | { readonly type: 'program_end'; readonly programId: string }
  | { readonly type: 'lot_event'; readonly event: Exclude<LotEvent, { kind: 'retract' }> }
  | { readonly type: 'observe'; readonly observation: Observation }

/** Ordered by (at, phase, seq, key): see event-queue.ts. */
export type EngineEvent = EventBody & {
  readonly at: Instant
  readonly phase: number
  readonly seq: number
  readonly key: string
}

export const eventAt = (event: LotEvent): number => (event.kind === 'retract' ? -Infinity : event.at)

/** A queue key naming a lot event, so same-instant ties never depend on insertion order. */
export const lotEventKey = (event: Exclude<LotEvent, { kind: 'retract' }>): string =>
  `${event.lotId}|${event.kind}|${event.kind === 'void' ? event.mode : String(event.expiresAt)}`

/** Index of the first usage at or after `at` (usage is in time order). */
export const firstAtOrAfter = (usage: readonly UsageFact[], at: Instant): number => {
  let low = 0
  let high = usage.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((usage[middle]?.occurredAt ?? Infinity) < at) low = middle + 1
    else high = middle
  }
  return low
}
