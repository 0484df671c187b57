/**
 * Which backups to keep: a pure function of the backups' times and now (Actual Budget's idea), so the rule is
 * tested with plain arrays. Keeps the newest few whatever their age, then one per day for a week, one per week for
 * a month, one per month for a year. Everything else may be deleted.
 */
export interface RetentionPolicy {
  readonly keepNewest: number
  readonly dailyFor: number
  readonly weeklyFor: number
  readonly monthlyFor: number
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  keepNewest: 3,
  dailyFor: 7,
  weeklyFor: 4,
  monthlyFor: 12,
}

const DAY = 86_400_000

/** Returns the `takenAt` values to keep (a subset of the input). Backups dated in the future are kept. */
export const backupsToKeep = (
  takenAt: readonly number[],
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<number> => {
  const newestFirst = [...takenAt].sort((a, b) => b - a)
  const keep = new Set<number>(newestFirst.slice(0, policy.keepNewest))
  const buckets: [number, number][] = [
    [DAY, policy.dailyFor],
    [7 * DAY, policy.weeklyFor],
    [30 * DAY, policy.monthlyFor],
  ]
  for (const [width, count] of buckets) {
    const seen = new Set<number>()
    for (const time of newestFirst) {
      if (time > now) {
        keep.add(time)
        continue
      }
      const bucket = Math.floor((now - time) / width)
      // keep the newest backup of each of the last `count` buckets
      if (bucket < count && !seen.has(bucket)) {
        seen.add(bucket)
        keep.add(time)
      }
    }
  }
  return keep
}
