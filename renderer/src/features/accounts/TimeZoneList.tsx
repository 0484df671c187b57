import { useMemo } from 'react'
import { knownTimeZones } from '../../lib/format'
import { TIME_ZONE_LIST_ID } from './account-options'

/** Suggestions for every time-zone input on the screen (one list, however many inputs). */
export function TimeZoneList() {
  const zones = useMemo(() => knownTimeZones(), [])
  return (
    <datalist id={TIME_ZONE_LIST_ID}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  )
}
