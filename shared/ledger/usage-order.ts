import type { UsageFact } from './model'

/** Usage is applied in (occurredAt, createdSeq, id) order: a total order that never depends on storage order. */
export const compareUsage = (a: UsageFact, b: UsageFact): number =>
  a.occurredAt - b.occurredAt || a.createdSeq - b.createdSeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The usage in replay order; the backend already reads it sorted, so check in O(n) before paying for a sort. */
export const orderUsage = (usage: readonly UsageFact[]): readonly UsageFact[] => {
  let previous = usage[0]
  for (let i = 1; i < usage.length; i += 1) {
    const current = usage[i]
    if (previous === undefined || current === undefined) break
    // strictly later is the common case: only a tie needs the full comparison
    if (
      current.occurredAt < previous.occurredAt ||
      (current.occurredAt === previous.occurredAt && compareUsage(previous, current) > 0)
    ) {
      return [...usage].sort(compareUsage)
    }
    previous = current
  }
  return usage
}
