import { describe, expect, it } from 'vitest'
import { backupsToKeep } from '../../electron/backend/db/backup-retention'

const DAY = 86_400_000
const now = Date.UTC(2026, 10, 22, 12)
const daysAgo = (days: number) => now - days * DAY

describe('backup retention', () => {
  it('keeps the newest three whatever their age', () => {
    const taken = [daysAgo(0.1), daysAgo(0.2), daysAgo(0.3), daysAgo(0.4)]
    const keep = backupsToKeep(taken, now)
    expect(keep.has(daysAgo(0.1)) && keep.has(daysAgo(0.2)) && keep.has(daysAgo(0.3))).toBe(true)
    // the fourth is in the same day as newer ones: not needed as the daily one
    expect(keep.has(daysAgo(0.4))).toBe(false)
  })

  it('keeps one a day for a week, one a week for a month, one a month for a year, and drops the rest', () => {
    const taken = Array.from({ length: 400 }, (_, day) => daysAgo(day + 0.5))
    const keep = backupsToKeep(taken, now)
    for (let day = 0; day < 7; day += 1) expect(keep.has(daysAgo(day + 0.5)), `day ${day}`).toBe(true)
    expect(keep.has(daysAgo(400 - 0.5))).toBe(false)
    expect(keep.size).toBeLessThanOrEqual(3 + 7 + 4 + 12)
    expect(keep.size).toBeGreaterThanOrEqual(12)
    // nothing older than a year survives
    for (const time of keep) expect(now - time).toBeLessThan(360 * DAY)
  })

  it('never deletes a backup dated in the future (a clock set wrong)', () => {
    expect(
      backupsToKeep([now + DAY, daysAgo(500)], now, { keepNewest: 0, dailyFor: 1, weeklyFor: 0, monthlyFor: 0 }),
    ).toEqual(new Set([now + DAY]))
  })
})
