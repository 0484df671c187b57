/** What the calendar methods answer (issue 6 §8). Instants are ISO 8601 UTC. */

/** An iCalendar (RFC 5545) document of expiries and renewals, and how many events it holds. */
export interface CalendarExport {
  readonly ics: string
  readonly events: number
}

/** A calendar feed as listed: never its token, which only `calendar.feeds.create` answers, once. */
export interface CalendarFeedView {
  readonly id: number
  readonly label: string
  readonly createdAt: string
  readonly revokedAt: string | null
  /** When a calendar app last fetched it (best effort); null = never. */
  readonly lastUsedAt: string | null
}

/** A new feed: `token` is shown this once (only its SHA-256 is kept); `path` is the URL path serve answers it on. */
export interface CalendarFeedCreated {
  readonly id: number
  readonly label: string
  readonly token: string
  readonly path: string
}
