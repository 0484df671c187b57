import type { ReplayResult } from '@shared/ledger/replay'

/**
 * Helpers for the order-independence properties: reorder facts reproducibly, collapse duplicate ids the way storage
 * does, and compare replay results without depending on the order lots were inserted in.
 */

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
