/**
 * Same-instant phase order (DESIGN §3): rollovers at program boundaries → program ends (banked credits lost) →
 * other expiries and voids → new grants → debt repayment → usage → auto-recharge → observations.
 * (Fix: program ends shared the expiry phase, so whether a banked lot closed as "program ended" or as a plain
 * expiry depended on queue insertion order, which differs between a replay from scratch and one from a checkpoint.)
 */
export const PHASE = {
  periodClose: 1,
  programEnd: 2,
  expire: 3,
  grant: 4,
  observe: 7,
} as const

export interface QueuedEvent {
  readonly at: number
  readonly phase: number
  /** Ties inside a phase: the order the underlying facts were created in… */
  readonly seq: number
  /** …then a key naming the event (lot id, program id): never the insertion order, which is not a fact. */
  readonly key: string
}

/** A binary min-heap of events ordered by (at, phase, seq, key, insertion). Small: lots and boundaries, not usage. */
export class EventQueue<E extends QueuedEvent> {
  private readonly heap: { event: E; order: number }[] = []
  private inserted = 0

  get size(): number {
    return this.heap.length
  }

  push(event: E): void {
    this.heap.push({ event, order: this.inserted++ })
    this.up(this.heap.length - 1)
  }

  peek(): E | undefined {
    return this.heap[0]?.event
  }

  pop(): E | undefined {
    const top = this.heap[0]
    const last = this.heap.pop()
    if (top === undefined || last === undefined) return undefined
    if (this.heap.length > 0) {
      this.heap[0] = last
      this.down(0)
    }
    return top.event
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]
    const b = this.heap[j]
    if (a === undefined || b === undefined) return false
    const x = a.event
    const y = b.event
    if (x.at !== y.at) return x.at < y.at
    if (x.phase !== y.phase) return x.phase < y.phase
    if (x.seq !== y.seq) return x.seq < y.seq
    if (x.key !== y.key) return x.key < y.key
    return a.order < b.order
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i]
    const b = this.heap[j]
    if (a === undefined || b === undefined) return
    this.heap[i] = b
    this.heap[j] = a
  }

  private up(index: number): void {
    let i = index
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(index: number): void {
    let i = index
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < this.heap.length && this.less(left, smallest)) smallest = left
      if (right < this.heap.length && this.less(right, smallest)) smallest = right
      if (smallest === i) return
      this.swap(i, smallest)
      i = smallest
    }
  }
}
