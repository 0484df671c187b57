import { useMemo, useSyncExternalStore } from 'react'
import type { NotificationText } from '@shared/reminders/types'

/**
 * The screens of the app shell and their addresses. The location hash keeps the choice across reloads and is what a
 * notification opens: `#/reminders`, `#/settings`, `#/accounts/4`, `#/accounts/4/lots/P3%235`. Routes share the
 * `view` tag of a reminder's link, so every link a reminder carries is a route as it is.
 */
export type Route =
  | { readonly view: 'vendors' }
  | { readonly view: 'accounts' }
  | { readonly view: 'account'; readonly accountId: number }
  | { readonly view: 'lot'; readonly accountId: number; readonly lotId: string }
  | { readonly view: 'inbox' }
  | { readonly view: 'settings' }

/** Where a reminder, a notification or the tray leads (a subset of the routes). */
export type ReminderTarget = NotificationText['link']

/** The sidebar's entries: a page under an account belongs to Accounts. */
export type Section = 'vendors' | 'accounts' | 'inbox' | 'settings'

export const DEFAULT_ROUTE: Route = { view: 'vendors' }

export const sectionOf = (route: Route): Section =>
  route.view === 'account' || route.view === 'lot' ? 'accounts' : route.view

export const routeHref = (route: Route): string => {
  switch (route.view) {
    case 'vendors':
    case 'accounts':
    case 'settings':
      return `#/${route.view}`
    case 'inbox':
      return '#/reminders'
    case 'account':
      return `#/accounts/${String(route.accountId)}`
    case 'lot':
      // Engine lot ids carry '#' (P3#5) and '>' (P3#5>rolled): encoded so the hash stays one address.
      return `#/accounts/${String(route.accountId)}/lots/${encodeURIComponent(route.lotId)}`
  }
}

/** The address of a reminder's link, for the inbox's Open and for a notification's click. */
export const linkHref = (link: ReminderTarget): string => routeHref(link)

const ACCOUNT_ID = /^[1-9]\d{0,15}$/

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Any hash to a route; an unknown or malformed address shows the first screen rather than nothing. */
export const parseRoute = (hash: string): Route => {
  const parts = hash.replace(/^#\/?/, '').split('/')
  const [first = '', id, sub, lot, ...rest] = parts
  if (rest.length > 0) return DEFAULT_ROUTE
  if (parts.length === 1) {
    if (first === 'vendors' || first === 'accounts' || first === 'settings') return { view: first }
    if (first === 'reminders') return { view: 'inbox' }
    return DEFAULT_ROUTE
  }
  if (first !== 'accounts' || id === undefined || !ACCOUNT_ID.test(id)) return DEFAULT_ROUTE
  const accountId = Number(id)
  if (sub === undefined) return { view: 'account', accountId }
  const lotId = lot === undefined ? undefined : decode(lot)
  if (sub !== 'lots' || lotId === undefined || lotId.trim() === '') return DEFAULT_ROUTE
  return { view: 'lot', accountId, lotId }
}

/** Go to a reminder's link (a notification click, `reminders.open` from the desktop app). */
export const openLink = (link: ReminderTarget): void => {
  window.location.hash = linkHref(link)
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => {
    window.removeEventListener('hashchange', onChange)
  }
}

/** The current route; the hash text is the snapshot, so a re-render does not make a new route object. */
export const useHashRoute = (): Route => {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return useMemo(() => parseRoute(hash), [hash])
}
