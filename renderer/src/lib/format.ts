/** Dates and counts for the user's locale (the runtime's default), never a hard-coded format. */

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const plural = new Intl.PluralRules(undefined)

/**
 * An instant as the backend sends it (ISO 8601 with a Z, issue 4 §6) or as epoch ms (times the renderer keeps
 * itself); both name the same moment and are shown in the user's zone.
 */
export type InstantLike = string | number

export const formatDate = (at: InstantLike): string => dateFormat.format(new Date(at))

export const formatDateTime = (at: InstantLike): string => dateTimeFormat.format(new Date(at))

/** `count(2, 'account', 'accounts')` → "2 accounts". */
export const count = (n: number, one: string, other: string): string =>
  `${new Intl.NumberFormat().format(n)} ${plural.select(n) === 'one' ? one : other}`

/** A website shown without its scheme: "https://openai.com/" → "openai.com". */
export const displayHost = (url: string): string => {
  try {
    const parsed = new URL(url)
    const path = parsed.pathname === '/' ? '' : parsed.pathname
    return `${parsed.host}${path}`
  } catch {
    return url
  }
}

/** The browser's IANA zone, e.g. "Europe/Berlin"; UTC when it cannot tell. */
export const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** Every zone the runtime knows, for a datalist of suggestions. */
export const knownTimeZones = (): readonly string[] => {
  try {
    const zones = Intl.supportedValuesOf('timeZone')
    return zones.includes('UTC') ? zones : [...zones, 'UTC']
  } catch {
    return ['UTC']
  }
}

/** An amount as the backend sends it (exact decimal text and its unit): "12.50 USD". Never re-parsed into a float. */
export const formatAmount = (amount: { readonly value: string; readonly unit: string }): string =>
  `${amount.value} ${amount.unit}`

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })

/** A local hour of the day (0–23) in the locale's clock: "9:00 AM" or "09:00". */
export const formatHour = (hour: number): string => hourFormat.format(Date.UTC(2000, 0, 1, hour))
