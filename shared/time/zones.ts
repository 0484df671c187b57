/** True when the runtime's ICU knows this IANA zone name (e.g. "Europe/Berlin", "UTC"). */
export const isValidTimeZone = (zone: string): boolean => {
  if (zone.trim() !== zone || zone.length === 0) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
