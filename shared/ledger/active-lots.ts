import { drawdownComparator, type DrawdownPolicy } from './drawdown-order'
import type { LotState } from './lot-state'

/**
 * The lots usable right now, kept sorted in drawdown order. The order of a lot never depends on its remaining
 * balance, so a lot is placed once when granted and only moves if its expiry changes; exhausted lots leave.
 */
export class ActiveLots {
  readonly lots: LotState[] = []
  private readonly compare: (a: LotState, b: LotState) => number

  constructor(policy: DrawdownPolicy) {
    const byKey = drawdownComparator(policy)
    this.compare = (a, b) => byKey(a.sortKey, b.sortKey)
  }

  /** Index where `lot` is or would be inserted (binary search; keys are unique because ids are). */
  private position(lot: LotState): number {
    let low = 0
    let high = this.lots.length
    while (low < high) {
      const middle = (low + high) >> 1
      const other = this.lots[middle]
      if (other !== undefined && this.compare(other, lot) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  insert(lot: LotState): void {
    this.lots.splice(this.position(lot), 0, lot)
  }

  remove(lot: LotState): void {
    const index = this.position(lot)
    if (this.lots[index] === lot) {
      this.lots.splice(index, 1)
      return
    }
    const fallback = this.lots.indexOf(lot)
    if (fallback >= 0) this.lots.splice(fallback, 1)
  }

  has(lot: LotState): boolean {
    return this.lots[this.position(lot)] === lot
  }
}
