import { describe, expect, it } from 'vitest'
import { zoneOffsetMs } from '@shared/time/zoned'

// test/vitest.config.ts runs test/unit/time again in these zones (env TZ) to show that shared/time never
// depends on the process's own zone. This file proves the TZ really took effect, so a project that silently
// ran in UTC (or in the machine's zone) fails here instead of passing for the wrong reason.
const CALENDAR_PROJECTS: Record<string, string> = {
  'calendar-new-york': 'America/New_York',
  'calendar-berlin': 'Europe/Berlin',
  'calendar-kolkata': 'Asia/Kolkata',
  'calendar-chatham': 'Pacific/Chatham',
}

describe('process time zone', () => {
  it('is the zone the calendar project names, as seen by Date and Intl', ({ task }) => {
    const project = task.file.projectName ?? ''
    const zone = CALENDAR_PROJECTS[project]
    if (!project.startsWith('calendar-')) return // the 'unit' project runs in whatever zone the machine has
    expect(zone, `no zone listed for project ${project}`).toBeDefined()
    if (zone === undefined) return
    expect(process.env.TZ).toBe(zone)
    // Compared through Intl on both sides: ICU reports some zones by their legacy id (Asia/Kolkata → Asia/Calcutta).
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical)
    for (const instant of [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)]) {
      // getTimezoneOffset is minutes west of UTC; zoneOffsetMs is ms east
      expect(-new Date(instant).getTimezoneOffset() * 60_000).toBe(zoneOffsetMs(instant, zone))
    }
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset()).not.toBe(0)
  })
})
